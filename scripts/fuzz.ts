/**
 * `npm run fuzz`: a local cloud with demo data, then at least 10,000 generated payloads to every action
 * of every cloud function (cloudfunctions/test-support/fuzz.ts). Prints the figures and exits non-zero
 * when any is off: envelopes must be 100 %, crashes 0, state changes 0, unexpected codes 0.
 * FUZZ_RUNS (payloads per action), FUZZ_CONCURRENCY and FUZZ_SEED (to replay a run) override the defaults;
 * YANZHEN_BUILT=1 skips building the functions and the emulator.
 */
import { buildAll } from './build-steps';
import { runFuzz } from '../cloudfunctions/test-support/fuzz';
import { formatFuzzReport, fuzzFailures } from '../cloudfunctions/test-support/fuzz-report';
import { startFunctionHarness } from '../cloudfunctions/test-support/local-cloud';

const MIN_RUNS = 10_000;

async function main(): Promise<number> {
  const runsPerAction = Number(process.env.FUZZ_RUNS ?? MIN_RUNS);
  const concurrency = Number(process.env.FUZZ_CONCURRENCY ?? 8);
  const seed = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);
  if (process.env.YANZHEN_BUILT !== '1') buildAll({ h5: false, weapp: false });
  console.log('\nstarting a local cloud with demo data…');
  const h = await startFunctionHarness();
  try {
    console.log(`fuzzing: ${runsPerAction} payloads per action, ${concurrency} in flight`);
    const report = await runFuzz(h, {
      runsPerAction,
      concurrency,
      seed,
      onProgress: (done, total) => console.log(`  ${done}/${total} calls (${Math.round((100 * done) / total)} %)`),
    });
    console.log(`\n${formatFuzzReport(report)}\n`);
    const failures = fuzzFailures(report, Math.min(runsPerAction, MIN_RUNS));
    if (failures.length === 0) {
      console.log('fuzz: all figures as they must be');
      return 0;
    }
    console.log(`fuzz FAILED (replay with FUZZ_SEED=${report.seed}):\n${failures.map((f) => `  - ${f}`).join('\n')}`);
    return 1;
  } finally {
    await h.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err);
    process.exit(2);
  },
);
