import { assignMinCost, proposePairing, type Seconded } from './pairing';
import type { TalentPerson } from './talent';

const mentor = (n: number, community: string): TalentPerson => ({ secretaryId: `m-${n}`, name: `带教${n}`, community, street: '舜玉路' });
const seconded = (n: number, wishes: string[], community = `新区${n}社区`): Seconded => ({ street: `街道${n}`, secretaryId: `s-${n}`, name: `挂职${n}`, community, wishes });

describe('assignMinCost', () => {
  it('finds the cheapest one-to-one assignment, not the greedy one', () => {
    // Greedy row by row takes column 0 for row 0 (cost 1), then row 1 must pay 100; optimal is 2 + 2.
    expect(assignMinCost([
      [1, 2],
      [2, 100],
    ])).toEqual([1, 0]);
  });

  it('leaves extra columns unused', () => {
    expect(assignMinCost([[5, 1, 9]])).toEqual([1]);
  });
});

describe('proposePairing', () => {
  const mentors = [mentor(1, '朝阳里社区'), mentor(2, '望岳社区'), mentor(3, '玉函社区')];

  it('gives everyone her first wish when the wishes do not collide', () => {
    const p = proposePairing([seconded(1, ['望岳社区']), seconded(2, ['玉函社区', '望岳社区'])], mentors);
    expect(p.pairs.map((x) => [x.secretaryId, x.mentor?.secretaryId, x.wishRank])).toEqual([
      ['s-1', 'm-2', 0],
      ['s-2', 'm-3', 0],
    ]);
    expect(p).toMatchObject({ honoured: 2, allWishesHonoured: true });
    expect(p.pairs[0].note).toBe('按第1意向「望岳社区」结对');
  });

  it('moves a secretary with a second wish aside so that one with a single wish is honoured too', () => {
    // Both want 望岳 first; only s-2 has another wish, so s-2 goes to her second wish and s-1 keeps 望岳.
    const p = proposePairing([seconded(2, ['望岳社区', '玉函社区']), seconded(1, ['望岳社区'])], mentors);
    const byId = Object.fromEntries(p.pairs.map((x) => [x.secretaryId, x]));
    expect(byId['s-1']).toMatchObject({ mentor: { secretaryId: 'm-2' }, wishRank: 0 });
    expect(byId['s-2']).toMatchObject({ mentor: { secretaryId: 'm-3' }, wishRank: 1, note: '按第2意向「玉函社区」结对' });
    expect(p.allWishesHonoured).toBe(true);
  });

  it('says which wish could not be honoured, and why, when two want the same only mentor', () => {
    const p = proposePairing([seconded(1, ['望岳社区']), seconded(2, ['望岳社区'])], mentors);
    expect(p.honoured).toBe(1);
    expect(p.allWishesHonoured).toBe(false);
    const unmet = p.pairs.find((x) => x.wishRank === null)!;
    const met = p.pairs.find((x) => x.wishRank === 0)!;
    expect(unmet.mentor).not.toBeNull();
    expect(unmet.mentor!.community).not.toBe('望岳社区');
    expect(unmet.note).toContain(`「望岳社区」的书记已与${met.name}（${met.street}）结对`);
  });

  it('says when a wished community has no mentor to offer', () => {
    const p = proposePairing([seconded(1, ['不存在社区'])], mentors);
    expect(p.pairs[0].wishRank).toBeNull();
    expect(p.pairs[0].note).toContain('「不存在社区」没有可带教的书记');
    expect(p.pairs[0].mentor).not.toBeNull();
  });

  it('never pairs a secretary with a mentor of her own community', () => {
    const p = proposePairing([seconded(1, ['望岳社区'], '望岳社区')], [mentor(2, '望岳社区')]);
    expect(p.pairs[0].mentor).toBeNull();
    expect(p.pairs[0].note).toContain('带教书记人数不足');
  });

  it('leaves the surplus unpaired, with the reason, when there are fewer mentors than secretaries', () => {
    const p = proposePairing([seconded(1, ['朝阳里社区']), seconded(2, ['朝阳里社区'])], [mentor(1, '朝阳里社区')]);
    expect(p.pairs.filter((x) => x.mentor === null)).toHaveLength(1);
    expect(p.pairs.find((x) => x.mentor === null)!.note).toMatch(/^带教书记人数不足，未能结对：「朝阳里社区」的书记已与挂职\d/);
  });

  it('honours all six wishes of a batch of six when they can be honoured, whatever the order of submission', () => {
    const communities = ['A社区', 'B社区', 'C社区', 'D社区', 'E社区', 'F社区', 'G社区'];
    const pool = communities.map((c, i) => mentor(i + 1, c));
    // A chain where everyone's first wish is the same community: only an exact method honours all six.
    const six = communities.slice(0, 6).map((c, i) => seconded(i + 1, ['A社区', communities[i + 1]]));
    for (const order of [six, [...six].reverse()]) {
      const p = proposePairing(order, pool);
      expect(p.honoured).toBe(6);
      expect(new Set(p.pairs.map((x) => x.mentor!.secretaryId)).size).toBe(6);
    }
  });
});
