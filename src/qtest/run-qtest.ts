/**
 * Runs one qtest script against one QEMU: the machine starts with the qtest accelerator (no CPU
 * runs), connects to qfi's socket, and each step's command goes out and its answer is judged.
 * A failed step ends its section (later steps depend on it); the next section goes on. QEMU
 * dying (a device model's assertion, a segfault) is an error of the section it died in and of
 * every section after it.
 *
 * Block rules work as in a run: QMP swaps a blkdebug node in when a rule's window opens; the
 * script's start is the "test start", and `marker NAME` steps open windows waiting for NAME.
 */
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { ConfigError } from '../core/errors.js';
import type { Logger } from '../core/host.js';
import type { HostFaultRecord } from '../run/host-faults.js';
import type { Plan } from '../plan/types.js';
import { BLOCK_TRACE_EVENTS, diskNodeArgs } from '../run/qemu-argv.js';
import type { DiskImage } from '../provision/disks.js';
import { HostFaults } from '../run/host-faults.js';
import { QmpClient } from '../run/qmp-client.js';
import { QemuProcess, type ProcessExit } from '../run/qemu-process.js';
import { judgeAnswer } from './judge-step.js';
import { QtestClosedError, QtestServer, type QtestConnection } from './qtest-client.js';
import { probeQtestAttrs } from './qtest-support.js';
import type { QtestScript, ScriptStep } from './script.js';

export interface QtestMachine {
  qemuBinary: string;
  firmwareDirs: string[];
  /** -device values, in order. */
  devices: string[];
  disks: DiskImage[];
}

export type SectionStatus = 'pass' | 'fail' | 'error';

export interface SectionResult {
  name: string;
  line: number;
  status: SectionStatus;
  durationMs: number;
  /** Steps that ran (the failing one included). */
  stepsRun: number;
  steps: number;
  /** The step that did not hold, with the diff. */
  failure?: { line: number; source: string; actual: string; diff: string };
  /** Why the section could not finish (QEMU died, no answer). */
  error?: string;
}

export interface ScriptResult {
  script: QtestScript;
  sections: SectionResult[];
  qemuArgv: string[];
  qemuExit: { code: number | undefined; signal: string | undefined };
  /** QEMU ended on its own before the script was done: what it said. */
  crash: string | undefined;
  files: { qtestLog: string; stderr: string };
  hostFaults: HostFaultRecord | undefined;
}

export interface RunQtestOptions {
  plan: Plan;
  machine: QtestMachine;
  resultsDir: string;
  privateDir: string;
  log: Logger;
  /** Longest wait for one answer. */
  commandTimeoutMs: number;
  /** Longest time for the whole script. */
  scriptTimeoutMs: number;
  signal?: AbortSignal;
}

/** QEMU's own files of a script, in the results folder. */
export function qtestFileNames(script: Pick<QtestScript, 'name'>): { qtestLog: string; stderr: string; blockTrace: string } {
  return { qtestLog: `qtest-${script.name}.log`, stderr: `qtest-${script.name}-stderr.log`, blockTrace: `qtest-${script.name}-block-trace.log` };
}

export function qtestArgv(
  plan: Plan,
  machine: QtestMachine,
  paths: { qtestSocket: string; qtestLog: string; qmpSocket: string; blockTrace: string | undefined },
): string[] {
  const argv = [machine.qemuBinary, '-machine', plan.machineType, '-accel', 'qtest', '-nodefaults', '-display', 'none', '-m', plan.memory];
  if (plan.cpu) argv.push('-cpu', plan.cpu);
  for (const dir of machine.firmwareDirs) argv.push('-L', dir);
  argv.push('-qtest', `unix:${paths.qtestSocket}`, '-qtest-log', paths.qtestLog);
  argv.push('-qmp', `unix:${paths.qmpSocket},server=on,wait=off`);
  plan.host.disks.forEach((disk, i) => argv.push(...diskNodeArgs(disk, machine.disks[i]!.image)));
  for (const device of machine.devices) argv.push('-device', device);
  if (paths.blockTrace) {
    for (const event of BLOCK_TRACE_EVENTS) argv.push('-trace', `enable=${event}`);
    argv.push('-D', paths.blockTrace, '-msg', 'timestamp=on');
  }
  argv.push(...plan.extraArgs);
  return argv;
}

