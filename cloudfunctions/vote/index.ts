import { createMain } from '../shared/action';
import { voteActions } from './actions';

export const main = createMain(voteActions);
