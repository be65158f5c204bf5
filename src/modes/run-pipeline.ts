/**
 * Mode `run` (`qfi run`), and each scenario of a campaign or replay:
 * inputs -> config -> plan -> provision -> run -> observe -> report.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
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

  mkdirSync(config.report.dir, { recursive: true });
  for (const name of runResultNames()) rmSync(join(config.report.dir, name), { force: true, recursive: true });
  writeReproducer(plan, config.report.dir);
  writeReproduceRecord(config, { inputs: options.inputs, cwd: options.cwd, configBaseDir: options.configBaseDir }, config.report.dir);

  // Private 0700 folder: the QMP socket and fw_cfg files are nobody else's business.
  const privateDir = makePrivateDir();
  try {
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
    const reports = writeReports(run, config.report.dir, { part: options.partOfCampaign === true });
    return { config, run, reports };
  } finally {
    rmSync(privateDir, { recursive: true, force: true });
  }
}
