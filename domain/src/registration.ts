import { z } from 'zod';
import type { CandidateDoc, CandidateStatus } from './contest';
import { STREETS } from './streets';

/**
 * Registrations for a contest (issue 10). A registration is a `candidates` document: one per secretary and
 * contest (unique index contest_secretary, deterministic id), `pending` until an admin approves or rejects it
 * with a reason; the secretary may withdraw it while registration is open. Approved = a contestant (voting
 * and judging read `status: 'approved'`).
 */
export const REGISTRATION_STATUSES = ['pending', 'approved', 'rejected', 'withdrawn'] as const satisfies readonly CandidateStatus[];
export type RegistrationStatus = CandidateStatus;

export const REGISTRATION_STATUS_LABELS: Record<RegistrationStatus, string> = {
  pending: '审核中',
  approved: '已通过',
  rejected: '未通过',
  withdrawn: '已撤回',
};

/** What a secretary submits: her 述职 summary, the project she presents, and photos (her own uploads). */
export interface RegistrationMaterials {
  /** 述职 summary. */
  summary: string;
  /** The project (项目) she presents: a title and what it did. */
  projectTitle: string;
  projectDescription: string;
  /** Cloud file ids of photos uploaded under `contest/<contestId>/<secretaryId>/`. */
  photoFileIds: string[];
}

export interface RegistrationDoc extends CandidateDoc {
  materials: RegistrationMaterials;
  /** OpenID of the secretary who registered: the subscribe message's recipient. Never sent to clients. */
  openid: string;
  /** True when she accepted the one-time subscribe message on the tap that submitted. */
  notifyResult: boolean;
  /** When the result message went out; a registration gets at most one. */
  notifiedAt?: Date | null;
  submittedAt: Date;
  reviewedAt?: Date | null;
  withdrawnAt?: Date | null;
  updatedAt: Date;
}

/**
 * The template of the "报名审核结果" one-time subscribe message. Template ids are public (the mini-program
 * passes them to `wx.requestSubscribeMessage`); the production id is configured in the mp console with the
 * fields below (thing1 contest, phrase2 result, thing3 note, time4 review time).
 */
export const REGISTRATION_RESULT_TEMPLATE_ID = 'yz-contest-registration-result';
export const REGISTRATION_RESULT_PAGE = 'secretary/contest-registration/index';

/** A registration's deterministic id: the same secretary registering twice lands on the same document. */
export function registrationId(contestId: string, secretaryId: string): string {
  return `reg-${contestId}-${secretaryId}`;
}

const fileId = z.string().trim().min(1).max(256).regex(/^cloud:\/\//, '请上传图片后再提交');

/** Bounds keep the text within msgSecCheck's 2,500 characters. */
export const registrationMaterialsSchema = z.strictObject({
  summary: z.string().trim().min(1, '请填写述职摘要').max(1500, '述职摘要不超过 1500 字'),
  projectTitle: z.string().trim().min(1, '请填写项目名称').max(40, '项目名称不超过 40 字'),
  projectDescription: z.string().trim().min(1, '请填写项目介绍').max(800, '项目介绍不超过 800 字'),
  photoFileIds: z.array(fileId).max(6, '最多 6 张照片').default([]),
});

/** A reject needs a reason the secretary reads. */
export const rejectReasonSchema = z.string().trim().min(1, '请填写未通过的原因').max(200, '原因不超过 200 字');

export const registrationFilterSchema = z.strictObject({
  status: z.enum(REGISTRATION_STATUSES).optional(),
  street: z.enum(STREETS).optional(),
});

/** Where a secretary's registration photos live in cloud storage (checked on submit: her own uploads only). */
export const registrationUploadPrefix = (contestId: string, secretaryId: string): string => `contest/${contestId}/${secretaryId}/`;

/** Whether a registration window is open at `now` (start inclusive, end exclusive, as the vote window). */
export function isRegistrationOpen(window: { start: Date | string; end: Date | string } | undefined | null, now: Date): boolean {
  if (!window) return false;
  const t = now.getTime();
  return new Date(window.start).getTime() <= t && t < new Date(window.end).getTime();
}
