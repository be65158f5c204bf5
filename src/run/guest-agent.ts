/**
 * A client for the QEMU guest agent (qemu-ga) inside a full distribution image, over the
 * virtio-serial port QEMU exposes as a UNIX socket:
 *
 *   -chardev socket,path=PATH,server=on,wait=off,id=qga0
 *   -device virtio-serial-pci -device virtserialport,chardev=qga0,name=org.qemu.guest_agent.0
 *
 * The channel outlives both ends: QEMU keeps what the host writes while no agent reads it, and an
 * agent that restarts or a client that timed out leaves replies (or half a request) in the stream.
 * So every conversation starts with `guest-sync-delimited`: a 0xFF byte (the agent drops any
 * half-read request), then a fresh id; the agent answers with 0xFF and the id, and every reply
 * before that one is stale and dropped. After a client-side timeout the next command resyncs first.
 * Commands go one at a time (the agent answers in order); every line in either direction is
 * appended to the transcript log with a time stamp, like qmp.log.
 */
import type { Socket } from 'node:net';
import type { TextSink } from '../core/log-file.js';
import { randomInt } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { InfraError } from '../core/errors.js';
import { connectUnix, decodeJson, LineChannel, Transcript } from './line-channel.js';

const SENTINEL = 0xff;
/** Longest line kept whole in the transcript: exec output and file reads are base64 megabytes. */
const LOG_LINE_MAX = 2000;
/** Reads asked of guest-file-read at a time (the agent allows up to 48 MiB). */
const FILE_CHUNK_BYTES = 1024 * 1024;

const STUCK_HINT = 'the guest may be stuck or overloaded: see the console log';
const NOT_READY_HINT =
  'is qemu-guest-agent installed and enabled in the image (Debian/Ubuntu: apt-get install qemu-guest-agent; ' +
  'its udev rule starts it when the port appears)? QEMU needs -device virtio-serial-pci and ' +
  '-device virtserialport,chardev=...,name=org.qemu.guest_agent.0; a guest under TCG may need a longer boot-timeout';

/** The agent answered a command with an error (`{"error": {"class", "desc"}}`). */
export class GuestAgentCommandError extends InfraError {
  constructor(
    readonly command: string,
    readonly errorClass: string,
    readonly desc: string,
  ) {
    super(`guest agent ${command} failed: ${errorClass}: ${desc}`, {
      hint: /disabled/i.test(desc) ? `the agent in the guest refuses ${command}: remove it from qemu-ga's --block-rpcs (or blacklist) in the image` : undefined,
    });
  }
}

/** The agent did not answer: not started yet, not installed, or the guest is stuck. */
export class GuestAgentTimeoutError extends InfraError {
  constructor(message: string, hint?: string) {
    super(message, { hint });
  }
}

/** No agent answered within the boot deadline: the run's `boot-timeout`. */
export class GuestAgentNotReadyError extends GuestAgentTimeoutError {
  constructor(
    readonly waitedMs: number,
    readonly attempts: number,
  ) {
    super(`the guest agent did not answer within ${(waitedMs / 1000).toFixed(1)} s (${attempts} sync attempts)`, NOT_READY_HINT);
  }
}

export interface GuestAgentOptions {
  /** Transcript: `SECONDS > request`, `SECONDS < reply`, `SECONDS # note`. */
  log?: TextSink;
  /** Time zero of the transcript's stamps (QEMU's start); default: the connection. */
  startedAt?: number;
  /** How long to keep trying to connect while QEMU creates the socket. Default 10 s. */
  connectTimeoutMs?: number;
  /** Default time a command may take to be answered. Default 30 s. */
  commandTimeoutMs?: number;
  signal?: AbortSignal;
}

export interface CallOptions {
  timeoutMs?: number;
  signal?: AbortSignal;
}

export interface ReadyResult {
  /** From the call to the agent's first answer. */
  ms: number;
  attempts: number;
}

export interface ExecRequest {
  /** Program to run; looked up on PATH (the `env` PATH when `env` is given). */
  path: string;
  args?: readonly string[];
  /** The program's whole environment (it replaces qemu-ga's): include PATH and HOME. */
  env?: Readonly<Record<string, string>>;
  /** Bytes for the program's stdin. */
  input?: Uint8Array;
  /** Default true: stdout and stderr come back in guest-exec-status. */
  captureOutput?: boolean;
}

