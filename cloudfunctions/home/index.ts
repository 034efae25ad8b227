import { createMain } from '../shared/action';
import { homeActions } from './actions';

export const main = createMain(homeActions);
