import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalCloud, type LocalCloud } from '../../scripts/local-cloud';
import { userKey } from '../shared/user-key';
import { connectAdminDb, FunctionsClient } from '../test-support/functions-client';
import { countByCandidate, createContest, storedVotes } from './vote-test-support';

/** A `kill -9` of the local cloud in the middle of a burst of votes: every acknowledged vote is there after a restart. */
jest.setTimeout(120_000);

const CONTEST = 'contest-durable';
let dataDir: string;
let cloud: LocalCloud | undefined;

beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'yanzhen-votes-'));
});
afterAll(async () => {
  await cloud?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

it('loses no acknowledged vote', async () => {
  const first = await startLocalCloud({ dataDir, quiet: true });
  cloud = first;
  const db = connectAdminDb(first.url);
  const candidates = await createContest(db, CONTEST, { candidates: 6 });
  const fns = new FunctionsClient(first.url);
  await fns.data('durable-warmup', 'vote', { action: 'quota', contestId: CONTEST });

  const KILL_AFTER = 120;
  const acknowledged: { voter: string; candidateId: string }[] = [];
  let n = 0;
  let killed: Promise<void> | undefined;
  const lane = async () => {
    while (!killed) {
      const voter = `durable-${n++}`;
      for (let k = 0; k < 3 && !killed; k += 1) {
        const candidateId = candidates[(n + k) % candidates.length];
        try {
          const r = await fns.call(voter, 'vote', { action: 'cast', contestId: CONTEST, candidateId });
          if (r.ok) acknowledged.push({ voter: userKey(voter), candidateId });
        } catch {
          // The connection died with the process: not acknowledged.
        }
        if (acknowledged.length >= KILL_AFTER && !killed) killed = first.kill();
      }
    }
  };
  await Promise.all(Array.from({ length: 12 }, lane));
  await killed;

  // Same data folder, same port (the admin SDK handle keeps its URL).
  cloud = await startLocalCloud({ dataDir, port: first.port, quiet: true });
  const records = await storedVotes(db, CONTEST).catch(() => storedVotes(db, CONTEST));
  const stored = new Set(records.map((r) => `${r.voter}/${r.candidateId}`));
  expect(acknowledged.filter((a) => !stored.has(`${a.voter}/${a.candidateId}`))).toEqual([]);
  expect(records.length).toBeGreaterThanOrEqual(KILL_AFTER);
  // Tallies changed with the records in the same writes: the ranking still equals them.
  const ranking = await new FunctionsClient(cloud.url).data<{ items: { candidateId: string; votes: number }[] }>('ranking-viewer', 'vote', { action: 'ranking', contestId: CONTEST });
  const counted = countByCandidate(records);
  expect(Object.fromEntries(ranking.items.map((i) => [i.candidateId, i.votes]))).toEqual(Object.fromEntries(candidates.map((c) => [c, counted[c] ?? 0])));
});
