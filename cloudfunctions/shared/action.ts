import { z } from 'zod';
import { AppError, allows, ensure, fail, ok, type Access, type Envelope } from '@yanzhen/domain';
import { currentCaller, type Caller, type CallerProfile } from './identity';

export interface ActionContext {
  caller: Caller;
  /** The caller's profile when the action's access rule needed it (any role beyond resident). */
  profile?: CallerProfile;
  now: Date;
}

/**
 * One action of a cloud function: who may call it, the schema of its input, and what it does.
 * The access rule sits beside the action so that a missing check is visible in review, and the
 * authorization matrix test is generated from these maps.
 */
export interface ActionDef<S extends z.ZodType = z.ZodType, R = unknown> {
  access: Access;
  input: S;
  run(input: z.infer<S>, ctx: ActionContext): Promise<R>;
}

export type ActionMap = Record<string, ActionDef>;

/**
 * The archive record the caller is bound to, for actions a secretary takes about herself. The secretary role
 * comes with a binding, but a profile read mid-unbind may lack it: refused, never `undefined` passed on.
 */
export function boundSecretaryId(ctx: ActionContext): string {
  const secretaryId = ctx.profile?.secretaryId;
  ensure(secretaryId, 'permission-denied', '请先绑定书记档案');
  return secretaryId;
}

export function action<S extends z.ZodType, R>(def: ActionDef<S, R>): ActionDef<S, R> {
  return def;
}

/** The event a function receives: `{ action, ...params }`; the platform adds `userInfo` for client calls. */
function splitEvent(event: unknown): { name: unknown; params: Record<string, unknown> } {
  if (typeof event !== 'object' || event === null || Array.isArray(event)) return { name: undefined, params: {} };
  const { action: name, userInfo: _platformAdded, ...params } = event as Record<string, unknown>;
  return { name, params };
}

function describeIssues(error: z.ZodError): { path: string; message: string }[] {
  return error.issues.slice(0, 10).map((i) => ({ path: i.path.join('.'), message: i.message }));
}

/** Runs the action map for one event and always answers the envelope; never throws. */
export async function runAction(actions: ActionMap, event: unknown): Promise<Envelope<unknown>> {
  try {
    const { name, params } = splitEvent(event);
    if (typeof name !== 'string' || !Object.prototype.hasOwnProperty.call(actions, name)) {
      return fail('invalid-argument', '不支持的操作', { action: typeof name === 'string' ? name.slice(0, 64) : null });
    }
    const def = actions[name];
    const caller = currentCaller();
    const ctx: ActionContext = { caller, now: new Date() };
    if (def.access !== 'public') {
      if (!caller.openid) return fail('unauthenticated', '请在微信中打开后再操作');
      if (def.access !== 'resident') {
        ctx.profile = await caller.profile();
        if (!allows(def.access, ctx.profile.roles)) return fail('permission-denied', '您没有权限进行此操作');
      }
    }
    const parsed = def.input.safeParse(params);
    if (!parsed.success) return fail('invalid-argument', '提交的内容不完整或格式不对', describeIssues(parsed.error));
    return ok(await def.run(parsed.data, ctx));
  } catch (err) {
    if (err instanceof AppError) return fail(err.code, err.message, err.details);
    console.error('[action] internal error', err);
    return fail('internal', '系统繁忙，请稍后再试');
  }
}

/** The exported `main` of a cloud function built from its action map. */
export function createMain(actions: ActionMap) {
  return (event: unknown): Promise<Envelope<unknown>> => runAction(actions, event);
}
