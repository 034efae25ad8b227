import { basicsSchema, entryInputSchema, fileIdSchema, idSchema, rosterChangeSchema, streetSchema } from '@yanzhen/domain';
import { z } from 'zod';
import { action, boundSecretaryId, type ActionMap } from '../shared/action';
import { addEntry, decideProposal, editEntry, fileForAdmin, listFiles, listProposals, ownFile, propose, updateBasics } from './files';
import { importCommit, importPreview, importTemplate } from './importing';
import { changeRoster, exportRoster, rosterFor, rosterSummary } from './roster';

/** The caller's bound record; 'secretary' access guarantees one (the role comes from it). */
const actorOf = (caller: { openid: string | undefined }): string => caller.openid as string;

/** Person files (一人一档), street rosters (一街一册) and their Excel import/export. docs/api.md#archive. */
export const archiveActions: ActionMap = {
  listFiles: action({
    access: 'admin',
    input: z.strictObject({ street: streetSchema.optional(), q: z.string().trim().max(20).optional(), page: z.number().int().min(1).max(1000).default(1) }),
    run: ({ street, q, page }) => listFiles(street, q || undefined, page),
  }),
  getFile: action({
    access: 'admin',
    input: z.strictObject({ fileId: fileIdSchema }),
    run: ({ fileId }) => fileForAdmin(fileId),
  }),
  addEntry: action({
    access: 'admin',
    input: z.strictObject({ fileId: fileIdSchema, entry: entryInputSchema }),
    run: async ({ fileId, entry }, { caller, now }) => ({ entry: await addEntry(fileId, entry, actorOf(caller), now) }),
  }),
  editEntry: action({
    access: 'admin',
    input: z.strictObject({ fileId: fileIdSchema, entryId: z.string().regex(/^[A-Za-z0-9_-]{1,80}$/, '记录编号不正确'), entry: entryInputSchema }),
    run: async ({ fileId, entryId, entry }, { caller, now }) => ({ entry: await editEntry(fileId, entryId, entry, actorOf(caller), now) }),
  }),
  updateBasics: action({
    access: 'admin',
    input: z.strictObject({ fileId: fileIdSchema, basics: basicsSchema.partial() }),
    run: async ({ fileId, basics }, { caller, now }) => ({ file: await updateBasics(fileId, basics, actorOf(caller), now) }),
  }),
  myFile: action({
    access: 'secretary',
    input: z.strictObject({}),
    run: (_input, ctx) => ownFile(boundSecretaryId(ctx)),
  }),
  propose: action({
    access: 'secretary',
    input: z.strictObject({ entry: entryInputSchema }),
    run: async ({ entry }, ctx) => ({ proposal: await propose(boundSecretaryId(ctx), entry, ctx.now) }),
  }),
  proposals: action({
    access: 'admin',
    input: z.strictObject({ status: z.enum(['pending', 'confirmed', 'rejected']).default('pending') }),
    run: ({ status }) => listProposals(status),
  }),
  decideProposal: action({
    access: 'admin',
    input: z.strictObject({ proposalId: idSchema, decision: z.enum(['confirm', 'reject']), reason: z.string().trim().max(100).optional() }),
    run: async ({ proposalId, decision, reason }, { caller, now }) => ({ proposal: await decideProposal(proposalId, decision, reason || undefined, actorOf(caller), now) }),
  }),
  rosters: action({
    access: 'admin',
    input: z.strictObject({}),
    run: () => rosterSummary(),
  }),
  roster: action({
    access: 'admin',
    input: z.strictObject({ street: streetSchema }),
    run: ({ street }) => rosterFor(street),
  }),
  changeRoster: action({
    access: 'admin',
    input: rosterChangeSchema,
    run: (input, { caller, now }) => changeRoster(input, actorOf(caller), now),
  }),
  exportRoster: action({
    access: 'admin',
    input: z.strictObject({ street: streetSchema }),
    run: ({ street }, { caller, now }) => exportRoster(street, actorOf(caller), now),
  }),
  importTemplate: action({
    access: 'admin',
    input: z.strictObject({}),
    run: () => importTemplate(),
  }),
  importPreview: action({
    access: 'admin',
    input: z.strictObject({ fileID: z.string().regex(/^cloud:\/\/[^\s]{1,300}\.xlsx$/i, '请上传 .xlsx 格式的 Excel 表格') }),
    run: ({ fileID }) => importPreview(fileID),
  }),
  importCommit: action({
    access: 'admin',
    input: z.strictObject({ jobId: z.string().regex(/^imp-[0-9a-f]{24}$/, '导入任务编号不正确') }),
    run: ({ jobId }, { caller, now }) => importCommit(jobId, actorOf(caller), now),
  }),
};
