/**
 * One line-oriented conversation over a UNIX socket, under every socket client of a run (QMP,
 * qfi's plugin control, qemu-guest-agent, qtest): incoming bytes split into lines (whatever the
 * chunks), each line decoded and offered to the waiters in order (the first that accepts it
 * takes it; a message none takes goes to `onUnclaimed`), waiters that time out or are aborted,
 * one error for every waiter once the connection ends, and an optional time-stamped transcript.
 */
import { createConnection, type Socket } from 'node:net';
import type { TextSink } from '../core/log-file.js';

const NEWLINE = 0x0a;

/** A conversation's log: `SECONDS > sent`, `SECONDS < received`, `SECONDS # note`. */
export class Transcript {
  constructor(
    private readonly stream: TextSink | undefined,
    /** Time zero of the stamps (QEMU's start). */
    private readonly startedAt: number,
    /** Longer lines are cut (exec output and file reads can be megabytes of base64). */
    private readonly maxLineChars = Infinity,
  ) {}

  write(direction: '>' | '<' | '#', line: string): void {
    if (!this.stream) return;
    const t = ((Date.now() - this.startedAt) / 1000).toFixed(3);
    const max = this.maxLineChars;
    const text = line.length > max ? `${line.slice(0, max)}… (${line.length - max} more characters)` : line;
    this.stream.write(`${t} ${direction} ${text}\n`);
  }
}

export interface LineChannelOptions<T> {
  /** A line as a message; undefined: not one (passed to `onUndecodable`). */
  decode: (line: string) => T | undefined;
  transcript?: Transcript;
  /** A byte that drops the partial line before it (qemu-guest-agent's 0xFF sentinel). */
  resetByte?: number;
  /** Messages no waiter took: events, interrupt lines, stale replies. */
  onUnclaimed?: (message: T) => void;
  onUndecodable?: (line: string) => void;
  /** The error waiters get once the connection ends (`cause`: the socket's error, if any). */
  closedError: (cause: Error | undefined) => Error;
  /** Once, when the connection has ended. */
  onClosed?: (err: Error) => void;
}

export interface WaitOptions {
  timeoutMs: number;
  timeoutError: () => Error;
  signal?: AbortSignal;
  /** In-order protocols: a waiter that timed out keeps its place, so its late reply is not taken for the next one's. */
  keepPlace?: boolean;
}

interface Waiter<T> {
  accept: (message: T) => boolean;
  settle: (outcome: { message: T } | { error: Error }) => void;
  expired: boolean;
}

/** Opens a UNIX socket connection (rejects with the connect error: ENOENT, ECONNREFUSED...). */
export function connectUnix(path: string): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = createConnection(path);
    socket.once('connect', () => {
      socket.off('error', reject);
      resolve(socket);
    });
    socket.once('error', reject);
  });
}

export class LineChannel<T> {
  private readonly waiters: Array<Waiter<T>> = [];
  private partial: Buffer[] = [];
  private closedWith: Error | undefined;

  constructor(
    private readonly socket: Socket,
    private readonly opts: LineChannelOptions<T>,
  ) {
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    socket.on('close', () => this.end(opts.closedError(undefined)));
    socket.on('error', (err) => this.end(opts.closedError(err)));
  }

  /** Why the conversation is over (undefined while it goes on). */
  get closed(): Error | undefined {
    return this.closedWith;
  }

  /** Writes one line (and its transcript entry); `prefixByte` goes before it (a sentinel). */
  send(line: string, prefixByte?: number): void {
    if (this.closedWith) throw this.closedWith;
    this.opts.transcript?.write('>', prefixByte === undefined ? line : `${showByte(prefixByte)}${line}`);
    const bytes = Buffer.from(`${line}\n`);
    this.socket.write(prefixByte === undefined ? bytes : Buffer.concat([Buffer.from([prefixByte]), bytes]));
  }

  /** The next message `accept` takes, or the timeout's error, the signal's reason, the connection's end. */
  waitFor(accept: (message: T) => boolean, opts: WaitOptions): Promise<T> {
    if (this.closedWith) return Promise.reject(this.closedWith);
    return new Promise<T>((resolve, reject) => {
      const { signal } = opts;
      const onAbort = () => waiter.settle({ error: signal!.reason as Error });
      const timer = setTimeout(() => {
        if (opts.keepPlace) waiter.expired = true;
        waiter.settle({ error: opts.timeoutError() });
      }, opts.timeoutMs);
      let settled = false;
      const waiter: Waiter<T> = {
        accept,
        expired: false,
        settle: (outcome) => {
          if (!waiter.expired) this.drop(waiter);
          clearTimeout(timer);
          signal?.removeEventListener('abort', onAbort);
          if (settled) return;
          settled = true;
          if ('message' in outcome) resolve(outcome.message);
          else reject(outcome.error);
        },
      };
      this.waiters.push(waiter);
      if (signal?.aborted) return onAbort();
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  /** Ends the conversation: waiters get `reason`, the socket is destroyed. */
  close(reason: Error = this.opts.closedError(undefined)): void {
    this.end(reason);
    this.socket.destroy();
  }

  private drop(waiter: Waiter<T>): void {
    const i = this.waiters.indexOf(waiter);
    if (i >= 0) this.waiters.splice(i, 1);
  }

  private end(err: Error): void {
    if (this.closedWith) return;
    this.closedWith = err;
    this.opts.onClosed?.(err);
    for (const waiter of this.waiters.splice(0)) waiter.settle({ error: err });
  }

  /** Splits bytes into lines; the reset byte drops whatever partial line came before it. */
  private onData(chunk: Buffer): void {
    let pos = 0;
    while (pos < chunk.length) {
      const nl = chunk.indexOf(NEWLINE, pos);
      const reset = this.opts.resetByte === undefined ? -1 : chunk.indexOf(this.opts.resetByte, pos);
      if (reset !== -1 && (nl === -1 || reset < nl)) {
        const dropped = this.partial.reduce((n, b) => n + b.length, 0) + (reset - pos);
        this.partial = [];
        const shown = showByte(this.opts.resetByte!);
        this.opts.transcript?.write('<', dropped > 0 ? `${shown} (dropped ${dropped} bytes before it)` : shown);
        pos = reset + 1;
        continue;
      }
      if (nl === -1) {
        this.partial.push(chunk.subarray(pos));
        return;
      }
      const line = Buffer.concat([...this.partial, chunk.subarray(pos, nl)])
        .toString('utf8')
        .trim();
      this.partial = [];
      pos = nl + 1;
      if (line) this.onLine(line);
    }
  }

  private onLine(line: string): void {
    this.opts.transcript?.write('<', line);
    const message = this.opts.decode(line);
    if (message === undefined) {
      this.opts.onUndecodable?.(line);
      return;
    }
    const waiter = this.waiters.find((w) => w.accept(message));
    if (!waiter) this.opts.onUnclaimed?.(message);
    else if (waiter.expired) this.drop(waiter);
    else waiter.settle({ message });
  }
}

function showByte(byte: number): string {
  return `<0x${byte.toString(16).toUpperCase().padStart(2, '0')}>`;
}

/** A JSON object per line; anything else is no message. */
export function decodeJson<T>(line: string): T | undefined {
  try {
    return JSON.parse(line) as T;
  } catch {
    return undefined;
  }
}
