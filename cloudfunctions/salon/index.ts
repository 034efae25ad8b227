import { createMain } from '../shared/action';
import { isTimerEvent } from '../shared/timer';
import { salonActions } from './actions';
import { runSalonTimer } from './timers';

const handleAction = createMain(salonActions);

// A timer trigger (declared in cloudbaserc.json) calls the function with no caller and no action.
export const main = (event: unknown) => (isTimerEvent(event) ? runSalonTimer(event) : handleAction(event));
