import type { TestRun } from '../observe/types.js';
import { REPRODUCE_FILES } from './reproduce-record.js';
import { ktapCaseLocation } from './junit.js';
import { REPORT_FILES, RESULTS_FILES } from '../core/results-layout.js';

/** Bumped when a field changes meaning, so tools reading old summaries can tell. */
export const SUMMARY_SCHEMA_VERSION = 1;

/** The machine-readable result: what ran, with what, what happened, where the files are. */
export function toSummaryJson(run: TestRun, junitFile: string = REPORT_FILES.junit): string {
  const { record, plan, provisioned } = run;
  const summary = {
    schema: SUMMARY_SCHEMA_VERSION,
    scenario: run.scenario,
    verdict: run.verdict,
    reason: run.reason,
    commandExitCode: record.commandExitCode ?? null,
    timedOut: record.timedOut ?? null,
    startedAt: record.startedAt,
    timings: { wallMs: record.wallMs, bootMs: record.bootMs ?? null, testMs: record.testMs ?? null },
    faults: { rules: plan.canonicalRules, seed: plan.seed, fwCfgName: plan.rulesFwCfgName },
    qemu: {
      binary: provisioned.qemuBinary,
      version: provisioned.qemuVersion,
      origin: provisioned.qemuOrigin,
      plugins: provisioned.plugins,
      accel: provisioned.accel,
      exit: { code: record.qemuExit.code ?? null, signal: record.qemuExit.signal ?? null },
      argv: record.qemuArgv,
    },
    kernel: provisioned.kernelDescription,
    /** The built-in guest by package and hash; `guest.pin` boots it again (`guest-pin`, `qfi reproduce`). */
    guest: provisioned.guest ?? null,
    /** What the guest received through fw_cfg, so the run can be replayed with bare QEMU. */
    fwCfg: plan.fwCfg,
    console: { lines: record.consoleLines },
    events: record.events.map((e) => ({
      kind: e.kind,
      line: e.line,
      atMs: e.atMs,
      text: e.text,
      ...(e.exitCode !== undefined ? { exitCode: e.exitCode } : {}),
    })),
    injections: run.injections ?? null,
    points: run.points,
    logSummary: run.summary,
    /** KTAP/TAP results on the console: counts and each stream's errors (the tests are in junit.xml). */
    ktap: run.ktap
      ? {
          counts: run.ktap.counts,
          dropped: run.ktap.dropped,
          status: run.ktap.status,
          caseLocation: ktapCaseLocation(run, 'console'),
          streams: run.ktap.streams.map((s) => ({
            source: s.source,
            version: s.version,
            status: s.status,
            firstLine: s.firstLine,
            lastLine: s.lastLine,
            plan: s.plan ?? null,
            truncated: s.truncated ?? null,
            errors: s.errors,
          })),
        }
      : null,
    diagnostics: record.diagnostics ?? null,
    files: {
      console: RESULTS_FILES.console,
      qemuStderr: RESULTS_FILES.qemuStderr,
      qmpLog: RESULTS_FILES.qmpLog,
      junit: junitFile,
      reproducer: REPORT_FILES.reproducer,
      reproduce: REPRODUCE_FILES.manifest,
      ...(run.injections ? { injections: RESULTS_FILES.injections } : {}),
    },
  };
  return `${JSON.stringify(summary, null, 2)}\n`;
}
