import { z } from 'zod';
import { action, type ActionMap } from '../shared/action';
import { readDoc } from '../shared/cloud';
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
      const record = await readDoc<{ name: string; community: string }>('secretaries', profile.secretaryId, { name: true, community: true });
      return record ? { ...profile, secretary: { name: record.name, community: record.community } } : profile;
    },
  }),
  ...codeActions,
  ...manageActions,
  auditList,
};
