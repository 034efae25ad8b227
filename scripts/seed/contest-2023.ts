import { DIMENSIONS, recusalId, scoreId, type CandidateDoc, type ContestDoc, type ContestRound, type RecusalDoc, type ScoreDoc } from '@yanzhen/domain';
import { userKey } from '../../cloudfunctions/shared/user-key';
import { buildSnapshot, type ResultsInput } from '../../cloudfunctions/contest/results-snapshot';
import { randomFrom } from '../random';
import { contest2023 } from './contests';
import { SECRETARIES } from './people';
import { STORIES } from './stories';

/**
 * The 2023 edition, published (issue 10, B2): its 17 contestants (the 17 secretaries), two scored rounds
 * (现场述职, 实地观摩) by five judges, one declared recusal, both rounds locked, and the published results
 * computed by the same code as `contest.publish` (results-snapshot.ts, the rule in domain/src/scoring.ts):
 * 1 first, 2 second and 3 third prizes. Judges' sheets are public, as the district chose to show them.
 * Scores are drawn from a fixed seed: each secretary is stronger in her showcase's two dimensions.
 */

type Put = (collection: string, docs: { _id: string }[]) => Promise<void>;

const CONTEST_ID = 'contest-2023';
export const JUDGES_2023 = ['judge-2023-1', 'judge-2023-2', 'judge-2023-3', 'judge-2023-4', 'judge-2023-5'];
const PUBLISHED_AT = new Date('2023-10-20T10:00:00+08:00');
const SCORED_AT = new Date('2023-10-12T16:00:00+08:00');
/** The fourth judge declared a conflict with the ninth contestant (a former colleague). */
const DECLARED = { judge: JUDGES_2023[3], secretary: SECRETARIES[8]._id };

export const candidate2023Id = (secretaryId: string): string => `cand2023-${secretaryId}`;

/** The 2023 contest document as published. */
export function publishedContest2023(): ContestDoc {
  const rounds: ContestRound[] = [
    { key: 'r1', form: '现场述职', kind: 'scored', judges: JUDGES_2023, locked: true, lockedAt: new Date('2023-10-13T18:00:00+08:00') },
    { key: 'r2', form: '实地观摩', kind: 'scored', judges: JUDGES_2023, locked: true, lockedAt: new Date('2023-10-18T18:00:00+08:00') },
  ];
  return {
    ...contest2023(),
    status: 'published',
    rounds,
    registration: { start: new Date('2023-08-01T00:00:00+08:00'), end: new Date('2023-08-31T00:00:00+08:00') },
    scoring: { start: new Date('2023-10-10T08:00:00+08:00'), end: new Date('2023-10-19T00:00:00+08:00') },
    ruleFixedAt: new Date('2023-10-10T08:00:00+08:00'),
    published: { at: PUBLISHED_AT, sheetsPublic: true },
    updatedAt: PUBLISHED_AT,
  };
}

/** A judge's score of a contestant in a dimension: her level, her strengths, the judge's leniency, some spread. */
function scoresFor(random: () => number): (level: number, strong: boolean, leniency: number) => number {
  return (level, strong, leniency) => Math.max(60, Math.min(100, Math.round(level + (strong ? 6 : 0) + leniency + (random() - 0.5) * 8)));
}

export function contest2023Data(): { contest: ContestDoc; candidates: CandidateDoc[]; scores: ScoreDoc[]; recusals: RecusalDoc[] } {
  const contest = publishedContest2023();
  const random = randomFrom(2023);
  const score = scoresFor(random);
  const candidates: CandidateDoc[] = SECRETARIES.map((s) => ({
    _id: candidate2023Id(s._id),
    contestId: CONTEST_ID,
    secretaryId: s._id,
    name: s.name,
    community: s.community,
    street: s.street,
    status: 'approved',
    createdAt: new Date('2023-08-15T09:00:00+08:00'),
  }));
  const levels = SECRETARIES.map(() => 74 + random() * 16);
  const leniency = JUDGES_2023.map((_, j) => [-2, 1, 0, 3, -1][j]);
  const scores: ScoreDoc[] = [];
  for (const round of contest.rounds ?? []) {
    JUDGES_2023.forEach((openid, j) => {
      SECRETARIES.forEach((s, i) => {
        if (openid === DECLARED.judge && s._id === DECLARED.secretary) return;
        const judgeKey = userKey(openid);
        const candidateId = candidate2023Id(s._id);
        const dimensions = Object.fromEntries(DIMENSIONS.map((d) => [d.key, score(levels[i], STORIES[i].tags.includes(d.key), leniency[j])]));
        scores.push({ _id: scoreId(CONTEST_ID, round.key, candidateId, judgeKey), contestId: CONTEST_ID, roundKey: round.key, candidateId, judgeKey, dimensions, updatedAt: SCORED_AT });
      });
    });
  }
  const declaredCandidate = candidate2023Id(DECLARED.secretary);
  const recusals: RecusalDoc[] = [
    { _id: recusalId(CONTEST_ID, declaredCandidate, userKey(DECLARED.judge)), contestId: CONTEST_ID, candidateId: declaredCandidate, judgeKey: userKey(DECLARED.judge), reason: 'declared', note: '曾与该书记在同一街道共事', createdAt: new Date('2023-10-10T09:00:00+08:00') },
  ];
  return { contest, candidates, scores, recusals };
}

/** Writes the published 2023 contest; answers a line for the seed's summary. */
export async function seedContest2023(put: Put): Promise<string> {
  const { contest, candidates, scores, recusals } = contest2023Data();
  const input: ResultsInput = { candidates, scores, recusals, quiz: [], votes: [] };
  const snap = buildSnapshot(contest, input, { sheetsPublic: true, at: PUBLISHED_AT, actor: 'demo-admin' });
  // The story needs exactly 1 + 2 + 3 prizes: a tie on the sixth place would award a seventh.
  if (snap.awards.length !== 6) throw new Error(`2023 seed: expected 6 prizes, got ${snap.awards.length}`);
  await put('contests', [contest]);
  await put('candidates', candidates);
  await put('judgeAssignments', JUDGES_2023.map((openid) => ({ _id: `judge-${CONTEST_ID}-${userKey(openid)}`, contestId: CONTEST_ID, openid, key: userKey(openid), createdAt: new Date('2023-09-20T09:00:00+08:00') }) as { _id: string }));
  await put('recusals', recusals);
  await put('scores', scores);
  await put('contestResults', [snap]);
  const awards = snap.awards.map((a) => `${a.tier} ${a.name} ${a.total}`).join('，');
  return `2023 contest published: ${candidates.length} contestants, ${scores.length} scores by ${JUDGES_2023.length} judges; ${awards}`;
}
