/**
 * Runs QEMU once: the process supervisor tees the console to console.log and hands each line
 * to the console listener; the events heard there (or from qemu-guest-agent) drive the
 * watchdog, the agent's replies, the host faults, qfi's plugin and a snapshot's save or load;
 * every way out (exit, timeout, interrupt) goes through the supervisor's one stop sequence.
 */
import { basename, join } from 'node:path';
import type { Logger } from '../core/host.js';
import type { ConsoleEvent, RunRecord } from './types.js';
import type { Plan } from '../plan/types.js';
import type { Provisioned } from '../provision/types.js';
import { RESULTS_FILES } from '../core/results-layout.js';
import { prepareRun, type RunSetup } from './run-setup.js';
import { QemuProcess } from './qemu-process.js';
import { describeWriteFailure, LogFile, writeResultFile } from '../core/log-file.js';
import { classifyExit } from './exit-classification.js';
import { ConsoleListener } from './console-listener.js';
import { POWER_OFF_GRACE_MS, Watchdog, WatchdogState, type WatchdogAction } from './watchdog.js';
import { ConsoleAgent, QemuGuestAgentDriver, type AgentDriver } from './agent-drivers.js';
import { SnapshotDriver, type SnapshotRun } from './snapshot-driver.js';
import { printSnapshotPoint } from '../config/snapshot-point.js';
import { HostFaults } from './host-faults.js';
import { PluginLink } from './plugin-link.js';
import { captureDiagnostics, connectQmp } from './qmp-connect.js';
import type { QmpClient } from './qmp-client.js';
import { InfraError } from '../core/errors.js';

export type { SnapshotRun } from './snapshot-driver.js';

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

/** Each step of the stop sequence (QMP quit, SIGTERM, SIGKILL), and of the QMP work around a stop. */
const STOP_STEP_MS = 3_000;

/** Runs QEMU once and returns what it left: the record the observe stage judges (with console.log beside it). */
export async function runQemu(plan: Plan, provisioned: Provisioned, opts: RunOptions): Promise<RunRecord> {
  // An interrupt during provisioning: QEMU must not boot for nothing.
  if (opts.signal?.aborted) throw new InfraError(`the runner was interrupted (${String(opts.signal.reason ?? 'abort')}) before QEMU started; nothing ran`);
  const setup = prepareRun(plan, provisioned, opts, opts.snapshot?.stateFile);
  return new QemuRun(plan, provisioned, setup, opts).run();
}

class QemuRun {
  private readonly startedAt = Date.now();
  private readonly record: RunRecord;
  private readonly qemu: QemuProcess;
  private readonly listener: ConsoleListener;
  private readonly watchdog: Watchdog;
  private readonly agent: AgentDriver;
  private readonly hostFaults: HostFaults | undefined;
  private readonly plugin: PluginLink | undefined;
  private readonly snapshot: SnapshotDriver | undefined;
  private readonly qmpOut;
  private qmp: QmpClient | undefined;
  /** test-start's time, for testMs (a guest without an agent: the run is its test). */
  private testStartedAt: number | undefined;

  constructor(
    private readonly plan: Plan,
    provisioned: Provisioned,
    private readonly setup: RunSetup,
    private readonly opts: RunOptions,
  ) {
    const { files, argv, paths } = setup;
    this.record = newRecord(this.startedAt, files, argv);
    const hasAgent = plan.agent !== 'none';
    this.testStartedAt = hasAgent ? undefined : 0;
    this.listener = new ConsoleListener(plan.markerToken, plan.verdictSources);
    this.hostFaults =
      plan.host.hostRules.length > 0 || plan.host.countRequests
        ? new HostFaults(plan, {
            log: opts.log,
            resultsDir: opts.resultsDir,
            images: new Map(provisioned.disks.map((d) => [d.id, d.image])),
            traceFile: paths.blockTrace,
            startsPaused: plan.host.startPaused,
            onReset: () => this.watchdog.feed({ kind: 'reset' }),
          })
        : undefined;
    this.plugin = paths.qfiPlugin ? new PluginLink(paths.qfiPlugin.socket, plan.pluginRules, opts.log) : undefined;
    this.snapshot = opts.snapshot ? this.snapshotDriver(opts.snapshot) : undefined;
    this.qmpOut = new LogFile(files.qmpLog, { onFailure: (f) => this.fail(describeWriteFailure(f)) });
    opts.log.debug(`QEMU argv: ${JSON.stringify(argv)}`);
    // A guest that waits on its console for `go` and `ack NAME`, or resumes from a saved state, reads QEMU's stdin.
    const talksToGuest = plan.host.syncTestStart || plan.host.syncMarkers.length > 0 || opts.snapshot !== undefined;
    const onConsoleLine = (text: string) => this.onConsoleLine(text);
    this.qemu = new QemuProcess(argv, {
      consoleFile: files.console,
      stderrFile: files.qemuStderr,
      talksToGuest,
      log: opts.log,
      onConsoleLine,
      privateDir: opts.privateDir,
      // A full disk: what was written stays, and the run ends as an infra-error naming the file.
      onWriteFailure: (f) => this.fail(describeWriteFailure(f)),
    });
    this.record.qemuPid = this.qemu.pid;
    const policy = {
      timeouts: plan.timeouts,
      hasAgent,
      trial: this.snapshot?.resumes === true,
      rebootOnReset: plan.host.rebootOnReset,
      markersEnd: !hasAgent && plan.verdictSources.exitDevice === 'none',
    };
    this.watchdog = new Watchdog(
      new WatchdogState(policy),
      () => this.elapsed(),
      (action) => this.onWatchdog(action),
    );
    this.agent = this.agentDriver();
  }

