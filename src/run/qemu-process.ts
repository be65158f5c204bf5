/**
 * The QEMU process: spawned with its console (stdout) and stderr teed to files as they arrive,
 * console lines handed on, a line written to its stdin for a guest that waits on its console,
 * and one stop sequence every way out goes through (QMP quit, then SIGTERM, then SIGKILL), so
 * no QEMU is left behind.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { execa, type ResultPromise } from 'execa';
import type { Logger } from '../core/host.js';
import { LineStream } from '../core/line-stream.js';
import { SerialLineEnds } from './serial-line-ends.js';
import { consoleInput } from '../protocol/guest-protocol.js';
import { diesWithParent } from '../core/child-lifetime.js';
import { LogFile, type WriteFailure } from '../core/log-file.js';
import { recordQemu } from './stale-runs.js';

/** How the process ended. `failed` without code or signal: it never started (ENOENT, EACCES...). */
export interface ProcessExit {
  code: number | undefined;
  signal: string | undefined;
  failed: boolean;
  message: string;
}

export interface QemuProcessOptions {
  /** console.log and qemu-stderr.log; no console file: QEMU's stdout is not read (qtest). */
  consoleFile: string | undefined;
  stderrFile: string;
  /** Pipe stdin: the guest waits on its console for the runner's lines. */
  talksToGuest: boolean;
  log: Logger;
  /** Each console line (serial `\r\n` ends already cut to `\n`). */
  onConsoleLine?: (text: string) => void;
  /** Each step of the stop sequence waits this long for the exit. Default 3 s. */
  stopStepMs?: number;
  /** The run's private folder: QEMU's pid is recorded there for the stale-run sweep. */
  privateDir?: string;
  /** console.log or qemu-stderr.log could not be written (a full disk): the run should stop. */
  onWriteFailure?: (failure: WriteFailure) => void;
}

type Child = ResultPromise<{ stdin: 'ignore' | 'pipe'; stdout: 'ignore' | 'pipe'; stderr: 'pipe'; buffer: false; reject: false }>;

/** stderr lines kept for the exit's explanation. */
const STDERR_TAIL_LINES = 20;

export class QemuProcess {
  readonly pid: number | undefined;
  /** Resolves once QEMU has exited and both files are written and closed. */
  readonly exited: Promise<ProcessExit>;
  /** The last non-empty stderr lines (whole lines: QEMU writes one message in several pieces). */
  readonly stderrTail: string[] = [];
  private hasExited = false;
  private stopping: Promise<void> | undefined;
  private readonly signalsSent = new Set<string>();
  private writeFailed: WriteFailure | undefined;
  private readonly child: Child;
  private readonly stopStepMs: number;

  constructor(
    argv: readonly string[],
    private readonly opts: QemuProcessOptions,
  ) {
    this.stopStepMs = opts.stopStepMs ?? 3_000;
    // Dies with qfi even when qfi is killed with SIGKILL (no handler runs then).
    const [file, args] = diesWithParent(argv[0]!, argv.slice(1));
    this.child = execa(file, args, {
      stdin: opts.talksToGuest ? 'pipe' : 'ignore',
      stdout: opts.consoleFile === undefined ? 'ignore' : 'pipe',
      stderr: 'pipe',
      buffer: false,
      reject: false,
      cleanup: true,
    });
    this.pid = this.child.pid;
    if (this.pid !== undefined && opts.privateDir) recordQemu(opts.privateDir, this.pid);
    this.exited = this.supervise();
  }

  /** Whether the stop sequence has begun (qfi ended the run, not QEMU or the guest). */
  get isStopping(): boolean {
    return this.stopping !== undefined;
  }

  get hasEnded(): boolean {
    return this.hasExited;
  }

  /** The first write error of console.log or qemu-stderr.log. */
  get writeFailure(): WriteFailure | undefined {
    return this.writeFailed;
  }

  /**
   * Whether qfi's stop sequence sent QEMU `signal`. A death by a signal qfi did not send is QEMU's
   * own or someone else's, even when qfi's stop had begun (a crash noticed only as the stop began).
   */
  sentSignal(signal: string): boolean {
    return this.signalsSent.has(signal);
  }

  /** A line to the guest's console input (the guest reads it with echo off). */
  tellGuest(line: string): void {
    const stdin = this.child.stdin;
    if (!this.hasExited && stdin && !stdin.destroyed) stdin.write(consoleInput(line));
  }

  /** Ends QEMU: `quit` first (QMP, when connected), then SIGTERM, then SIGKILL. Called again, the same stop. */
  stop(quit?: (timeoutMs: number) => Promise<unknown>): Promise<void> {
    this.stopping ??= (async () => {
      if (this.hasExited) return;
      if (quit) await quit(this.stopStepMs).catch(() => undefined);
      if (await this.exitsWithin(this.stopStepMs)) return;
      this.opts.log.warn('QEMU did not quit over QMP; sending SIGTERM');
      this.signalsSent.add('SIGTERM');
      this.child.kill('SIGTERM');
      if (await this.exitsWithin(this.stopStepMs)) return;
      this.opts.log.warn('QEMU ignored SIGTERM; sending SIGKILL');
      this.signalsSent.add('SIGKILL');
      this.child.kill('SIGKILL');
      await this.exitsWithin(this.stopStepMs);
    })();
    return this.stopping;
  }

  private async supervise(): Promise<ProcessExit> {
    const onFailure = (failure: WriteFailure) => {
      this.writeFailed ??= failure;
      this.opts.onWriteFailure?.(failure);
    };
    const consoleOut = this.opts.consoleFile === undefined ? undefined : new LogFile(this.opts.consoleFile, { onFailure });
    const stderrOut = new LogFile(this.opts.stderrFile, { onFailure });
    const lines = new LineStream(this.opts.onConsoleLine ?? (() => undefined));
    const stderrLines = new LineStream((line) => {
      if (line.trim() === '') return;
      this.stderrTail.push(line);
      this.stderrTail.splice(0, Math.max(0, this.stderrTail.length - STDERR_TAIL_LINES));
    });
    // console.log and the line reader get the same bytes, with the serial port's `\r` before `\n` gone.
    const consoleEnds = new SerialLineEnds();
    const onConsoleBytes = (bytes: Buffer) => {
      if (bytes.length === 0 || !consoleOut) return;
      consoleOut.write(bytes);
      lines.push(bytes);
    };
    this.child.stdout?.on('data', (chunk: Buffer) => onConsoleBytes(consoleEnds.push(chunk)));
    this.child.stderr.on('data', (chunk: Buffer) => {
      stderrOut.write(chunk);
      stderrLines.push(chunk);
    });
    const result = await this.child;
    this.hasExited = true;
    onConsoleBytes(consoleEnds.end());
    lines.end();
    stderrLines.end();
    await Promise.all([consoleOut?.end(), stderrOut.end()]);
    return { code: result.exitCode, signal: result.signal, failed: result.failed, message: result.message ?? '' };
  }

  private async exitsWithin(ms: number): Promise<boolean> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return true;
    // unref'd: a pending timer must not keep the runner alive once QEMU is gone
    return Promise.race([this.child.then(() => true), sleep(ms, undefined, { ref: false }).then(() => false)]);
  }
}
