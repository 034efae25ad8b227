import { ensure, idSchema, saveStudioInput, studioActivityInput, type StudioActivity, type StudioDoc, type TalentPerson } from '@yanzhen/domain';
import { z } from 'zod';
import { action } from '../shared/action';
import { auditIn } from '../shared/audit';
import { readDoc } from '../shared/cloud';
import { readAll } from '../shared/read-all';
import { checked, inTransaction, readInTransaction } from '../shared/transaction';
import { actor, newId, personOf } from './people';

export const STUDIOS = 'studios';

/** Only public facts of a person: built field by field, so nothing else stored on the record can slip out. */
const publicPerson = (p: TalentPerson) => ({ secretaryId: p.secretaryId, name: p.name, community: p.community, street: p.street });

/** Activities newest first. */
const byDateDesc = (a: StudioActivity, b: StudioActivity) => b.date.localeCompare(a.date) || a.id.localeCompare(b.id);

/** What anyone (residents too, logged out) sees of a studio. */
export function publicStudio(s: StudioDoc) {
  return {
    _id: s._id,
    name: s.name,
    intro: s.intro,
    leader: publicPerson(s.leader),
    members: s.members.map(publicPerson),
    activities: [...s.activities].sort(byDateDesc).map((a) => ({ id: a.id, kind: a.kind, title: a.title, date: a.date, summary: a.summary })),
  };
}

export const studioActions = {
  /** Public: every studio as a card (leader, size, latest activity). */
  studios: action({
    access: 'public',
    input: z.strictObject({}),
    async run() {
      const all = await readAll<StudioDoc>(STUDIOS, {});
      const items = all.map((s) => {
        const latest = [...s.activities].sort(byDateDesc)[0];
        return { _id: s._id, name: s.name, leader: publicPerson(s.leader), memberCount: s.members.length, activityCount: s.activities.length, latestActivity: latest ? { kind: latest.kind, title: latest.title, date: latest.date } : null };
      });
      return { items };
    },
  }),
  /** Public: one studio's page. */
  studio: action({
    access: 'public',
    input: z.strictObject({ studioId: idSchema }),
    async run({ studioId }) {
      const s = await readDoc<StudioDoc>(STUDIOS, studioId);
      ensure(s, 'not-found', '找不到该工作室');
      return publicStudio(s);
    },
  }),
  /** Admin: create a studio (no studioId) or change its name, intro, leader and members. */
  saveStudio: action({
    access: 'admin',
    input: saveStudioInput,
    async run({ studioId, name, intro, leaderId, memberIds }, ctx) {
      ensure(!memberIds.includes(leaderId), 'invalid-argument', '领办书记不必再列为成员');
      ensure(new Set(memberIds).size === memberIds.length, 'invalid-argument', '成员重复');
      const [leader, ...members] = await Promise.all([leaderId, ...memberIds].map(personOf));
      const id = studioId ?? newId('studio');
      return inTransaction(async (t) => {
        const before = studioId ? await readInTransaction<StudioDoc>(t, STUDIOS, studioId) : undefined;
        ensure(!studioId || before, 'not-found', '找不到该工作室');
        const doc: StudioDoc = { _id: id, name, intro, leader, members, activities: before?.activities ?? [], createdAt: before?.createdAt ?? ctx.now, updatedAt: ctx.now };
        if (before) checked(await t.collection(STUDIOS).doc(id).update({ data: { name, intro, leader, members, updatedAt: ctx.now } }));
        else checked(await t.collection(STUDIOS).add({ data: doc }));
        await auditIn(t, {
          actor: actor(ctx),
          action: 'talent.saveStudio',
          target: `${STUDIOS}/${id}`,
          before: before ? { name: before.name, leader: before.leader.secretaryId, members: before.members.map((m) => m.secretaryId) } : null,
          after: { name, leader: leaderId, members: memberIds },
        });
        return publicStudio(doc);
      });
    },
  }),
  /** Admin: record an activity of a studio (研讨, 经验分享, 挂职实训). */
  addStudioActivity: action({
    access: 'admin',
    input: studioActivityInput,
    async run({ studioId, ...input }, ctx) {
      return inTransaction(async (t) => {
        const s = await readInTransaction<StudioDoc>(t, STUDIOS, studioId);
        ensure(s, 'not-found', '找不到该工作室');
        const activity: StudioActivity = { id: newId('act'), ...input };
        const activities = [...s.activities, activity];
        checked(await t.collection(STUDIOS).doc(studioId).update({ data: { activities, updatedAt: ctx.now } }));
        await auditIn(t, { actor: actor(ctx), action: 'talent.addStudioActivity', target: `${STUDIOS}/${studioId}`, before: null, after: activity });
        return publicStudio({ ...s, activities });
      });
    },
  }),
};
