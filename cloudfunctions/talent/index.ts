import { createMain } from '../shared/action';
import { talentActions } from './actions';

export const main = createMain(talentActions);
