import { readdirSync, readFileSync } from 'node:fs';
import type { ConsoleEvent, RunRecord } from '../../src/run/types.js';
import type { LogSummary, TestRun } from '../../src/observe/types.js';
import type { Plan } from '../../src/plan/types.js';
import type { Provisioned } from '../../src/provision/types.js';
import { applyConsoleFindings } from '../../src/observe/findings-verdict.js';
import { topFinding, type Finding } from '../../src/observe/findings.js';
import { KtapParser, type KtapReport } from '../../src/observe/ktap.js';
import { decideVerdict, type VerdictResult } from '../../src/observe/verdict.js';

import { replayConsole } from './console-fixture.js';
import { runRecord } from './run-record.js';

const dir = new URL('../fixtures/corpus/', import.meta.url);

/** What scripts/record-corpus.sh kept of a real run, besides its console. */
export interface CorpusMeta {
  name: string;
  recordedWith: string[];
  kernel: string;
  qemu: string;
  token: string;
  qemuExit: { code: number | null; signal: string | null };
  timedOut: 'boot' | 'test' | 'overall' | null;
  commandExitCode: number | null;
  consoleLines: number;
}

/** The hand-made reading of a log: what the verdict and the worst problem must be. */
export interface CorpusLabel {
  verdict: string;
  /** A problem kind, or `none`. */
  top: string;
  why: string;
}

export function corpusLabels(): Record<string, CorpusLabel> {
  return JSON.parse(readFileSync(new URL('labels.json', dir), 'utf8')) as Record<string, CorpusLabel>;
}

export function corpusNames(): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.log'))
    .map((f) => f.slice(0, -4))
    .sort();
}

export interface JudgedLog {
  meta: CorpusMeta;
  lines: string[];
  events: ConsoleEvent[];
  summary: LogSummary;
  ktap: KtapReport | undefined;
  record: RunRecord;
  result: VerdictResult;
  top: Finding | undefined;
}

/**
 * A recorded console through what the runner does with it: ConsoleParser and LogSummarizer per
 * line (fed in odd-sized chunks, as a serial console delivers them), the KTAP parser, then
 * decideVerdict on a RunRecord rebuilt from the recorded meta and the console findings step.
 */
export function judgeCorpusLog(name: string): JudgedLog {
  const meta = JSON.parse(readFileSync(new URL(`${name}.json`, dir), 'utf8')) as CorpusMeta;
  const bytes = readFileSync(new URL(`${name}.log`, dir));
  const ktapParser = new KtapParser();
  const { events, lines, summary } = replayConsole(bytes, meta.token, 509, (text, line) => ktapParser.addLine(text, line));
  const ktap = ktapParser.end();
  const exit = events.find((e) => e.kind === 'test-exit');
  const qemuExit = { code: meta.qemuExit.code ?? undefined, signal: meta.qemuExit.signal ?? undefined };
  const crashed = events.some((e) => e.kind === 'panic' || e.kind === 'oops' || e.kind === 'bug');
  // As run-qemu.ts decides it: QEMU failing on its own (not stopped by qfi, no crash, no result).
  const infraError =
    !meta.timedOut && !crashed && exit === undefined && (qemuExit.signal || (qemuExit.code ?? 0) !== 0)
      ? `QEMU exited with ${qemuExit.signal ?? qemuExit.code}`
      : undefined;
  const record = runRecord({
    wallMs: 0,
    commandExitCode: exit?.exitCode,
    qemuExit,
    timedOut: meta.timedOut ?? undefined,
    infraError,
    events,
    consoleLines: lines.length,
    qemuArgv: ['qemu-system-x86_64'],
  });
  const limits = { bootMs: 60_000, testMs: recordedTestTimeoutMs(meta.recordedWith), overallMs: 720_000 };
  const result = applyConsoleFindings(decideVerdict(record, limits), record, ktap);
  return { meta, lines, events, summary, ktap, record, result, top: topFinding(events, ktap) };
}

/** The `--test-timeout` the log was recorded with (`3s`, `5m`), else the default 10 minutes. */
function recordedTestTimeoutMs(argv: string[]): number {
  const value = argv[argv.indexOf('--test-timeout') + 1];
  const m = argv.includes('--test-timeout') && value ? /^(\d+)(s|m)$/.exec(value) : null;
  return m ? Number(m[1]) * (m[2] === 'm' ? 60_000 : 1000) : 600_000;
}

/** A TestRun around a recorded corpus console, as the pipeline builds it; `over` sets plan fields and rule facts. */
export function corpusTestRun(name: string, over: { plan?: Partial<Plan>; points?: TestRun['points']; ruleUse?: TestRun['ruleUse'] } = {}): TestRun {
  const judged = judgeCorpusLog(name);
  const plan = {
    scenario: name,
    canonicalRules: [],
    seed: 7,
    timeouts: { bootMs: 60_000, testMs: 600_000, overallMs: 720_000 },
    sources: { main: undefined, command: undefined, resultsFile: undefined, rules: {} },
    reproducer: 'qfi run --seed 7',
    ...over.plan,
  } as unknown as Plan;
  const provisioned = {
    qemuVersion: judged.meta.qemu,
    qemuOrigin: 'system',
    accel: 'tcg',
    kernelDescription: judged.meta.kernel,
    plugins: [],
  } as unknown as Provisioned;
  return {
    scenario: name,
    verdict: judged.result.verdict,
    reason: judged.result.reason,
    summary: judged.summary,
    ...(judged.ktap ? { ktap: judged.ktap } : {}),
    record: judged.record,
    plan,
    provisioned,
    injections: undefined,
    points: over.points ?? [],
    ruleUse: over.ruleUse ?? [],
  };
}