export async function runQtestScript(script: QtestScript, opts: RunQtestOptions): Promise<ScriptResult> {
  const names = qtestFileNames(script);
  const files = { qtestLog: join(opts.resultsDir, names.qtestLog), stderr: join(opts.resultsDir, names.stderr) };
  const qtestSocket = join(opts.privateDir, `qtest-${script.name}.sock`);
  const qmpSocket = join(opts.privateDir, `qmp-${script.name}.sock`);
  const hasBlockRules = opts.plan.host.hostRules.length > 0;
  const blockTrace = hasBlockRules ? join(opts.resultsDir, names.blockTrace) : undefined;
  const argv = qtestArgv(opts.plan, opts.machine, { qtestSocket, qtestLog: files.qtestLog, qmpSocket, blockTrace });

  const server = await QtestServer.listen(qtestSocket);
  const started = Date.now();
  opts.log.info(`qtest ${script.name}: ${script.sections.length} section(s) on ${opts.plan.machineType}`);
  const qemu = new QemuProcess(argv, { consoleFile: undefined, stderrFile: files.stderr, talksToGuest: false, log: opts.log, privateDir: opts.privateDir });
  const exited = new AbortController();
  void qemu.exited.then((e) =>
    exited.abort(new Error(`QEMU exited before connecting to the qtest socket${e.code !== undefined ? ` (status ${e.code})` : ''}`)),
  );
  let qmp: QmpClient | undefined;
  const stop = () => qemu.stop(qmp ? (ms) => qmp!.execute('quit', undefined, ms) : undefined);
  const onAbort = () => void stop();
  opts.signal?.addEventListener('abort', onAbort, { once: true });

  const sections: SectionResult[] = [];
  let conn: QtestConnection | undefined;
  let hostFaults: HostFaults | undefined;
  let refusal: ConfigError | undefined;
  try {
    if (opts.signal?.aborted) throw new Error('interrupted before the script started');
    conn = await server.accept(AbortSignal.any([exited.signal, AbortSignal.timeout(30_000)]));
    if (hasBlockRules) {
      qmp = await QmpClient.connect(qmpSocket, { timeoutMs: 10_000 });
      hostFaults = await armHostFaults(qmp, opts, blockTrace);
    }
    refusal = await refuseIgnoredAttrs(script, conn, opts);
    if (!refusal) await runSections(script, conn, hostFaults, opts, started + opts.scriptTimeoutMs, sections);
  } catch (err) {
    const lost = (err as Error).message;
    for (const section of script.sections.slice(sections.length)) sections.push(notRun(section, lost));
  } finally {
    conn?.close();
    server.close();
  }
  // The script is done: QEMU may go (quit over QMP when we have it, else a signal).
  await stop();
  const exit = await qemu.exited;
  opts.signal?.removeEventListener('abort', onAbort);
  qmp?.close();
  hostFaults?.finish();
  if (refusal) throw refusal;
  // Ended by our quit or signal, not on its own (an abort, a segfault, an exit status) even when
  // its exit was noticed only as the stop began.
  const byUs = (!exit.signal && exit.code === 0) || (exit.signal !== undefined && qemu.sentSignal(exit.signal));
  const crash = byUs
    ? undefined
    : describeCrash(
        exit,
        qemu.stderrTail,
        sections.some((s) => s.stepsRun > 0),
      );
  if (crash) markCrash(sections, crash);
  return { script, sections, qemuArgv: argv, qemuExit: { code: exit.code, signal: exit.signal }, crash, files, hostFaults: hostFaults?.record() };
}

/** The block rules, armed before the first section runs (a qtest machine has no boot to wait for). */
async function armHostFaults(qmp: QmpClient, opts: RunQtestOptions, blockTrace: string | undefined): Promise<HostFaults> {
  const hostFaults = new HostFaults(opts.plan, {
    log: opts.log,
    resultsDir: opts.resultsDir,
    images: new Map(opts.machine.disks.map((d) => [d.id, d.image])),
    traceFile: blockTrace,
    startsPaused: false,
    onReset: () => undefined,
  });
  await hostFaults.start(qmp, 0);
  await hostFaults.testStarted();
  return hostFaults;
}

/** Each section in order; after a lost connection the rest are errors that say why they did not run. */
async function runSections(
  script: QtestScript,
  conn: QtestConnection,
  hostFaults: HostFaults | undefined,
  opts: RunQtestOptions,
  deadline: number,
  sections: SectionResult[],
): Promise<void> {
  let lost: string | undefined;
  for (const section of script.sections) {
    if (lost) {
      sections.push(notRun(section, `not run: ${lost}`));
      continue;
    }
    const r = await runSection(section, conn, hostFaults, opts, deadline);
    sections.push(r);
    if (r.status === 'error') lost = r.error;
  }
}

function notRun(section: QtestScript['sections'][number], error: string): SectionResult {
  return { name: section.name, line: section.line, status: 'error', durationMs: 0, stepsRun: 0, steps: section.steps.length, error };
}

