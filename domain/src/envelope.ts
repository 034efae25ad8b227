/**
 * The one envelope every cloud-function action answers (design.md): `{ ok: true, data }` or
 * `{ ok: false, error: { code, message, details? } }` with a closed list of codes.
 */
export const ERROR_CODES = [
  'invalid-argument',
  'unauthenticated',
  'permission-denied',
  'not-found',
  'already-exists',
  'failed-precondition',
  'resource-exhausted',
  'internal',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface AppErrorBody {
  code: ErrorCode;
  /** Readable by the user: Simplified Chinese. */
  message: string;
  details?: unknown;
}

export type Ok<T> = { ok: true; data: T };
export type Fail = { ok: false; error: AppErrorBody };
export type Envelope<T> = Ok<T> | Fail;

export const ok = <T>(data: T): Ok<T> => ({ ok: true, data });
export const fail = (code: ErrorCode, message: string, details?: unknown): Fail => ({
  ok: false,
  error: details === undefined ? { code, message } : { code, message, details },
});

/** Thrown inside actions; the action runner turns it into a `Fail` envelope. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

/** `ensure(found, 'not-found', '找不到该书记')`: invariants read as one line each. */
export function ensure(condition: unknown, code: ErrorCode, message: string, details?: unknown): asserts condition {
  if (!condition) throw new AppError(code, message, details);
}

export function isEnvelope(value: unknown): value is Envelope<unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as { ok?: unknown; error?: { code?: unknown } };
  if (v.ok === true) return 'data' in v;
  return v.ok === false && typeof v.error?.code === 'string' && (ERROR_CODES as readonly string[]).includes(v.error.code);
}

/** Default Chinese wording per code, for errors that carry no message of their own. */
export const DEFAULT_MESSAGES: Record<ErrorCode, string> = {
  'invalid-argument': '提交的内容不完整或格式不对，请检查后再试',
  unauthenticated: '请先登录后再操作',
  'permission-denied': '您没有权限进行此操作',
  'not-found': '要找的内容不存在或已被删除',
  'already-exists': '该内容已存在，请勿重复提交',
  'failed-precondition': '当前状态下无法进行此操作',
  'resource-exhausted': '次数已用完，请明天再来',
  internal: '系统繁忙，请稍后再试',
};
