import { createMain } from '../shared/action';
import { showcaseActions } from './actions';
import { isMediaCheckPush, receiveMediaCheck } from './images';

const runAction = createMain(showcaseActions);

/**
 * Client calls carry `{ action, ... }`; this function is also the mini-program's message-push target,
 * which delivers the verdicts of `security.mediaCheckAsync` (Event `wxa_media_check`).
 */
export const main = (event: unknown): Promise<unknown> => (isMediaCheckPush(event) ? receiveMediaCheck(event) : runAction(event));