async function runSection(
  section: QtestScript['sections'][number],
  conn: QtestConnection,
  hostFaults: HostFaults | undefined,
  opts: RunQtestOptions,
  deadline: number,
): Promise<SectionResult> {
  const start = Date.now();
  const base = { name: section.name, line: section.line, steps: section.steps.length };
  let stepsRun = 0;
  for (const step of section.steps) {
    stepsRun++;
    try {
      const failure = await runStep(step, conn, hostFaults, opts, deadline);
      if (failure) return { ...base, status: 'fail', durationMs: Date.now() - start, stepsRun, failure };
    } catch (err) {
      const why = err instanceof QtestClosedError ? 'QEMU closed the qtest connection (it exited or crashed)' : (err as Error).message;
      return { ...base, status: 'error', durationMs: Date.now() - start, stepsRun, error: `line ${step.line} \`${step.source}\`: ${why}` };
    }
  }
  return { ...base, status: 'pass', durationMs: Date.now() - start, stepsRun };
}

/** Runs one step; a mismatch comes back, a lost QEMU or a timeout throws. */
async function runStep(
  step: ScriptStep,
  conn: QtestConnection,
  hostFaults: HostFaults | undefined,
  opts: RunQtestOptions,
  deadline: number,
): Promise<SectionResult['failure']> {
  if (step.kind === 'marker') {
    await hostFaults?.marker(step.marker!);
    return undefined;
  }
  const pollUntil = step.untilMs !== undefined ? Date.now() + step.untilMs : 0;
  for (;;) {
    const left = deadline - Date.now();
    if (left <= 0) throw new Error(`the script ran out of time (test-timeout ${opts.scriptTimeoutMs / 1000} s)`);
    let outcome: { ok: boolean; actual: string; diff?: string };
    if (step.kind === 'irq') {
      const level = conn.irqs.get(step.irq!.line);
      const actual = level === undefined ? 'never changed' : level ? 'raised' : 'lowered';
      outcome =
        level === step.irq!.raised
          ? { ok: true, actual }
          : { ok: false, actual, diff: `expected: IRQ ${step.irq!.line} ${step.irq!.raised ? 'raised' : 'lowered'}\nactual:   ${actual}` };
    } else {
      outcome = judgeAnswer(step, await conn.send(step.wire, Math.min(opts.commandTimeoutMs, left)));
    }
    if (outcome.ok) return undefined;
    if (Date.now() >= pollUntil) {
      const waited = step.untilMs !== undefined ? `\n(polled for ${step.untilMs / 1000} s)` : '';
      return { line: step.line, source: step.source, actual: outcome.actual, diff: `${outcome.diff ?? ''}${waited}` };
    }
    await sleep(10);
  }
}

/**
 * A script with attributes runs only on a QEMU that honours them: one that ignores them would
 * make secure accesses normal ones, and a test could pass for the wrong reason.
 */
async function refuseIgnoredAttrs(script: QtestScript, conn: QtestConnection, opts: RunQtestOptions): Promise<ConfigError | undefined> {
  const first = script.sections.flatMap((s) => s.steps).find((step) => step.attrs !== undefined);
  if (!first) return undefined;
  const probe = await probeQtestAttrs(conn, opts.commandTimeoutMs);
  if (probe.supported) return undefined;
  return new ConfigError(
    `line ${first.line} uses memory-transaction attributes (\`${first.attrs}\`), but this QEMU's qtest server ignores them: ${probe.evidence}`,
    {
      location: { file: script.file, line: first.line },
      hint: `${opts.machine.qemuBinary} would make the access a normal one; run the script on a QEMU whose qtest takes attributes (\`readl ADDR secure\`, \`space=realm\`; not in QEMU 10.2), or drop the attributes`,
    },
  );
}

function describeCrash(exit: ProcessExit, stderrTail: readonly string[], scriptStarted: boolean): string {
  if (exit.failed && exit.code === undefined && exit.signal === undefined) return `QEMU could not be started: ${exit.message}`;
  const last = stderrTail.slice(-3).join(' | ');
  const how = exit.signal ? `was killed by ${exit.signal}` : `exited with status ${exit.code}`;
  return `QEMU ${how} ${scriptStarted ? 'during the script' : 'before the script started'}${last ? `: ${last}` : ''}`;
}

/** QEMU died on its own: the section it died in, and the ones after, are errors. */
function markCrash(sections: SectionResult[], crash: string): void {
  const first = sections.findIndex((s) => s.status === 'error');
  if (first < 0) return;
  for (const s of sections.slice(first)) s.error = s.stepsRun > 0 ? `${crash} (${s.error})` : `not run: ${crash}`;
}
