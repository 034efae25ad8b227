import type { ActionMap } from '../shared/action';
import { batchActions } from './batches';
import { participationActions } from './participation';
import { reserveActions } from './reserves';
import { studioActions } from './studios';

/**
 * 人才培育: the reserve pipeline (雏雁 → 青雁 → 头雁), studios (优秀社区书记工作室) and secondment batches
 * (区内挂职交流). Nothing here reads or returns private fields of the person file (see people.ts).
 */
export const talentActions: ActionMap = { ...reserveActions, ...studioActions, ...batchActions, ...participationActions };
