import { createMain } from '../shared/action';
import { contestActions } from './actions';

export const main = createMain(contestActions);