export interface ExecStatus {
  exited: boolean;
  /** Set when the program exited normally. */
  exitCode?: number;
  /** Set when a signal ended the program. */
  signal?: number;
  stdout: Buffer;
  stderr: Buffer;
  /** The agent keeps at most 16 MiB of each stream (qemu-ga's GUEST_EXEC_MAX_OUTPUT); the rest is read and dropped. */
  stdoutTruncated: boolean;
  stderrTruncated: boolean;
}

export interface ExecResult extends ExecStatus {
  pid: number;
  /** The program outlived `timeoutMs`; it is still running, and its output is not known. */
  timedOut: boolean;
  ms: number;
}

export interface RunOptions extends CallOptions {
  /** Longest time between polls of guest-exec-status; they start at 20 ms and double. Default 250 ms. */
  maxPollMs?: number;
  /** Time one guest-exec-status may take: the reply carries the output, up to 2 × 22 MB of base64. Default 120 s. */
  statusTimeoutMs?: number;
}

interface AgentMessage {
  return?: unknown;
  error?: { class?: string; desc?: string };
  id?: unknown;
}

interface RawExecStatus {
  exited: boolean;
  exitcode?: number;
  signal?: number;
  'out-data'?: string;
  'err-data'?: string;
  'out-truncated'?: boolean;
  'err-truncated'?: boolean;
}

/** A sleep that ends early with the signal's own reason (timers/promises throws a generic AbortError). */
async function pause(ms: number, signal: AbortSignal | undefined): Promise<void> {
  try {
    await sleep(ms, undefined, signal ? { signal } : {});
  } catch (err) {
    if (signal?.aborted) throw signal.reason;
    throw err;
  }
}

export class GuestAgent {
  private readonly channel: LineChannel<AgentMessage>;
  private readonly transcript: Transcript;
  private turn: Promise<unknown> = Promise.resolve();
  /** A reply may still be on its way (a command timed out or was aborted): resync before the next. */
  private dirty = true;
  private nextId = 1;

  private constructor(
    socket: Socket,
    log: TextSink | undefined,
    startedAt: number,
    private readonly commandTimeoutMs: number,
  ) {
    this.transcript = new Transcript(log, startedAt, LOG_LINE_MAX);
    this.channel = new LineChannel<AgentMessage>(socket, {
      decode: decodeJson<AgentMessage>,
      transcript: this.transcript,
      resetByte: SENTINEL,
      onUndecodable: () => this.transcript.write('#', 'not JSON: dropped'),
      onUnclaimed: () => this.transcript.write('#', 'stale reply: dropped'),
      closedError: (cause) =>
        cause ? new InfraError(`guest agent connection: ${cause.message}`, { cause }) : new InfraError('the guest agent connection closed (QEMU exited?)'),
      onClosed: (err) => this.transcript.write('#', err.message),
    });
  }

  /**
   * Connects to QEMU's end of the agent channel, retrying while QEMU has not created the socket
   * yet. Connecting says nothing about the agent: call `waitReady` next.
   */
  static async connect(path: string, opts: GuestAgentOptions = {}): Promise<GuestAgent> {
    const deadline = Date.now() + (opts.connectTimeoutMs ?? 10_000);
    for (;;) {
      opts.signal?.throwIfAborted();
      try {
        const socket = await connectUnix(path);
        return new GuestAgent(socket, opts.log, opts.startedAt ?? Date.now(), opts.commandTimeoutMs ?? 30_000);
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        if ((code !== 'ENOENT' && code !== 'ECONNREFUSED') || Date.now() >= deadline) {
          throw new InfraError(`could not connect to the guest agent socket ${path}: ${(err as Error).message}`, {
            hint: 'QEMU must run with -chardev socket,path=...,server=on,wait=off for the agent channel',
            cause: err,
          });
        }
        await pause(50, opts.signal);
      }
    }
  }

