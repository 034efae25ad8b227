import { createMain } from '../shared/action';
import { userActions } from './actions';

export const main = createMain(userActions);
