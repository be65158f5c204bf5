import { createWriteStream, existsSync, writeFileSync, type WriteStream } from 'node:fs';
import { basename, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { execa, type ResultPromise } from 'execa';
import type { Logger } from '../core/host.js';
import type { ConsoleEvent, RunFiles, RunRecord } from './types.js';
import type { LogSummary } from '../observe/types.js';
import type { Plan } from '../plan/types.js';
import type { Provisioned } from '../provision/types.js';
import { ConsoleParser } from '../observe/console-parser.js';
import { LineStream } from '../core/line-stream.js';
import { SerialLineEnds } from './serial-line-ends.js';
import { LogSummarizer } from '../observe/summarize.js';
import { decodeGuestExit, MarkerWatch, qemuReportedError } from '../observe/verdict-sources.js';
import { GUEST_RESULTS_FILE } from '../observe/guest-results.js';
import { buildQemuArgv } from './qemu-argv.js';
import { resolveWaitingRule } from '../rules/index.js';
import { HostFaults } from './host-faults.js';
import { PluginControl } from './plugin-control.js';
import { QmpClient } from './qmp-client.js';
import { runSnapshotJob } from './snapshot-jobs.js';
import { runGuestAgentSession } from './guest-agent-session.js';
import { describeSnapshotPoint, printSnapshotPoint, resumeLineFor, type SnapshotPoint } from '../config/snapshot-point.js';
import { GO_LINE, ackLine, consoleInput } from '../protocol/guest-protocol.js';

export interface RunOptions {
  resultsDir: string;
  /** Private 0700 folder for the QMP socket and fw_cfg files. */
  privateDir: string;
  log: Logger;
  /** Aborted when the runner itself is interrupted (SIGINT/SIGTERM): QEMU is stopped, never orphaned. */
  signal?: AbortSignal;
  /** Called with each console line as it arrives (live echo). */
  onConsoleLine?: (line: string) => void;
  /** Snapshot campaigns: save the state where the guest waits, or run a trial from it. */
  snapshot?: SnapshotRun;
}

/**
 * `save`: boot, and when the guest waits at `at` (`start`, or a sync marker's name) stop it,
 * save the state into `stateFile` and end QEMU. `resume`: start paused, load that state, let
 * the guest go on from `at`; the test timeout counts from there. QEMU ends when the test does.
 */
export interface SnapshotRun {
  kind: 'save' | 'resume';
  stateFile: string;
  /** Format nodes of the disks saved and restored with the state (qcow2 only). */
  devices: string[];
  /** Where the state is saved (`snapshot-at`). */
  at: SnapshotPoint;
}

export interface RunResult {
  record: RunRecord;
  summary: LogSummary;
}

/** How long a guest gets to power off after its command reported an exit code. */
const powerOffGraceMs = 15_000;
/** Each step of the stop sequence: QMP quit, then SIGTERM, then SIGKILL. */
const stopStepMs = 3_000;
const qmpConnectMs = 10_000;

type Child = ResultPromise<{ stdin: 'ignore' | 'pipe'; stdout: 'pipe'; stderr: 'pipe'; buffer: false; reject: false }>;

/** After a panic, when the guest may reboot (vm.reset rules), the runner ends QEMU itself. */
const panicGraceMs = 1_000;

/**
 * Runs QEMU once: console teed to console.log as it arrives and parsed live, agent markers
 * drive the boot and test watchdogs, and every way out (exit, timeout, interrupt) goes
 * through one stop sequence so no QEMU is left behind.
 */
export async function runQemu(plan: Plan, provisioned: Provisioned, opts: RunOptions): Promise<RunResult> {
  const files: RunFiles = {
    dir: opts.resultsDir,
    console: join(opts.resultsDir, 'console.log'),
    qemuStderr: join(opts.resultsDir, 'qemu-stderr.log'),
    qmpLog: join(opts.resultsDir, 'qmp.log'),
  };
  const fwCfgFiles = new Map<string, string>();
  plan.fwCfg.forEach((entry, i) => {
    const path = join(opts.privateDir, `fw_cfg-${i}`);
    writeFileSync(path, entry.content, { mode: 0o600 });
    fwCfgFiles.set(entry.name, path);
  });
  const qmpSocket = join(opts.privateDir, 'qmp.sock');
  const qfiPlugin = provisioned.plugins.some((p) => p.role === 'qfi')
    ? { rules: join(opts.privateDir, 'plugin-rules.txt'), log: join(opts.resultsDir, 'injections.jsonl'), socket: join(opts.privateDir, 'plugin.sock') }
    : undefined;
  // Rules waiting for an address from the guest are added over the socket later.
  if (qfiPlugin) writeFileSync(qfiPlugin.rules, plan.pluginRules.filter((r) => !r.waitsFor).map((r) => `${r.line}\n`).join(''), { mode: 0o600 });
  const hasBlockRules = plan.host.hostRules.some((r) => r.layer === 'block') || plan.host.countRequests;
  const blockTrace = hasBlockRules ? join(opts.resultsDir, 'block-trace.log') : undefined;
  const snapshot = opts.snapshot;
  const guestAgentSocket = plan.agent === 'qemu-guest-agent' ? join(opts.privateDir, 'qga.sock') : undefined;
  // qfi's agent copies the results file to a virtio-serial port; QEMU writes it here.
  const guestResults = plan.agent === 'qfi' && plan.resultsFile !== undefined ? join(opts.resultsDir, GUEST_RESULTS_FILE) : undefined;
  const argv = buildQemuArgv(plan, provisioned, {
    qmpSocket,
    fwCfgFiles,
    ...(guestAgentSocket ? { guestAgentSocket } : {}),
    ...(guestResults ? { guestResults } : {}),
    ...(qfiPlugin ? { qfiPlugin } : {}),
    ...(blockTrace ? { blockTrace } : {}),
    ...(snapshot ? { snapshotState: snapshot.stateFile } : {}),
  });
  const hostFaults = plan.host.hostRules.length > 0 || plan.host.countRequests
    ? new HostFaults(plan, {
        log: opts.log,
        resultsDir: opts.resultsDir,
        images: new Map(provisioned.disks.map((d) => [d.id, d.image])),
        traceFile: blockTrace,
        startsPaused: plan.host.startPaused,
        onReset: () => onGuestReset(),
      })
    : undefined;
  // The guest waits on its console for `go` (test start) and `ack NAME` (markers): written to QEMU's stdin.
  const talksToGuest = plan.host.syncTestStart || plan.host.syncMarkers.length > 0 || snapshot !== undefined;
  const pluginControl = qfiPlugin ? new PluginControl(qfiPlugin.socket) : undefined;
  const waiting = new Map(plan.pluginRules.filter((r) => r.waitsFor).map((r) => [r.id, r]));
  /** Adds the rules that waited for this marker's address. */
  const addWaitingRules = (name: string, value: string) => {
    for (const [id, rule] of waiting) {
      if (rule.waitsFor !== name) continue;
      waiting.delete(id);
      const line = resolveWaitingRule(rule, value);
      pluginControl?.request({ cmd: 'add', rule: line }).then(
        (reply) => (reply.ok ? opts.log.info(`plugin rule ${id} armed at ${value}: ${rule.rule}`) : opts.log.warn(`the plugin refused rule ${id} (${line}): ${String(reply.error)}`)),
        (err: Error) => opts.log.warn(`could not add plugin rule ${id}: ${err.message}`),
      );
    }
  };
  /** Tells qfi's plugin a guest marker appeared, arming its marker:NAME+insn:N triggers. */
  const reportMarker = (name: string) => {
    pluginControl?.request({ cmd: 'marker', name }).then(
      (reply) => opts.log.debug(`plugin marker ${name}: ${JSON.stringify(reply)}`),
      (err: Error) => opts.log.warn(`could not tell the plugin about marker ${name}: ${err.message}`),
    );
  };

  const consoleOut = createWriteStream(files.console);
  const stderrOut = createWriteStream(files.qemuStderr);
  const qmpOut = createWriteStream(files.qmpLog);

  const startedAtDate = new Date();
  const startedAt = Date.now();
  const elapsed = () => Date.now() - startedAt;
  const record: RunRecord = {
    startedAt: startedAtDate.toISOString(),
    wallMs: 0,
    bootMs: undefined,
    testMs: undefined,
    commandExitCode: undefined,
    qemuExit: { code: undefined, signal: undefined },
    timedOut: undefined,
    diagnostics: undefined,
    infraError: undefined,
    events: [],
    consoleLines: 0,
    files,
    qemuArgv: argv,
    qemuPid: undefined,
    hostFaults: undefined,
  };
  const parser = new ConsoleParser(plan.markerToken);
  const markers = new MarkerWatch(plan.verdictSources);
  const summarizer = new LogSummarizer();
  // QEMU writes one message in several pieces: whole lines only, the last 20 kept.
  const stderrTail: string[] = [];
  const stderrLines = new LineStream((line) => {
    if (line.trim() === '') return;
    stderrTail.push(line);
    stderrTail.splice(0, Math.max(0, stderrTail.length - 20));
  });

  opts.log.debug(`QEMU argv: ${JSON.stringify(argv)}`);
  const child: Child = execa(argv[0]!, argv.slice(1), {
    stdin: talksToGuest ? 'pipe' : 'ignore',
    stdout: 'pipe',
    stderr: 'pipe',
    buffer: false,
    reject: false,
    cleanup: true,
  });

  record.qemuPid = child.pid;
  let exited = false;
  let stopping: Promise<void> | undefined;
  let qmp: QmpClient | undefined;
  const timers = new Set<NodeJS.Timeout>();
  const after = (ms: number, fn: () => void): NodeJS.Timeout => {
    const t = setTimeout(() => {
      timers.delete(t);
      fn();
    }, ms);
    timers.add(t);
    return t;
  };
  const cancel = (t: NodeJS.Timeout | undefined) => {
    if (t) {
      clearTimeout(t);
      timers.delete(t);
    }
  };

  /** Ends the qemu-guest-agent conversation when the run stops. */
  const sessionStop = new AbortController();
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      sessionStop.abort(new Error('the run is stopping'));
      if (exited) return;
      if (qmp) await qmp.execute('quit', undefined, stopStepMs).catch(() => undefined);
      if (await exitsWithin(child, stopStepMs)) return;
      opts.log.warn('QEMU did not quit over QMP; sending SIGTERM');
      child.kill('SIGTERM');
      if (await exitsWithin(child, stopStepMs)) return;
      opts.log.warn('QEMU ignored SIGTERM; sending SIGKILL');
      child.kill('SIGKILL');
      await exitsWithin(child, stopStepMs);
    })();
    return stopping;
  };

  const onTimeout = (kind: 'boot' | 'test' | 'overall') => {
    if (stopping || exited || record.timedOut) return;
    record.timedOut = kind;
    opts.log.warn(`${kind} timeout reached after ${(elapsed() / 1000).toFixed(1)} s; capturing QEMU state, then stopping it`);
    void captureDiagnostics().then(stop);
  };

  const captureDiagnostics = async () => {
    if (!qmp) return;
    const diagnostics: NonNullable<RunRecord['diagnostics']> = {};
    diagnostics.status = await qmp.execute('query-status', undefined, stopStepMs).catch((e: Error) => ({ error: e.message }));
    diagnostics.registers = await qmp
      .humanMonitor('info registers', stopStepMs)
      .then((text) => text.replaceAll('\r\n', '\n').trim() + '\n')
      .catch((e: Error) => `unavailable: ${e.message}`);
    record.diagnostics = diagnostics;
    writeFileSync(join(opts.resultsDir, 'registers.txt'), diagnostics.registers);
  };

  // A trial resumes a booted guest: no boot to time. A guest without an agent has no boot to
  // tell apart from its test: the whole run is its test.
  const hasAgent = plan.agent !== 'none';
  let bootTimer = hasAgent && snapshot?.kind !== 'resume' ? after(plan.timeouts.bootMs, () => onTimeout('boot')) : undefined;
  /** A line to the guest's console input; the guest reads it with echo off. */
  const tellGuest = (line: string) => {
    if (!exited && child.stdin && !child.stdin.destroyed) child.stdin.write(consoleInput(line));
  };
  /** Host rule work failed: the run cannot mean what it claims, so it is an infrastructure error. */
  const hostFaultFailed = (what: string) => (err: Error) => {
    record.infraError ??= `${what}: ${err.message}`;
    opts.log.warn(record.infraError);
    void stop();
  };
  function onGuestReset() {
    // A new boot follows: the agent will report ready and start again.
    cancel(testTimer);
    testTimer = undefined;
    if (hasAgent) {
      cancel(bootTimer);
      bootTimer = after(plan.timeouts.bootMs, () => onTimeout('boot'));
    }
  }
  let testTimer: NodeJS.Timeout | undefined = hasAgent ? undefined : after(plan.timeouts.testMs, () => onTimeout('test'));
  let testStartedAt: number | undefined = hasAgent ? undefined : 0;
  after(plan.timeouts.overallMs, () => onTimeout('overall'));

  const snapshotPoint = snapshot?.at;
  /** The line that lets the guest go on from where the state is saved (none for a time). */
  const resumeLine = snapshotPoint ? resumeLineFor(snapshotPoint) : undefined;
  const saveSnapshot = async () => {
    if (!qmp) throw new Error('QMP is not connected');
    await qmp.execute('stop');
    const savedAtMs = elapsed();
    const saveMs = await runSnapshotJob(qmp, 'snapshot-save', snapshot!.devices);
    record.snapshot = { savedAtMs, saveMs };
    opts.log.debug(`state saved at ${(savedAtMs / 1000).toFixed(2)} s in ${saveMs} ms`);
    await stop();
  };
  const resumeFromSnapshot = async (client: QmpClient) => {
    const loadMs = await runSnapshotJob(client, 'snapshot-load', snapshot!.devices);
    record.snapshot = { loadMs };
    // The test goes on from here: its clock starts now (the state was saved at its start or a marker).
    testStartedAt = elapsed();
    record.events.push({ kind: 'test-start', line: 0, atMs: testStartedAt, text: `(resumed from the saved state at ${printSnapshotPoint(snapshot!.at)})` });
    testTimer = after(plan.timeouts.testMs, () => onTimeout('test'));
    // Written only after the load concluded: bytes sent earlier land in a UART state the load replaces.
    if (resumeLine) tellGuest(resumeLine);
    await client.execute('cont');
  };
  /** A trial ends with its test: stop the guest, read the plugin's count, end QEMU (no power-off to wait for). */
  const endTrial = async () => {
    await qmp?.execute('stop').catch(() => undefined);
    const status = await pluginControl?.request({ cmd: 'status' }, stopStepMs).catch(() => undefined);
    const icount = (status?.icount as number[] | undefined)?.[0];
    if (typeof icount === 'number') record.testEndIcount = icount;
    await stop();
  };
  const snapshotFailed = (what: string) => (err: Error) => {
    record.infraError ??= `${what}: ${err.message}`;
    opts.log.warn(record.infraError);
    void stop();
  };

  const onEvent = (event: ConsoleEvent) => {
    record.events.push(event);
    switch (event.kind) {
      case 'marker':
        if (snapshot?.kind === 'save' && snapshotPoint?.kind === 'marker' && event.name === snapshotPoint.name) {
          void saveSnapshot().catch(snapshotFailed(`saving the state at marker ${event.name}`));
          break;
        }
        if (event.name && event.value) addWaitingRules(event.name, event.value);
        if (event.name) reportMarker(event.name);
        if (event.name && hostFaults) {
          const name = event.name;
          const synced = plan.host.syncMarkers.includes(name);
          void hostFaults.marker(name).then(() => synced && tellGuest(ackLine(name)), hostFaultFailed(`host rules on marker ${name}`));
        }
        break;
      case 'agent-ready':
        reportMarker('ready');
        cancel(bootTimer);
        bootTimer = undefined;
        record.bootMs ??= event.atMs;
        break;
      case 'test-start':
        if (snapshot?.kind === 'save' && snapshotPoint?.kind === 'start') {
          void saveSnapshot().catch(snapshotFailed('saving the state at the test start'));
          break;
        }
        if (snapshot?.kind === 'save' && snapshotPoint?.kind === 'time') {
          after(snapshotPoint.ms, () => void saveSnapshot().catch(snapshotFailed(`saving the state ${describeSnapshotPoint(snapshotPoint)}`)));
        }
        reportMarker('start');
        testStartedAt = event.atMs;
        cancel(testTimer);
        testTimer = after(plan.timeouts.testMs, () => onTimeout('test'));
        if (hostFaults) void hostFaults.testStarted().then(() => plan.host.syncTestStart && tellGuest(GO_LINE), hostFaultFailed('host rules at test start'));
        break;
      case 'panic':
      case 'oops':
      case 'bug':
        // With reboots allowed, a panic would boot the guest again; a snapshot trial is a crash
        // from the first oops on (waiting for a hang to time out would only cost time): end the run.
        if ((event.kind === 'panic' && plan.host.rebootOnReset) || snapshot?.kind === 'resume') after(panicGraceMs, () => void stop());
        break;
      case 'success-marker':
      case 'failure-marker':
        // Without an agent or exit device, the marker is the end: a failure gets a moment more
        // for the lines after it (a trace), a success ends at once.
        if (!hasAgent && plan.verdictSources.exitDevice === 'none') after(event.kind === 'failure-marker' ? panicGraceMs : 0, () => void stop());
        break;
      case 'test-exit':
        cancel(testTimer);
        record.commandExitCode = event.exitCode;
        if (testStartedAt !== undefined) record.testMs = event.atMs - testStartedAt;
        if (snapshot?.kind === 'resume') {
          void endTrial();
          break;
        }
        after(powerOffGraceMs, () => {
          opts.log.warn(`the guest did not power off within ${powerOffGraceMs / 1000} s of its command ending; stopping QEMU`);
          void stop();
        });
        break;
      default:
        break;
    }
  };

  const lines = new LineStream((text) => {
    record.consoleLines++;
    const event = parser.parseLine(text, record.consoleLines, elapsed());
    summarizer.addLine(text, event);
    if (event) onEvent(event);
    const marker = markers.active ? markers.check(text, record.consoleLines, elapsed()) : undefined;
    if (marker) onEvent(marker);
    opts.onConsoleLine?.(text);
  });
  // console.log and the parser read the same bytes, with the serial port's `\r` before `\n` gone.
  const consoleEnds = new SerialLineEnds();
  const onConsoleBytes = (bytes: Buffer) => {
    if (bytes.length === 0) return;
    consoleOut.write(bytes);
    lines.push(bytes);
  };
  child.stdout.on('data', (chunk: Buffer) => onConsoleBytes(consoleEnds.push(chunk)));
  child.stderr.on('data', (chunk: Buffer) => {
    stderrOut.write(chunk);
    stderrLines.push(chunk);
  });

  const onAbort = () => {
    record.infraError ??= `the runner was interrupted (${String(opts.signal?.reason ?? 'abort')}); QEMU was stopped`;
    void stop();
  };
  opts.signal?.addEventListener('abort', onAbort, { once: true });
  if (opts.signal?.aborted) onAbort();

  void connectQmp(qmpSocket, child, qmpOut, startedAt).then(
    (client) => {
      qmp = client;
      if (exited) client.close();
      else if (snapshot?.kind === 'resume') void resumeFromSnapshot(client).catch(snapshotFailed('loading the saved state'));
      else if (hostFaults) {
        // Rules from boot go in while QEMU is still paused (-S); then it runs.
        void hostFaults
          .start(client, elapsed())
          .then(() => hostFaults.resume())
          .catch(hostFaultFailed('host rules at boot'));
      }
    },
    (err: Error) => {
      if (exited) return;
      if (hostFaults) hostFaultFailed('QMP is needed for host rules')(err);
      else if (snapshot) snapshotFailed('QMP is needed to save or load the state')(err);
      else opts.log.warn(`QMP unavailable (${err.message}); timeouts will stop QEMU with signals`);
    },
  );

  // qemu-guest-agent runs the command inside the user's image; its events drive the same timers.
  if (guestAgentSocket) {
    void runGuestAgentSession({
      socket: guestAgentSocket,
      plan,
      command: plan.command,
      resultsDir: opts.resultsDir,
      log: opts.log,
      startedAt,
      signal: sessionStop.signal,
      onEvent,
      onPowerOffRefused: () => void stop(),
    }).catch((err: Error) => {
      if (sessionStop.signal.aborted || exited || stopping) return;
      record.infraError ??= `qemu-guest-agent: ${err.message}`;
      opts.log.warn(record.infraError);
      void stop();
    });
  }

  const result = await child;
  exited = true;
  sessionStop.abort(new Error('QEMU exited'));
  if (hostFaults) {
    hostFaults.finish();
    record.hostFaults = hostFaults.record();
  }
  for (const t of timers) clearTimeout(t);
  timers.clear();
  opts.signal?.removeEventListener('abort', onAbort);
  qmp?.close();
  pluginControl?.close();
  onConsoleBytes(consoleEnds.end());
  lines.end();
  stderrLines.end();
  await Promise.all([closeStream(consoleOut), closeStream(stderrOut), closeStream(qmpOut)]);

  record.wallMs = elapsed();
  record.qemuExit = { code: result.exitCode, signal: result.signal };
  // The guest ended QEMU through its exit device (not us, not a signal, not QEMU's own error).
  if (plan.verdictSources.exitDevice !== 'none' && !stopping && !result.signal && result.exitCode !== undefined && !qemuReportedError(stderrTail, basename(argv[0]!))) {
    const guestExit = decodeGuestExit(plan.verdictSources.exitDevice, result.exitCode);
    if (guestExit) record.guestExit = guestExit;
  }
  const crashed = record.events.some((e) => e.kind === 'panic' || e.kind === 'oops' || e.kind === 'bug');
  if (result.failed && result.exitCode === undefined && result.signal === undefined) {
    // The process never started (ENOENT, EACCES...).
    record.infraError ??= `QEMU could not be started: ${result.message}`;
  } else if (!stopping && !crashed && record.commandExitCode === undefined && record.guestExit === undefined && (result.signal || result.exitCode !== 0)) {
    const how = result.signal ? `was killed by ${result.signal}` : `exited with code ${result.exitCode}`;
    record.infraError ??= `QEMU ${how} after ${(record.wallMs / 1000).toFixed(1)} s${stderrTail.length ? `: ${stderrTail.slice(-5).join(' | ')}` : ''}${missingFirmwareHint(stderrTail)}`;
  }
  return { record, summary: summarizer.result() };
}

