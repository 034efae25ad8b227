import type { TalentPerson } from './talent';

/**
 * The pairing proposal of a secondment batch: each seconded secretary gets one mentor, one-to-one, honouring
 * the wished host communities (the report: 事先征求各挂职书记的区内意向挂职交流社区) as far as they can be,
 * and saying for each wish left unmet why. The admin sees it as a proposal and may change any pair.
 *
 * It is an assignment problem solved exactly (Hungarian method, O(n²·m)): first as many honoured wishes as
 * possible, then the better-ranked ones. Greedy "first come, first served" would let an early secretary take
 * the only mentor a later one wished for while the early one had other wishes.
 */

export interface Seconded {
  street: string;
  secretaryId: string;
  name: string;
  community: string;
  /** Wished host communities, most wanted first. */
  wishes: string[];
}

export interface ProposedPair {
  street: string;
  secretaryId: string;
  name: string;
  mentor: TalentPerson | null;
  /** 0 = first wish; null = paired outside the wishes, or not paired. */
  wishRank: number | null;
  /** Why the wishes were or were not honoured, in words for the admin. */
  note: string;
}

export interface PairingProposal {
  pairs: ProposedPair[];
  /** How many secretaries got one of their wishes. */
  honoured: number;
  /** True when every seconded secretary got a mentor from one of her wished communities. */
  allWishesHonoured: boolean;
}

/** Honouring one more wish outweighs any ranking among honoured ones (ranks sum to far less than this). */
const OUTSIDE_WISHES = 1_000;
/** A dummy mentor: used only when there are fewer mentors than seconded secretaries. */
const NO_MENTOR = 1_000_000;
/** Never: a mentor from the secretary's own community, or the secretary herself. */
const FORBIDDEN = 1_000_000_000;

function cost(s: Seconded, m: TalentPerson): number {
  if (m.secretaryId === s.secretaryId || m.community === s.community) return FORBIDDEN;
  const rank = s.wishes.indexOf(m.community);
  return rank >= 0 ? rank : OUTSIDE_WISHES;
}

/** Minimum-cost assignment of every row to a distinct column (rows ≤ columns); answers the column of each row. */
export function assignMinCost(costs: number[][]): number[] {
  const n = costs.length;
  if (n === 0) return [];
  const m = costs[0].length;
  if (m < n) throw new Error('assignMinCost needs at least as many columns as rows');
  // Potentials u (rows), v (columns); p[j] = row matched to column j (1-based, 0 = none); way = augmenting path.
  const u = new Array<number>(n + 1).fill(0);
  const v = new Array<number>(m + 1).fill(0);
  const p = new Array<number>(m + 1).fill(0);
  const way = new Array<number>(m + 1).fill(0);
  for (let i = 1; i <= n; i += 1) {
    p[0] = i;
    let j0 = 0;
    const minv = new Array<number>(m + 1).fill(Infinity);
    const used = new Array<boolean>(m + 1).fill(false);
    do {
      used[j0] = true;
      const i0 = p[j0];
      let delta = Infinity;
      let j1 = 0;
      for (let j = 1; j <= m; j += 1) {
        if (used[j]) continue;
        const cur = costs[i0 - 1][j - 1] - u[i0] - v[j];
        if (cur < minv[j]) {
          minv[j] = cur;
          way[j] = j0;
        }
        if (minv[j] < delta) {
          delta = minv[j];
          j1 = j;
        }
      }
      for (let j = 0; j <= m; j += 1) {
        if (used[j]) {
          u[p[j]] += delta;
          v[j] -= delta;
        } else minv[j] -= delta;
      }
      j0 = j1;
    } while (p[j0] !== 0);
    do {
      const j1 = way[j0];
      p[j0] = p[j1];
      j0 = j1;
    } while (j0);
  }
  const result = new Array<number>(n).fill(-1);
  for (let j = 1; j <= m; j += 1) if (p[j] > 0) result[p[j] - 1] = j - 1;
  return result;
}

function unmetWishes(s: Seconded, mentors: readonly TalentPerson[], takenBy: Map<string, Seconded>): string {
  const reasons = s.wishes.map((w) => {
    const there = mentors.filter((m) => m.community === w);
    if (there.length === 0) return `「${w}」没有可带教的书记`;
    const other = there.map((m) => takenBy.get(m.secretaryId)).find((o) => o && o.secretaryId !== s.secretaryId);
    return other ? `「${w}」的书记已与${other.name}（${other.street}）结对` : `「${w}」不能带教本人`;
  });
  return reasons.join('；');
}

/** The proposal for `seconded` among `mentors` (secretaries not seconded in this batch). Deterministic. */
export function proposePairing(seconded: readonly Seconded[], mentors: readonly TalentPerson[]): PairingProposal {
  const rows = [...seconded];
  const cols = [...mentors].sort((a, b) => a.secretaryId.localeCompare(b.secretaryId));
  const costs = rows.map((s) => [...cols.map((m) => cost(s, m)), ...rows.map(() => NO_MENTOR)]);
  const chosen = assignMinCost(costs);
  const mentorOf = rows.map((s, i) => (chosen[i] < cols.length && costs[i][chosen[i]] < FORBIDDEN ? cols[chosen[i]] : null));
  const takenBy = new Map<string, Seconded>();
  rows.forEach((s, i) => mentorOf[i] && takenBy.set(mentorOf[i].secretaryId, s));
  const pairs = rows.map((s, i): ProposedPair => {
    const mentor = mentorOf[i];
    const rank = mentor ? s.wishes.indexOf(mentor.community) : -1;
    let note: string;
    if (rank >= 0) note = `按第${rank + 1}意向「${mentor!.community}」结对`;
    else if (mentor) note = `意向未能满足：${unmetWishes(s, cols, takenBy)}。改为与${mentor.community}${mentor.name}结对`;
    else note = `带教书记人数不足，未能结对：${unmetWishes(s, cols, takenBy)}`;
    return { street: s.street, secretaryId: s.secretaryId, name: s.name, mentor, wishRank: rank >= 0 ? rank : null, note };
  });
  const honoured = pairs.filter((p) => p.wishRank !== null).length;
  return { pairs, honoured, allWishesHonoured: honoured === pairs.length };
}