  async run(): Promise<RunRecord> {
    const { signal } = this.opts;
    const onAbort = () => {
      this.record.infraError ??= `the runner was interrupted (${String(signal?.reason ?? 'abort')}); QEMU was stopped`;
      void this.stop();
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    if (signal?.aborted) onAbort();
    void connectQmp(this.setup.paths.qmpSocket, { log: this.qmpOut, startedAt: this.startedAt, qemuGone: () => this.qemu.hasEnded }).then(
      (client) => this.onQmp(client),
      (err: Error) => this.onQmpUnavailable(err),
    );
    const exit = await this.qemu.exited;
    signal?.removeEventListener('abort', onAbort);
    return this.finish(exit);
  }

  private elapsed(): number {
    return Date.now() - this.startedAt;
  }

  private stop(): Promise<void> {
    this.agent.stop(new Error('the run is stopping'));
    return this.qemu.stop(this.qmp ? (ms) => this.qmp!.execute('quit', undefined, ms) : undefined);
  }

  /** Work the run depends on failed: it cannot mean what it claims, so it is an infrastructure error. */
  private fail(message: string): void {
    this.record.infraError ??= message;
    this.opts.log.warn(this.record.infraError);
    void this.stop();
  }

  private failing(what: string): (err: Error) => void {
    return (err) => this.fail(`${what}: ${err.message}`);
  }

  private onConsoleLine(text: string): void {
    for (const event of this.listener.hear(text, this.elapsed())) this.onEvent(event);
    this.opts.onConsoleLine?.(text);
  }

  private onEvent(event: ConsoleEvent): void {
    this.record.events.push(event);
    // After QEMU's exit (its last console line) the event is only recorded.
    const ended = this.qemu.hasEnded;
    if (!ended && this.snapshot?.claims(event)) return;
    this.noteTimes(event);
    if (ended) return;
    this.watchdog.feed({ kind: 'event', event });
    this.plugin?.onEvent(event);
    const { hostFaults, agent } = this;
    if (event.kind === 'marker' && event.name && hostFaults) {
      const name = event.name;
      void hostFaults.marker(name).then(() => agent.release({ kind: 'marker', name }), this.failing(`host rules on marker ${name}`));
    } else if (event.kind === 'test-start') {
      this.snapshot?.testStarted();
      if (hostFaults) void hostFaults.testStarted().then(() => agent.release({ kind: 'start' }), this.failing('host rules at test start'));
    } else if (event.kind === 'test-exit' && this.snapshot?.resumes) void this.snapshot.testEnded();
  }

  /** bootMs, testMs and the command's exit code, as the agent reports them. */
  private noteTimes(event: ConsoleEvent): void {
    const { record } = this;
    if (event.kind === 'agent-ready') record.bootMs ??= event.atMs;
    else if (event.kind === 'test-start') this.testStartedAt = event.atMs;
    else if (event.kind === 'test-exit') {
      record.commandExitCode = event.exitCode;
      if (this.testStartedAt !== undefined) record.testMs = event.atMs - this.testStartedAt;
    }
  }

  private onWatchdog(action: WatchdogAction): void {
    if (action.kind === 'stop') {
      if (action.why === 'power-off')
        this.opts.log.warn(`the guest did not power off within ${POWER_OFF_GRACE_MS / 1000} s of its command ending; stopping QEMU`);
      void this.stop();
      return;
    }
    if (this.qemu.isStopping || this.qemu.hasEnded || this.record.timedOut) return;
    this.record.timedOut = action.which;
    this.opts.log.warn(`${action.which} timeout reached after ${(this.elapsed() / 1000).toFixed(1)} s; capturing QEMU state, then stopping it`);
    void this.captureDiagnostics()
      .catch((err: Error) => {
        this.record.infraError ??= err.message;
      })
      .then(() => this.stop());
  }

  private async captureDiagnostics(): Promise<void> {
    if (!this.qmp) return;
    const diagnostics = await captureDiagnostics(this.qmp, STOP_STEP_MS);
    this.record.diagnostics = diagnostics;
    writeResultFile(join(this.opts.resultsDir, RESULTS_FILES.registers), diagnostics.registers);
  }

  private onQmp(client: QmpClient): void {
    this.qmp = client;
    if (this.qemu.hasEnded) client.close();
    else if (this.snapshot?.resumes) void this.snapshot.connected(client).catch(this.failing('loading the saved state'));
    else if (this.hostFaults) {
      // Rules from boot go in while QEMU is still paused (-S); then it runs.
      const hostFaults = this.hostFaults;
      void hostFaults
        .start(client, this.elapsed())
        .then(() => hostFaults.resume())
        .catch(this.failing('host rules at boot'));
    }
  }

  private onQmpUnavailable(err: Error): void {
    if (this.qemu.hasEnded) return;
    if (this.hostFaults) this.failing('QMP is needed for host rules')(err);
    else if (this.snapshot) this.failing('QMP is needed to save or load the state')(err);
    else this.opts.log.warn(`QMP unavailable (${err.message}); timeouts will stop QEMU with signals`);
  }

  private agentDriver(): AgentDriver {
    const tellGuest = (line: string) => this.qemu.tellGuest(line);
    const socket = this.setup.paths.guestAgentSocket;
    if (!socket) return new ConsoleAgent(this.plan.host, tellGuest);
    // qemu-guest-agent runs the command inside the user's image; its events drive the same watchdog.
    return new QemuGuestAgentDriver({
      socket,
      plan: this.plan,
      resultsDir: this.opts.resultsDir,
      log: this.opts.log,
      startedAt: this.startedAt,
      tellGuest,
      onEvent: (event) => this.onEvent(event),
      onPowerOffRefused: () => void this.stop(),
      onFailure: (err) => {
        if (!this.qemu.hasEnded && !this.qemu.isStopping) this.fail(`qemu-guest-agent: ${err.message}`);
      },
    });
  }

  private snapshotDriver(run: SnapshotRun): SnapshotDriver {
    return new SnapshotDriver(run, {
      log: this.opts.log,
      elapsed: () => this.elapsed(),
      qmp: () => this.qmp,
      tellGuest: (line) => this.qemu.tellGuest(line),
      icount: async () => this.plugin?.icount(STOP_STEP_MS),
      onResumed: () => {
        // The test goes on from here: its clock starts now (the state was saved at its start or a marker).
        this.testStartedAt = this.elapsed();
        this.record.events.push({
          kind: 'test-start',
          line: 0,
          atMs: this.testStartedAt,
          text: `(resumed from the saved state at ${printSnapshotPoint(run.at)})`,
        });
        this.watchdog.feed({ kind: 'resumed' });
      },
      stop: () => this.stop(),
      fail: (what) => this.failing(what),
    });
  }

  private async finish(exit: Awaited<QemuProcess['exited']>): Promise<RunRecord> {
    const { record, plan } = this;
    this.agent.stop(new Error('QEMU exited'));
    this.watchdog.close();
    this.snapshot?.close();
    if (this.hostFaults) {
      this.hostFaults.finish();
      record.hostFaults = this.hostFaults.record();
    }
    this.qmp?.close();
    this.plugin?.close();
    await this.qmpOut.end();
    record.wallMs = this.elapsed();
    record.consoleLines = this.listener.lines;
    record.qemuExit = { code: exit.code, signal: exit.signal };
    if (this.snapshot?.times) record.snapshot = this.snapshot.times;
    if (this.snapshot?.testEndIcount !== undefined) record.testEndIcount = this.snapshot.testEndIcount;
    const crashed = record.events.some((e) => e.kind === 'panic' || e.kind === 'oops' || e.kind === 'bug');
    const verdict = classifyExit({
      exit,
      stopped: this.qemu.isStopping,
      exitDevice: plan.verdictSources.exitDevice,
      stderrTail: this.qemu.stderrTail,
      binaryName: basename(this.setup.argv[0]!),
      crashed,
      commandExitCode: record.commandExitCode,
      wallMs: record.wallMs,
    });
    if (verdict.guestExit) record.guestExit = verdict.guestExit;
    record.infraError ??= verdict.infraError;
    return record;
  }
}

function newRecord(startedAt: number, files: RunRecord['files'], argv: string[]): RunRecord {
  return {
    startedAt: new Date(startedAt).toISOString(),
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
}
