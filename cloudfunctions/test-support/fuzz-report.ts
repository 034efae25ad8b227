import type { PayloadKind } from './fuzz-payloads';

/** What a fuzz run measured (fuzz.ts), the figures that are off, and the printed table. */
export interface ActionFigures {
  calls: number;
  quiet: number;
  writes: number;
  byCode: Record<string, number>;
  byKind: Record<PayloadKind | 'forbidden', number>;
}

export interface Problem {
  call: string;
  as: string;
  payload: string;
  answer: string;
}

export interface FuzzReport {
  seed: number;
  calls: number;
  seconds: number;
  envelopes: number;
  /** Invocations answered with FUNCTIONS_EXECUTE_FAIL or a timeout instead of the function's result. */
  failedInvocations: number;
  /** Instance crashes, timeouts, load failures and unhandled rejections the emulator logged. */
  crashLogLines: number;
  /** Invocations the local cloud counted during the run (every call is one, unless a function calls another). */
  invocationsCounted: number;
  /** Instance crashes the local cloud counted, when its stats expose them. */
  crashesCounted?: number;
  /** Answers that are envelopes but not the expected code (`internal` included). */
  wrongCodes: number;
  /** Documents added, changed or removed during the quiet phase (must be 0), and where. */
  stateChanges: number;
  changedInQuiet: string[];
  /** What the writes phase changed, per collection (allowed; for information). */
  writtenCollections: string[];
  perAction: Record<string, ActionFigures>;
  problems: { notEnvelope: Problem[]; failed: Problem[]; wrongCode: Problem[]; crashLog: string[] };
}

/** The figures that are off, in words (empty when the run is clean). */
export function fuzzFailures(r: FuzzReport, minRunsPerAction = 0): string[] {
  const out: string[] = [];
  if (r.envelopes !== r.calls) out.push(`${r.calls - r.envelopes} of ${r.calls} answers are not envelopes`);
  if (r.failedInvocations > 0) out.push(`${r.failedInvocations} invocations failed in the runtime`);
  if (r.crashesCounted) out.push(`${r.crashesCounted} function instances crashed (local cloud's count)`);
  if (r.invocationsCounted < r.calls) out.push(`the local cloud counted ${r.invocationsCounted} invocations for ${r.calls} calls`);
  if (r.crashLogLines > 0) out.push(`${r.crashLogLines} crash/timeout lines in the local cloud's log`);
  if (r.wrongCodes > 0) out.push(`${r.wrongCodes} answers with an unexpected code`);
  if (r.stateChanges > 0) out.push(`the quiet phase changed ${r.stateChanges} documents: ${r.changedInQuiet.join(', ')}`);
  for (const [name, f] of Object.entries(r.perAction)) if (f.calls < minRunsPerAction) out.push(`${name} got only ${f.calls} payloads`);
  return out;
}

const pad = (s: string | number, n: number, right = false) => (right ? String(s).padStart(n) : String(s).padEnd(n));
const pct = (part: number, whole: number) => (whole === 0 ? '—' : `${((100 * part) / whole).toFixed(part === whole ? 0 : 3)} %`);

/** The report as a table: the headline figures, then per action and per function. */
export function formatFuzzReport(r: FuzzReport): string {
  const lines: string[] = [];
  const width = Math.max(...Object.keys(r.perAction).map((k) => k.length), 8);
  lines.push(`${pad('action', width)} ${pad('calls', 7, true)} ${pad('quiet', 7, true)} ${pad('writes', 6, true)}  answers`);
  const perFunction: Record<string, number> = {};
  for (const [name, f] of Object.entries(r.perAction)) {
    const fn = name.split('.')[0];
    perFunction[fn] = (perFunction[fn] ?? 0) + f.calls;
    const codes = Object.entries(f.byCode)
      .sort((a, b) => b[1] - a[1])
      .map(([code, n]) => `${code} ${n}`)
      .join(', ');
    lines.push(`${pad(name, width)} ${pad(f.calls, 7, true)} ${pad(f.quiet, 7, true)} ${pad(f.writes, 6, true)}  ${codes}`);
  }
  lines.push('');
  lines.push(`per function: ${Object.entries(perFunction).map(([fn, n]) => `${fn} ${n}`).join(', ')}`);
  lines.push(`calls: ${r.calls} in ${r.seconds.toFixed(1)} s = ${(r.calls / Math.max(r.seconds, 0.001)).toFixed(0)} calls/s (seed ${r.seed})`);
  lines.push(`valid envelopes: ${pct(r.envelopes, r.calls)} (${r.envelopes}/${r.calls})`);
  const counted = r.crashesCounted === undefined ? 'not counted by this local cloud' : String(r.crashesCounted);
  lines.push(`worker crashes: ${r.failedInvocations} failed invocations, ${r.crashLogLines} crash/timeout log lines, instance crashes ${counted}`);
  lines.push(`invocations counted by the local cloud: ${r.invocationsCounted}`);
  lines.push(`unexpected codes (\`internal\` included): ${r.wrongCodes}`);
  lines.push(`state changes where none may happen: ${r.stateChanges} documents${r.stateChanges ? ` (${r.changedInQuiet.join(', ')})` : ''}`);
  lines.push(`collections written by accepted payloads (allowed): ${r.writtenCollections.join(', ') || 'none'}`);
  const { notEnvelope, failed, wrongCode, crashLog } = r.problems;
  for (const [title, list] of [['not envelopes', notEnvelope], ['failed invocations', failed], ['unexpected codes', wrongCode]] as const) {
    if (list.length === 0) continue;
    lines.push('', `${title} (first ${list.length}):`);
    for (const p of list) lines.push(`  ${p.call} as ${p.as}: ${p.payload}\n    → ${p.answer}`);
  }
  if (crashLog.length) lines.push('', 'crash log lines:', ...crashLog.map((l) => `  ${l}`));
  return lines.join('\n');
}
