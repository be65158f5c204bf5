/**
 * Mode `run` (`qfi run`), and each scenario of a campaign or replay:
 * inputs -> config -> plan -> provision -> run -> observe -> report.
 */
import { rmSync } from 'node:fs';
import { resolveInputs, type InputsRequest } from '../config/index.js';
import type { ResolvedConfig } from '../config/types.js';
import type { Host } from '../core/host.js';
import { runResultNames } from '../core/results-layout.js';
import { observeRun } from '../observe/observe-run.js';
import type { TestRun } from '../observe/types.js';
import { makePlan } from '../plan/make-plan.js';
import { provision } from '../provision/provision.js';
import { writeReproducer } from '../report/reproducer.js';
import { writeReproduceRecord } from '../report/reproduce-record.js';
import { writeReports, type ReportFiles } from '../report/write-reports.js';
import { runQemu } from '../run/run-qemu.js';
import { summarizeConsole } from '../observe/summarize.js';
import { makePrivateDir } from '../run/stale-runs.js';
import { claimResultsFolder } from '../report/results-folder.js';
import { sourceOf } from '../config/settings.js';
import { InfraError } from '../core/errors.js';

export interface PipelineOptions extends InputsRequest {
  /** Aborted when the runner is interrupted: QEMU is stopped and the partial run reported. */
  signal?: AbortSignal;
  /** Echo guest console lines through the logger as they arrive. */
  echoConsole?: boolean;
  /** Count each disk's requests during the test (a campaign's probe run). */
  countBlockRequests?: boolean;
  /** One run of a campaign: its JUnit is a part (PART_JUNIT_FILE), never counted beside the campaign's. */
  partOfCampaign?: boolean;
}

export interface PipelineResult {
  config: ResolvedConfig;
  run: TestRun;
  reports: ReportFiles;
}

/**
 * inputs -> config -> plan -> provision -> run -> observe -> report. Bad input and broken
 * infrastructure before QEMU starts throw (QfiError); everything from QEMU's start on is
 * recorded as a verdict.
 */
export async function runPipeline(options: PipelineOptions, host: Host): Promise<PipelineResult> {
  const config = await resolveInputs(options, host.log);
  const plan = makePlan(config, undefined, { countBlockRequests: options.countBlockRequests === true });
  host.log.info(`scenario ${plan.scenario}: ${plan.canonicalRules.length} rule(s) [${plan.canonicalRules.join(' ')}], seed ${plan.seed}`);

  // One run at a time in the folder, and only its own earlier files removed (report/results-folder.ts).
  const folder = claimResultsFolder(config.report.dir, runResultNames(), { mode: 'run', location: sourceOf(config, 'results-dir') });
  // Private 0700 folder: the QMP socket and fw_cfg files are nobody else's business.
  const privateDir = makePrivateDir();
  try {
    writeReproducer(plan, config.report.dir);
    writeReproduceRecord(config, { inputs: options.inputs, cwd: options.cwd, configBaseDir: options.configBaseDir }, config.report.dir);
    const provisioned = await host.log.group('Provision', () => provision(plan, host, privateDir, options.signal));
    // Again, now that the guest is known: it names the guest the replay will boot.
    if (provisioned.guest) writeReproducer(plan, config.report.dir, provisioned.guest);
    const record = await host.log.group(`Run ${plan.scenario} (${provisioned.accel})`, () =>
      runQemu(plan, provisioned, {
        resultsDir: config.report.dir,
        privateDir,
        log: host.log,
        ...(options.signal ? { signal: options.signal } : {}),
        ...(options.echoConsole ? { onConsoleLine: (line: string) => host.log.info(`│ ${line}`) } : {}),
      }),
    );
    const run = observeRun({ plan, provisioned, record, summary: await summarizeConsole(record) }, host.log);
    const reports = reportOrExplain(run, () => writeReports(run, config.report.dir, { part: options.partOfCampaign === true }));
    return { config, run, reports };
  } finally {
    rmSync(privateDir, { recursive: true, force: true });
    folder.release();
  }
}

/**
 * The reports, or an InfraError that keeps the run's own verdict: a full disk usually fails a
 * log first (the run's infra-error), then the reports, and the log is what the user needs to know.
 */
function reportOrExplain<T>(run: TestRun, write: () => T): T {
  try {
    return write();
  } catch (err) {
    if (!(err instanceof InfraError)) throw err;
    throw new InfraError(`${run.verdict}: ${run.reason}; ${err.message}, so no reports were written`, {
      ...(err.hint !== undefined ? { hint: err.hint } : {}),
      cause: err,
    });
  }
}
