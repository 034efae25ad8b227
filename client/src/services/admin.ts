import type { AuditItem, Envelope, Street } from '@yanzhen/domain';
import { callFunction } from './cloud';
import type { OwnerShowcase } from './my-showcase';

/** Typed calls for the admin area (docs/api.md: `user` admin actions, `showcase` review, `contest.list`). */

export interface IssuedCode {
  code: string;
  expiresAt: string;
}

export interface BindingRow {
  secretaryId: string;
  name: string;
  community: string;
  street: string;
  bound: boolean;
  boundAt: string | null;
  codeExpiresAt: string | null;
}

export interface AdminRow {
  userKey: string;
  configured: boolean;
  since: string | null;
}

export interface JudgeRow {
  userKey: string;
  since: string | null;
}

/** An audit entry in people's language (built by `user.auditList`, see domain/src/audit.ts). */
export type AuditRow = AuditItem;

export interface AuditPage {
  items: AuditRow[];
  page: number;
  hasMore: boolean;
}

export interface AuditFilter {
  operation?: string;
  target?: string;
  page?: number;
}

/** The slice of `contest.list` the admin area needs (judges are invited per contest). */
export interface ContestSummary {
  _id: string;
  title: string;
  year: number;
  status: string;
}

const user = <T>(action: string, params: object = {}) => callFunction<T>('user', { action, ...params });

export const listBindings = (street?: Street): Promise<Envelope<{ items: BindingRow[] }>> => user('listBindings', street ? { street } : {});
export const issueBindingCode = (secretaryId: string): Promise<Envelope<IssuedCode>> => user('issueBindingCode', { secretaryId });
export const unbind = (secretaryId: string): Promise<Envelope<{ secretaryId: string; unbound: true }>> => user('unbind', { secretaryId });

export const inviteAdmin = (): Promise<Envelope<IssuedCode>> => user('inviteAdmin');
export const inviteJudge = (contestId: string): Promise<Envelope<IssuedCode>> => user('inviteJudge', { contestId });
export const listAdmins = (): Promise<Envelope<{ items: AdminRow[] }>> => user('listAdmins');
export const revokeAdmin = (userKey: string): Promise<Envelope<{ userKey: string; revoked: true }>> => user('revokeAdmin', { userKey });
export const listJudges = (contestId: string): Promise<Envelope<{ items: JudgeRow[] }>> => user('listJudges', { contestId });
export const removeJudge = (contestId: string, userKey: string): Promise<Envelope<{ removed: true }>> => user('removeJudge', { contestId, userKey });

export function auditList(filter: AuditFilter): Promise<Envelope<AuditPage>> {
  const params: Record<string, unknown> = { page: filter.page ?? 0 };
  if (filter.operation) params.operation = filter.operation;
  if (filter.target?.trim()) params.target = filter.target.trim();
  return user('auditList', params);
}

export const listContests = (): Promise<Envelope<{ items: ContestSummary[] }>> => callFunction('contest', { action: 'list' });

export const pendingShowcases = (): Promise<Envelope<{ items: OwnerShowcase[] }>> => callFunction('showcase', { action: 'pendingList' });

export function reviewShowcase(showcaseId: string, decision: 'approve' | 'reject', reason?: string): Promise<Envelope<OwnerShowcase>> {
  const params: Record<string, unknown> = { action: 'review', showcaseId, decision };
  if (decision === 'reject') params.reason = reason?.trim() ?? '';
  return callFunction<OwnerShowcase>('showcase', params);
}
