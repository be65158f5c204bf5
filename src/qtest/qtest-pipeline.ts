/**
 * `mode: qtest` (`qfi qtest`): inputs -> config -> scripts read -> a QEMU with the qtest
 * accelerator (found, or built) -> each script on its own QEMU -> JUnit and summaries. No guest
 * boots, so only host rules that act on a drive (block rules) make sense; the rest are refused.
 */
import { rmSync } from 'node:fs';
import { resolveInputs, type InputsRequest } from '../config/index.js';
import { ConfigError, InfraError } from '../core/errors.js';
import type { Host } from '../core/host.js';
import type { Plan } from '../plan/types.js';
import type { ResolvedConfig } from '../config/types.js';
import { sourceOf } from '../config/settings.js';
import { makePlan } from '../plan/make-plan.js';
import { provisionDisks } from '../provision/disks.js';
import { firmwareDirsFor, provisionQemu } from '../provision/provision.js';
import { readQemuVersion } from '../provision/qemu-system.js';
import type { ReportFiles } from '../report/write-reports.js';
import { qtestVerdict, writeQtestReports, type QtestOutcome } from './qtest-report.js';
import { probeQtestAccel } from './qtest-support.js';
import { qtestFileNames, runQtestScript, type ScriptResult } from './run-qtest.js';
import { readQtestScript, type QtestScript } from './script.js';
import { makePrivateDir } from '../run/stale-runs.js';
import { claimResultsFolder } from '../report/results-folder.js';
import { REPORT_FILES, RESULTS_FILES } from '../core/results-layout.js';

export interface QtestPipelineOptions extends InputsRequest {
  signal?: AbortSignal;
}

export interface QtestPipelineResult {
  config: ResolvedConfig;
  outcome: QtestOutcome;
  reports: ReportFiles;
}

/** One answer may take this long (a device reset, a large `read`). */
const COMMAND_TIMEOUT_MS = 10_000;

export async function runQtestPipeline(options: QtestPipelineOptions, host: Host): Promise<QtestPipelineResult> {
  const config = await resolveInputs(options, host.log, { needsCommand: false, purpose: 'qtest' });
  const scripts = config.qtest.scripts.map(readQtestScript);
  checkScriptNames(scripts);
  const plan = makePlan(config, undefined, { qtest: true });
  checkDeviceDrives(config, plan);

  const names = [
    ...scripts.flatMap((s) => Object.values(qtestFileNames(s))),
    REPORT_FILES.junit,
    REPORT_FILES.summaryJson,
    REPORT_FILES.summaryMarkdown,
    RESULTS_FILES.blkdebug,
  ];
  const folder = claimResultsFolder(config.report.dir, names, { mode: 'qtest', location: sourceOf(config, 'results-dir') });
  const privateDir = makePrivateDir();
  try {
    const qemu = await host.log.group('QEMU with the qtest accelerator', () => provisionQtestQemu(plan, host, options.signal));
    const disks = await provisionDisks(plan.host.disks, qemu.binary, privateDir, options.signal);
    const results: ScriptResult[] = [];
    for (const script of scripts) {
      const result = await host.log.group(`qtest ${script.name}`, () =>
        runQtestScript(script, {
          plan,
          machine: { qemuBinary: qemu.binary, firmwareDirs: qemu.firmwareDirs, devices: config.qtest.devices, disks },
          resultsDir: config.report.dir,
          privateDir,
          log: host.log,
          commandTimeoutMs: COMMAND_TIMEOUT_MS,
          scriptTimeoutMs: config.test.testTimeoutMs,
          ...(options.signal ? { signal: options.signal } : {}),
        }),
      );
      for (const section of result.sections)
        host.log.info(
          `  [${section.name}] ${section.status}${section.failure ? `: line ${section.failure.line} ${section.failure.source} answered ${section.failure.actual}` : section.error ? `: ${section.error}` : ''}`,
        );
      results.push(result);
    }
    const { verdict, reason } = qtestVerdict(results);
    const outcome: QtestOutcome = {
      name: config.name,
      verdict,
      reason,
      scripts: results,
      qemu: { binary: qemu.binary, version: qemu.version, origin: qemu.origin },
      machineType: plan.machineType,
    };
    return { config, outcome, reports: writeQtestReports(outcome, config.report.dir) };
  } finally {
    rmSync(privateDir, { recursive: true, force: true });
    folder.release();
  }
}

/** Script names are report and file names: two scripts must not share one. */
function checkScriptNames(scripts: QtestScript[]): void {
  const seen = new Map<string, string>();
  for (const s of scripts) {
    const other = seen.get(s.name);
    if (other)
      throw new ConfigError(`qtest scripts ${other} and ${s.file} have the same name ${s.name}`, {
        location: { input: 'qtest-script' },
        hint: 'rename one: the name is the JUnit suite and the log file name',
      });
    seen.set(s.name, s.file);
  }
}

/** A `drive=` of a device must be one of the disks' block nodes (`qfi-<id>`). */
function checkDeviceDrives(config: ResolvedConfig, plan: Plan): void {
  const nodes = plan.host.disks.map((d) => d.formatNode);
  for (const device of config.qtest.devices) {
    const drive = /(?:^|,)drive=([^,]+)/.exec(device)?.[1];
    if (drive !== undefined && !nodes.includes(drive)) {
      throw new ConfigError(`device \`${device}\` uses drive ${drive}, which is not a disk of this run`, {
        location: sourceOf(config, 'qtest-devices'),
        hint: nodes.length
          ? `the disks' block nodes are ${nodes.join(', ')} (qfi-<disk id>)`
          : 'add the disk to disks (`id=data size=1M`) and refer to it as drive=qfi-data',
      });
    }
  }
}

interface QtestQemu {
  binary: string;
  version: string;
  origin: string;
  firmwareDirs: string[];
}

/** The plan's QEMU if it has the qtest accelerator, else its fallback build (`auto`). */
async function provisionQtestQemu(plan: Plan, host: Host, signal?: AbortSignal): Promise<QtestQemu> {
  const fallback = plan.qemuFallback;
  // `auto` without a system QEMU for this arch builds one too.
  let qemu = await provisionQemu(plan, host, signal).catch((err: Error) => {
    if (!fallback) throw err;
    host.log.info(`no system QEMU to use (${err.message})`);
    return undefined;
  });
  let probe = qemu ? await probeQtestAccel(qemu.binary, signal) : { ok: false as const, reason: 'no system QEMU' };
  if (!probe.ok && fallback) {
    if (qemu) host.log.info(`the system QEMU (${qemu.binary}) has no qtest accelerator (${probe.reason}); building QEMU, which keeps it`);
    qemu = await provisionQemu({ ...plan, qemu: fallback }, host, signal);
    probe = await probeQtestAccel(qemu.binary, signal);
  }
  if (!qemu) throw new Error('internal: no QEMU provisioned');
  const version = await readQemuVersion(qemu.binary);
  if (!probe.ok) {
    throw new InfraError(`QEMU ${version} at ${qemu.binary} has no qtest accelerator: ${probe.reason}`, {
      hint: "distribution packages often leave it out (Debian's do); use qemu: auto or build (qfi builds QEMU with it), or point qemu at a QEMU built with qtest",
    });
  }
  host.log.info(`QEMU ${version} (${qemu.origin}) with the qtest accelerator: ${qemu.binary}`);
  return { binary: qemu.binary, version, origin: qemu.origin, firmwareDirs: firmwareDirsFor(qemu) };
}
