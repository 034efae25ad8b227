import { useFunctionHarness } from '../test-support/local-cloud';


/** The residents' public reads (`home`, `contest`) against the demo data. */
jest.setTimeout(60_000);

const h = useFunctionHarness();

const RESIDENT = 'home-resident';

describe('home.firstScreen', () => {
  it('gives featured showcases, the open contest with its end, and the next salon in one call', async () => {
    const home = await h.client.data<{
      featured: { secretaryId: string; name: string; excerpt: string }[];
      votingContests: { _id: string; votingOpen: boolean; voteEnd: string; voteRule: { perDay: number; perCandidatePerDay: number } }[];
      nextSalon: { _id: string; title: string; topic: string; theme: string; date: string; hostStreet: string; departments: string[]; status: string } | null;
    }>(RESIDENT, 'home', { action: 'firstScreen' });
    expect(home.featured.map((c) => c.secretaryId)).toEqual(['sec-01', 'sec-02', 'sec-03', 'sec-04']);
    expect(home.featured[0].excerpt.length).toBeGreaterThan(0);
    expect(home.votingContests).toEqual([expect.objectContaining({ _id: 'contest-current', votingOpen: true, voteRule: { perDay: 3, perCandidatePerDay: 1 } })]);
    expect(Date.parse(home.votingContests[0].voteEnd)).toBeGreaterThan(Date.now());
    // The next salon of the rotation (scripts/seed/salons.ts), open for sign-up.
    expect(home.nextSalon).toMatchObject({ _id: expect.stringMatching(/^salon-\d{4}-\d{2}$/), topic: '新就业群体', theme: '新就业群体融入社区治理', hostStreet: '七贤', status: 'open' });
    expect(Date.parse(home.nextSalon?.date ?? '')).toBeGreaterThan(Date.now());
  });
});

describe('contest reads', () => {
  it('lists contests newest first with whether voting is open and the rule', async () => {
    const { items } = await h.client.data<{ items: { _id: string; title: string; votingOpen: boolean; voteRule: object; year: number }[] }>(RESIDENT, 'contest', { action: 'list' });
    expect(items.map((c) => [c._id, c.votingOpen])).toEqual([['contest-current', true], ['contest-2023', false]]);
    for (const c of items) expect(c.voteRule).toEqual({ perDay: 3, perCandidatePerDay: 1 });
  });

  it('lists the 17 approved candidates with name and street, without OpenIDs', async () => {
    const res = await h.client.call<{ items: { _id: string; name: string; street: string; community: string; secretaryId: string; showcaseId: string | null }[] }>(RESIDENT, 'contest', { action: 'candidates', contestId: 'contest-current' });
    if (!res.ok) throw new Error(res.error.message);
    expect(res.data.items).toHaveLength(17);
    expect(res.data.items[0]).toMatchObject({ _id: 'cand-sec-01', name: '郑晓梅', street: '大观园', community: '青年东路社区', secretaryId: 'sec-01', showcaseId: 'showcase-sec-01' });
    expect(JSON.stringify(res)).not.toContain('demo-');
    expect(await h.client.call(RESIDENT, 'contest', { action: 'candidates', contestId: 'contest-nope' })).toMatchObject({ error: { code: 'not-found' } });
  });
});
