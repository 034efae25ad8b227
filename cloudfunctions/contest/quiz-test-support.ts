/**
 * Helpers for the quiz integration tests: a contest of the test's own with a quiz round, bound secretaries
 * who are its candidates, and the demo bank. Written through the admin SDK; not bundled into `contest`.
 */
import type { QuizAttemptDoc } from '@yanzhen/domain';
import { Workbook } from 'exceljs';
import { seedQuizBank } from '../../scripts/seed/quiz';
import type { Db } from '../shared/db-types';
import type { FunctionHarness } from '../test-support/local-cloud';

export const QUIZ_ROUND = 'quiz';
const DAY = 86_400_000;

/**
 * Contest `id` with a quiz round (open when its scoring window holds now, unless `closed`; `quiz`: its settings), and one bound
 * secretary per entry of `contestants` (`<openid>` → approved or another status).
 */
export async function createQuizContest(db: Db, id: string, contestants: Record<string, 'approved' | 'pending' | 'rejected'>, opts: { closed?: boolean; quiz?: { questionCount: number; timeLimitSeconds: number } } = {}): Promise<void> {
  const now = Date.now();
  const scoring = opts.closed ? { start: new Date(now - 10 * DAY), end: new Date(now - DAY) } : { start: new Date(now - DAY), end: new Date(now + 10 * DAY) };
  await db.collection('contests').doc(id).set({
    data: {
      title: `测试比武 ${id}`,
      year: 2026,
      theme: '测试',
      status: 'judging',
      dimensions: [],
      forms: ['知识竞赛'],
      vote: { start: new Date(now - DAY), end: new Date(now + DAY), perDay: 3, perCandidatePerDay: 1, weight: 0 },
      registration: { start: new Date(now - 20 * DAY), end: new Date(now - 11 * DAY) },
      scoring,
      rounds: [
        { key: 'speech', form: '现场述职', kind: 'scored', judges: [], locked: false },
        { key: QUIZ_ROUND, form: '知识竞赛', kind: 'quiz', judges: [], locked: false, ...(opts.quiz ? { quiz: opts.quiz } : {}) },
      ],
      scoringRule: '去掉最高分和最低分后取平均',
      awards: [],
      createdAt: new Date(),
    },
  });
  await Promise.all(
    Object.entries(contestants).map(async ([openid, status]) => {
      const secretaryId = `sec-${openid}`;
      await db.collection('users').doc(openid).set({ data: { roles: ['secretary'], secretaryId, street: '大观园', updatedAt: new Date() } });
      await db.collection('candidates').doc(`cand-${id}-${openid}`).set({
        data: { contestId: id, secretaryId, name: `选手${openid}`, community: '测试社区', street: '大观园', status, createdAt: new Date() },
      });
    }),
  );
}

export const seedBank = (db: Db): Promise<number> => seedQuizBank(db, new Date());

export async function storedAttempt(db: Db, id: string): Promise<QuizAttemptDoc | null> {
  // A where() read: the admin handle's doc().get() throws for a missing document.
  return (await db.collection<QuizAttemptDoc>('quizAttempts').where({ _id: id }).get()).data[0] ?? null;
}

/** Uploads bytes as the admin's phone does (the H5 preview's upload endpoint) and answers the fileID. */
export async function uploadAs(h: FunctionHarness, openid: string, cloudPath: string, bytes: Buffer): Promise<string> {
  const res = await fetch(`${h.cloud.url}/api/storage/upload?cloudPath=${encodeURIComponent(cloudPath)}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${await h.client.token(openid)}`, 'content-type': 'application/octet-stream' },
    body: new Uint8Array(bytes),
  });
  if (!res.ok) throw new Error(`upload answered ${res.status}: ${await res.text()}`);
  return ((await res.json()) as { fileID: string }).fileID;
}

/** A question sheet in the template's layout. */
export async function questionSheet(rows: (string | number)[][]): Promise<Buffer> {
  const wb = new Workbook();
  const ws = wb.addWorksheet('题库');
  ws.addRow(['题目', '选项A', '选项B', '选项C', '选项D', '选项E', '选项F', '正确答案', '类别', '解析']);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Sets the functions' fake clock (the harness must start with YANZHEN_FAKE_CLOCK=1). */
export async function setFunctionsClock(h: FunctionHarness, offsetMs: number): Promise<void> {
  const res = await fetch(`${h.cloud.url}/api/dev/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ offsetMs }) });
  if (res.status !== 200) throw new Error(`clock answered ${res.status}`);
}

/** Every key anywhere in a JSON value (to prove what a response does not hold). */
export function allKeys(value: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const v of value) allKeys(v, out);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      out.add(k);
      allKeys(v, out);
    }
  }
  return out;
}
