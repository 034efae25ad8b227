import { roundsOf, ruleOf, type ContestDoc } from '@yanzhen/domain';
import { votingOf } from '../shared/contests';

// Kept apart from the action map so that the home function's first screen can use it without bundling the
// contest's set-up, judging and Excel code.
/** What residents see of a contest: the rule and the window, not the judges or scores. */
export function publicContest(c: ContestDoc, now: Date) {
  return {
    _id: c._id,
    title: c.title,
    year: c.year,
    theme: c.theme,
    status: c.status,
    forms: c.forms,
    dimensions: c.dimensions,
    scoringRule: c.scoringRule,
    // The structured rule and the rounds without their judges (B1, issue 10): shown before scoring starts.
    rule: ruleOf(c),
    rounds: roundsOf(c).map((r) => ({ key: r.key, form: r.form, kind: r.kind, locked: r.locked })),
    registration: c.registration ?? null,
    scoring: c.scoring ?? null,
    awards: c.awards,
    ...votingOf(c, now),
  };
}

export type PublicContest = ReturnType<typeof publicContest>;
