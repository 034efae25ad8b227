import { z } from 'zod';
import { action, type ActionMap } from '../shared/action';
import { db } from '../shared/cloud';
import { auditList } from './audit-list';
import { codeActions } from './codes';
import { manageActions } from './manage';

export const userActions: ActionMap = {
  /** Who am I: identity and roles of the caller; everyone is a resident. */
  whoami: action({
    access: 'resident',
    input: z.strictObject({}),
    async run(_input, { caller }) {
      const profile = await caller.profile();
      if (!profile.secretaryId) return profile;
      const sec = await db.collection('secretaries').where({ _id: profile.secretaryId }).field({ name: true, community: true }).limit(1).get();
      const record = sec.data[0] as { name: string; community: string } | undefined;
      return record ? { ...profile, secretary: { name: record.name, community: record.community } } : profile;
    },
  }),
  ...codeActions,
  ...manageActions,
  auditList,
};
