import {
  AppError,
  answerInput,
  askInput,
  commentInput,
  ensure,
  inChina,
  onSiteInput,
  salonIdInput,
  salonStatus,
  upvoteInput,
  type SalonCommentDoc,
  type SalonDoc,
  type SalonQuestionDoc,
  type SalonQuestionView,
  type SecretaryDoc,
} from '@yanzhen/domain';
import { z } from 'zod';
import { action, type ActionMap } from '../shared/action';
import { _, db, readDoc } from '../shared/cloud';
import type { CallerProfile } from '../shared/identity';
import { textOf } from '../shared/transaction';
import { userKey } from '../shared/user-key';
import { checkSalonText } from './qa-content';
import { reminderActions } from './reminders';
import { loadSalon } from './salon-view';

/**
 * 你问我答: questions asked before or during a salon (secretaries and admins ask; everyone reads), one upvote
 * per person, answers by the salon's presenters, the host street marking what was answered on site, and the
 * departments' comments on the cases (written by an admin on the department's behalf).
 */
const QUESTIONS = 'salonQuestions';
const VOTES = 'salonQuestionVotes';
const COMMENTS = 'salonComments';
/** A salon shows at most this many questions (most upvoted first); far above any real salon's. */
const MAX_QUESTIONS = 200;

/** Questions are taken until the salon's day ends (China time), and never once it is archived. */
export function questionsOpen(s: SalonDoc, now: Date): boolean {
  return salonStatus(s, now) !== 'archived' && now.getTime() < inChina(s.date).endOf('day').valueOf();
}

const isPresenter = (s: SalonDoc, p: CallerProfile | undefined) => Boolean(p?.secretaryId && (s.presenters ?? []).some((x) => x.secretaryId === p.secretaryId));
const isHost = (s: SalonDoc, p: CallerProfile | undefined) => Boolean(p && (p.roles.includes('admin') || (p.roles.includes('secretary') && p.street === s.hostStreet)));

async function loadQuestion(questionId: string): Promise<SalonQuestionDoc> {
  const q = await readDoc<SalonQuestionDoc>(QUESTIONS, questionId);
  ensure(q, 'not-found', '找不到这个问题');
  return q;
}

async function askerLabel(p: CallerProfile): Promise<string> {
  if (p.secretaryId) {
    const sec = await readDoc<SecretaryDoc>('secretaries', p.secretaryId, { name: true, community: true });
    if (sec) return `${sec.name}（${sec.community}）`;
  }
  return p.roles.includes('admin') ? '区委组织部' : '社区书记';
}

function view(q: SalonQuestionDoc, voted: boolean): SalonQuestionView {
  const answers = Object.values(q.answers ?? {}).sort((a, b) => new Date(a.at).getTime() - new Date(b.at).getTime());
  return { _id: q._id, text: q.text, askerLabel: q.askerLabel, upvotes: q.upvotes, voted, answers, answeredOnSite: Boolean(q.answeredOnSite), createdAt: q.createdAt };
}

/** The database refused a second document with that `_id` (E11000, as MongoDB says). */
const isDuplicate = (err: unknown) => {
  const e = err as { errMsg?: unknown; message?: unknown } | null;
  return /E11000|duplicate/i.test(`${textOf(e?.errMsg)} ${textOf(e?.message)}`);
};

/** The salon's questions and comments, with what the caller may do. */
export async function salonQa(salonId: string, openid: string | undefined, profile: CallerProfile | undefined, now: Date) {
  const salon = await loadSalon(salonId);
  const [questions, comments] = await Promise.all([
    db.collection<SalonQuestionDoc>(QUESTIONS).where({ salonId }).orderBy('upvotes', 'desc').orderBy('createdAt', 'asc').limit(MAX_QUESTIONS).get(),
    db.collection<SalonCommentDoc>(COMMENTS).where({ salonId }).orderBy('createdAt', 'asc').limit(MAX_QUESTIONS).get(),
  ]);
  let voted = new Set<string>();
  if (openid && questions.data.length > 0) {
    const mine = await db.collection<{ questionId: string }>(VOTES).where({ salonId, voterKey: userKey(openid) }).field({ questionId: true }).limit(MAX_QUESTIONS).get();
    voted = new Set(mine.data.map((v) => v.questionId));
  }
  const open = questionsOpen(salon, now);
  const roles = profile?.roles ?? [];
  return {
    salonId,
    open,
    items: questions.data.map((q) => view(q, voted.has(q._id))),
    // The cases a department may comment on.
    cases: (salon.presenters ?? []).map(({ secretaryId, name, caseTitle }) => ({ secretaryId, name, caseTitle })),
    comments: comments.data.map(({ _id, caseSecretaryId, caseTitle, department, speaker, text, createdAt }) => ({ _id, caseSecretaryId, caseTitle, department, speaker, text, createdAt })),
    viewer: {
      canAsk: open && (roles.includes('secretary') || roles.includes('admin')),
      canUpvote: open && Boolean(openid),
      canAnswer: isPresenter(salon, profile),
      canMarkOnSite: isHost(salon, profile),
      canComment: roles.includes('admin'),
      secretaryId: profile?.secretaryId ?? null,
    },
  };
}