  /**
   * Waits until the agent answers: `guest-sync-delimited` attempts (each waits longer, from 1 s up
   * to 5 s, so a slow guest's answer is not dropped for a newer attempt's), then `guest-ping`.
   * Throws GuestAgentNotReadyError at the deadline, the signal's reason when aborted.
   */
  async waitReady(opts: { timeoutMs: number; signal?: AbortSignal }): Promise<ReadyResult> {
    const started = Date.now();
    const deadline = started + opts.timeoutMs;
    let attempts = 0;
    let attemptMs = 1000;
    for (;;) {
      opts.signal?.throwIfAborted();
      const left = deadline - Date.now();
      if (left <= 0) throw new GuestAgentNotReadyError(Date.now() - started, attempts);
      attempts++;
      try {
        await this.serialized(() => this.resync({ timeoutMs: Math.min(attemptMs, left), signal: opts.signal }));
        await this.ping({ timeoutMs: Math.max(1, deadline - Date.now()), signal: opts.signal });
        return { ms: Date.now() - started, attempts };
      } catch (err) {
        if (!(err instanceof GuestAgentTimeoutError)) throw err;
      }
      attemptMs = Math.min(attemptMs * 1.5, 5000);
    }
  }

  ping(opts: CallOptions = {}): Promise<void> {
    return this.execute<void>('guest-ping', undefined, opts);
  }

  /** The agent's version and which commands it has enabled. */
  info(opts: CallOptions = {}): Promise<{ version: string; supported_commands: Array<{ name: string; enabled: boolean }> }> {
    return this.execute('guest-info', undefined, opts);
  }

  /** Starts a program; returns its PID in the guest, for `execStatus`. */
  async exec(request: ExecRequest, opts: CallOptions = {}): Promise<number> {
    const args: Record<string, unknown> = { path: request.path, 'capture-output': request.captureOutput ?? true };
    if (request.args) args.arg = [...request.args];
    if (request.env) args.env = Object.entries(request.env).map(([k, v]) => `${k}=${v}`);
    if (request.input) args['input-data'] = Buffer.from(request.input).toString('base64');
    const { pid } = await this.execute<{ pid: number }>('guest-exec', args, opts);
    return pid;
  }

  /** One poll. Once it reports `exited`, the agent forgets the PID: a second call is an error. */
  async execStatus(pid: number, opts: CallOptions = {}): Promise<ExecStatus> {
    const raw = await this.execute<RawExecStatus>('guest-exec-status', { pid }, opts);
    return {
      exited: raw.exited,
      ...(raw.exitcode !== undefined ? { exitCode: raw.exitcode } : {}),
      ...(raw.signal !== undefined ? { signal: raw.signal } : {}),
      stdout: Buffer.from(raw['out-data'] ?? '', 'base64'),
      stderr: Buffer.from(raw['err-data'] ?? '', 'base64'),
      stdoutTruncated: raw['out-truncated'] ?? false,
      stderrTruncated: raw['err-truncated'] ?? false,
    };
  }

  /**
   * Runs a program to its end: guest-exec, then guest-exec-status polls (20 ms, doubling up to
   * `maxPollMs`). A program still running at `timeoutMs` is a result with `timedOut`, not an
   * error (a hang is a verdict); the agent's own failures throw.
   */
  async run(request: ExecRequest, opts: RunOptions = {}): Promise<ExecResult> {
    const started = Date.now();
    const pid = await this.exec(request, { signal: opts.signal });
    const deadline = opts.timeoutMs === undefined ? Infinity : started + opts.timeoutMs;
    const statusOpts = { timeoutMs: opts.statusTimeoutMs ?? 120_000, signal: opts.signal };
    let pollMs = 20;
    for (;;) {
      const status = await this.execStatus(pid, statusOpts);
      if (status.exited) return { ...status, pid, timedOut: false, ms: Date.now() - started };
      const left = deadline - Date.now();
      if (left <= 0) {
        return {
          exited: false,
          stdout: Buffer.alloc(0),
          stderr: Buffer.alloc(0),
          stdoutTruncated: false,
          stderrTruncated: false,
          pid,
          timedOut: true,
          ms: Date.now() - started,
        };
      }
      await pause(Math.min(pollMs, left), opts.signal);
      pollMs = Math.min(pollMs * 2, opts.maxPollMs ?? 250);
    }
  }

  /** A whole file from the guest (guest-file-open, -read until EOF, -close). */
  async readFile(path: string, opts: CallOptions & { maxBytes?: number } = {}): Promise<Buffer> {
    const maxBytes = opts.maxBytes ?? 64 * 1024 * 1024;
    const call = { timeoutMs: opts.timeoutMs, signal: opts.signal };
    const handle = await this.execute<number>('guest-file-open', { path, mode: 'r' }, call);
    const parts: Buffer[] = [];
    let total = 0;
    try {
      for (;;) {
        const r = await this.execute<{ count: number; 'buf-b64': string; eof: boolean }>('guest-file-read', { handle, count: FILE_CHUNK_BYTES }, call);
        const bytes = Buffer.from(r['buf-b64'], 'base64');
        total += bytes.length;
        if (total > maxBytes) {
          throw new InfraError(`${path} in the guest is larger than ${maxBytes} bytes`, { hint: 'write a smaller file, or read it in parts' });
        }
        parts.push(bytes);
        if (r.eof || r.count === 0) break;
      }
    } finally {
      await this.execute('guest-file-close', { handle }, call).catch(() => undefined);
    }
    return Buffer.concat(parts);
  }