/**
 * QEMU stops at once when a BIOS or an option ROM is missing; a QEMU qfi builds carries none
 * (--disable-install-blobs) and takes the distribution's, which may not be installed.
 */
export function missingFirmwareHint(stderr: readonly string[]): string {
  const missing = stderr.some((l) => /could not load PC BIOS|failed to find romfile|Could not open option rom|could not find .* firmware/i.test(l));
  return missing ? ' (QEMU did not find its firmware: install the distribution\'s, on Debian/Ubuntu apt-get install seabios ipxe-qemu qemu-system-data)' : '';
}

async function exitsWithin(child: Child, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return true;
  // unref'd: a pending timer must not keep the runner alive once QEMU is gone
  const exited = await Promise.race([child.then(() => true), sleep(ms, undefined, { ref: false }).then(() => false)]);
  return exited;
}

async function connectQmp(path: string, child: Child, log: WriteStream, startedAt: number): Promise<QmpClient> {
  const deadline = Date.now() + qmpConnectMs;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error('QEMU exited before its QMP socket was ready');
    if (existsSync(path)) {
      try {
        return await QmpClient.connect(path, { log, startedAt });
      } catch (err) {
        if (Date.now() > deadline) throw err;
      }
    }
    if (Date.now() > deadline) throw new Error(`no QMP socket at ${path} after ${qmpConnectMs / 1000} s`);
    await sleep(20);
  }
}

function closeStream(stream: WriteStream): Promise<void> {
  return new Promise((resolve) => stream.end(resolve));
}