export const qaActions: ActionMap = {
  /** The salon's 你问我答 and department comments → `{ salonId, open, items, comments, viewer }`. */
  questions: action({
    access: 'public',
    input: z.strictObject({ salonId: salonIdInput }),
    async run({ salonId }, { caller, now }) {
      return salonQa(salonId, caller.openid, caller.openid ? await caller.profile() : undefined, now);
    },
  }),
  /** A secretary (or admin) asks a question (msgSecCheck first) → the question as shown. */
  ask: action({
    access: ['secretary', 'admin'],
    input: askInput,
    async run({ salonId, text }, { profile, now }) {
      const salon = await loadSalon(salonId);
      ensure(questionsOpen(salon, now), 'failed-precondition', '本期沙龙已结束，不能再提问了');
      const p = profile as CallerProfile;
      await checkSalonText(p.openid, text);
      const doc: Omit<SalonQuestionDoc, '_id'> = { salonId, text, askerKey: userKey(p.openid), askerLabel: await askerLabel(p), upvotes: 0, answers: {}, answeredOnSite: false, createdAt: now };
      const { _id } = await db.collection(QUESTIONS).add({ data: doc });
      return view({ _id, ...doc }, false);
    },
  }),
  /**
   * One upvote per person: the vote is the document `<questionId>.<userKey>`, whose second `add` the database
   * refuses, so parallel taps count once; then the count goes up with an atomic `inc`. Again → no change.
   */
  upvote: action({
    access: 'resident',
    input: upvoteInput,
    async run({ questionId }, { caller, now }) {
      const q = await loadQuestion(questionId);
      ensure(questionsOpen(await loadSalon(q.salonId), now), 'failed-precondition', '本期沙龙已结束，不能再点赞了');
      const voterKey = userKey(caller.openid as string);
      try {
        await db.collection(VOTES).add({ data: { _id: `${questionId}.${voterKey}`, questionId, salonId: q.salonId, voterKey, at: now } });
      } catch (err) {
        if (!isDuplicate(err)) throw err;
        return { questionId, upvotes: q.upvotes, voted: true, counted: false };
      }
      await db.collection(QUESTIONS).doc(questionId).update({ data: { upvotes: _.inc(1) } });
      const after = await readDoc<SalonQuestionDoc>(QUESTIONS, questionId, { upvotes: true });
      return { questionId, upvotes: after?.upvotes ?? q.upvotes + 1, voted: true, counted: true };
    },
  }),
  /** A presenter of the salon answers (again: replaces their own answer) → the question as shown. */
  answer: action({
    access: 'secretary',
    input: answerInput,
    async run({ questionId, text }, { profile, now }) {
      const p = profile as CallerProfile;
      const q = await loadQuestion(questionId);
      const salon = await loadSalon(q.salonId);
      ensure(isPresenter(salon, p), 'permission-denied', '只有本期沙龙的主讲书记可以回答问题');
      await checkSalonText(p.openid, text);
      const name = salon.presenters.find((x) => x.secretaryId === p.secretaryId)?.name ?? '主讲书记';
      const sid = p.secretaryId as string;
      const answer = { secretaryId: sid, name, text, at: q.answers?.[sid]?.at ?? now };
      // One key per presenter, set atomically: two presenters answering at once never overwrite each other.
      await db.collection(QUESTIONS).doc(questionId).update({ data: { answers: { [sid]: _.set(answer) } } });
      return view({ ...q, answers: { ...q.answers, [sid]: answer } }, false);
    },
  }),
  /** The host street's secretary (or an admin) marks a question as answered on site, or not. */
  markOnSite: action({
    access: ['secretary', 'admin'],
    input: onSiteInput,
    async run({ questionId, answeredOnSite }, { profile }) {
      const q = await loadQuestion(questionId);
      ensure(isHost(await loadSalon(q.salonId), profile), 'permission-denied', '只有承办街道的书记或管理员可以标记现场答复');
      await db.collection(QUESTIONS).doc(questionId).update({ data: { answeredOnSite } });
      return { questionId, answeredOnSite };
    },
  }),
  /** An admin records a department's (or expert's) comment on a presenter's case, or on the salon. */
  comment: action({
    access: 'admin',
    input: commentInput,
    async run({ salonId, caseSecretaryId, department, speaker, text }, { now }) {
      const salon = await loadSalon(salonId);
      const presenter = caseSecretaryId ? salon.presenters.find((x) => x.secretaryId === caseSecretaryId) : undefined;
      if (caseSecretaryId && !presenter) throw new AppError('invalid-argument', '这位书记不是本期沙龙的主讲人');
      const doc: Omit<SalonCommentDoc, '_id'> = { salonId, caseSecretaryId, caseTitle: presenter?.caseTitle ?? null, department, speaker, text, createdAt: now };
      const { _id } = await db.collection(COMMENTS).add({ data: doc });
      return { _id, ...doc };
    },
  }),
  /** An admin removes a comment. */
  removeComment: action({
    access: 'admin',
    input: z.strictObject({ commentId: z.string().trim().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/) }),
    async run({ commentId }) {
      const res = await db.collection(COMMENTS).doc(commentId).remove();
      ensure(res.stats.removed === 1, 'not-found', '找不到这条点评');
      return { commentId, removed: true };
    },
  }),
  /** An admin removes a question (moderation); its upvotes go with it. */
  removeQuestion: action({
    access: 'admin',
    input: upvoteInput,
    async run({ questionId }) {
      const res = await db.collection(QUESTIONS).doc(questionId).remove();
      ensure(res.stats.removed === 1, 'not-found', '找不到这个问题');
      await db.collection(VOTES).where({ questionId }).remove();
      return { questionId, removed: true };
    },
  }),
  ...reminderActions,
};
