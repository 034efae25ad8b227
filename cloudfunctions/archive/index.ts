import { createMain } from '../shared/action';
import { archiveActions } from './actions';

export const main = createMain(archiveActions);
