import { createMain } from '../shared/action';
import { showcaseActions } from './actions';

export const main = createMain(showcaseActions);