  /**
   * guest-shutdown (`powerdown` by default). The agent answers only when it fails, so this waits
   * `errorWaitMs` (default 1 s) for an error, or for the connection to close as QEMU exits; success
   * is QEMU exiting, which the caller waits for.
   */
  shutdown(opts: { mode?: 'powerdown' | 'halt' | 'reboot'; errorWaitMs?: number; signal?: AbortSignal } = {}): Promise<void> {
    return this.serialized(async () => {
      if (this.dirty) await this.resync({ timeoutMs: this.commandTimeoutMs, signal: opts.signal });
      const id = `qfi-${this.nextId++}`;
      this.channel.send(JSON.stringify({ execute: 'guest-shutdown', arguments: { mode: opts.mode ?? 'powerdown' }, id }));
      // Whatever arrives later (a late error) is stale for the next command.
      this.dirty = true;
      try {
        const msg = await this.waitFor((m) => m.id === id || m.id === undefined, opts.errorWaitMs ?? 1000, opts.signal, 'guest-shutdown');
        if (msg.error) throw new GuestAgentCommandError('guest-shutdown', msg.error.class ?? 'Error', msg.error.desc ?? '');
      } catch (err) {
        if (err instanceof GuestAgentTimeoutError) return; // no error within the wait: shutting down
        if (this.channel.closed && err === this.channel.closed) return; // QEMU exited: shut down
        throw err;
      }
    });
  }

  close(): void {
    this.channel.close(new InfraError('the guest agent connection was closed by qfi'));
  }

  /** One command and its reply, after a resync when the stream may hold a stale reply. */
  execute<T = unknown>(command: string, args: Record<string, unknown> | undefined, opts: CallOptions = {}): Promise<T> {
    return this.serialized(async () => {
      const timeoutMs = opts.timeoutMs ?? this.commandTimeoutMs;
      if (this.dirty) await this.resync({ timeoutMs, signal: opts.signal });
      const id = `qfi-${this.nextId++}`;
      this.channel.send(JSON.stringify(args === undefined ? { execute: command, id } : { execute: command, arguments: args, id }));
      let msg: AgentMessage;
      try {
        // The agent echoes the id; a reply without one (an old agent) is taken as ours after a sync.
        msg = await this.waitFor((m) => m.id === id || m.id === undefined, timeoutMs, opts.signal, command);
      } catch (err) {
        this.dirty = true;
        throw err;
      }
      if (msg.error) throw new GuestAgentCommandError(command, msg.error.class ?? 'Error', msg.error.desc ?? '');
      return msg.return as T;
    });
  }

  /** 0xFF + guest-sync-delimited with a fresh id; every reply until the one with that id is stale. */
  private async resync(opts: { timeoutMs: number; signal?: AbortSignal }): Promise<void> {
    const id = randomInt(1, 2 ** 47);
    this.dirty = true;
    this.channel.send(JSON.stringify({ execute: 'guest-sync-delimited', arguments: { id } }), SENTINEL);
    await this.waitFor((m) => m.return === id, opts.timeoutMs, opts.signal, 'guest-sync-delimited', NOT_READY_HINT);
    this.dirty = false;
  }

  private serialized<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.turn.then(fn, fn);
    this.turn = run.catch(() => undefined);
    return run;
  }

  private waitFor(
    accept: (msg: AgentMessage) => boolean,
    timeoutMs: number,
    signal: AbortSignal | undefined,
    what: string,
    hint = STUCK_HINT,
  ): Promise<AgentMessage> {
    const timeoutError = () => new GuestAgentTimeoutError(`the guest agent did not answer ${what} within ${(timeoutMs / 1000).toFixed(1)} s`, hint);
    return this.channel.waitFor(accept, { timeoutMs, timeoutError, ...(signal ? { signal } : {}) });
  }
}
