import type { ActionMap } from '../shared/action';
import { archiveActions } from './archive';
import { planningActions } from './planning';
import { qaActions } from './qa';
import { signupActions } from './signup';

/** The salon's actions, by area: rotation and planning, sign-up and check-in, 你问我答, the archive. */
export const salonActions: ActionMap = { ...planningActions, ...signupActions, ...qaActions, ...archiveActions };
