import { createConnection, type Socket } from 'node:net';
import type { WriteStream } from 'node:fs';

interface Pending {
  resolve: (value: unknown) => void;
  reject: (err: Error) => void;
  timer: NodeJS.Timeout;
  command: string;
}

export class QmpError extends Error {
  constructor(
    readonly command: string,
    readonly errorClass: string,
    readonly desc: string,
  ) {
    super(`QMP ${command} failed: ${errorClass}: ${desc}`);
  }
}

/**
 * A QMP client over a UNIX socket. Every line in either direction is appended to the log
 * with a time stamp, so qmp.log shows exactly what the runner asked and QEMU answered.
 */
export class QmpClient {
  private buffer = '';
  private nextId = 1;
  private readonly pending = new Map<string, Pending>();
  private readonly eventListeners: Array<(event: { event: string; data?: unknown }) => void> = [];
  private closed = false;

  private constructor(
    private readonly socket: Socket,
    private readonly log: WriteStream | undefined,
    private readonly startedAt: number,
  ) {
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => this.onData(chunk));
    socket.on('close', () => this.failAll(new Error('QMP connection closed')));
    socket.on('error', (err) => this.failAll(err));
  }

  /** Connects, reads the greeting and negotiates capabilities. */
  static async connect(path: string, opts: { log?: WriteStream; startedAt?: number; timeoutMs?: number } = {}): Promise<QmpClient> {
    const socket = await new Promise<Socket>((resolve, reject) => {
      const s = createConnection(path);
      s.once('connect', () => resolve(s));
      s.once('error', reject);
    });
    const client = new QmpClient(socket, opts.log, opts.startedAt ?? Date.now());
    await client.waitForGreeting(opts.timeoutMs ?? 5000);
    await client.execute('qmp_capabilities', undefined, opts.timeoutMs ?? 5000);
    return client;
  }

  private greeting: ((ok: boolean) => void) | undefined;

  private waitForGreeting(timeoutMs: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no QMP greeting within ${timeoutMs} ms`)), timeoutMs);
      this.greeting = (ok) => {
        clearTimeout(timer);
        if (ok) resolve();
        else reject(new Error('QMP connection closed before the greeting'));
      };
    });
  }

  onEvent(listener: (event: { event: string; data?: unknown }) => void): void {
    this.eventListeners.push(listener);
  }

  execute<T = unknown>(command: string, args?: Record<string, unknown>, timeoutMs = 5000): Promise<T> {
    if (this.closed) return Promise.reject(new Error(`QMP connection closed; cannot run ${command}`));
    const id = `qfi-${this.nextId++}`;
    const message = JSON.stringify(args === undefined ? { execute: command, id } : { execute: command, arguments: args, id });
    this.write('>', message);
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`QMP ${command} got no answer within ${timeoutMs} ms`));
      }, timeoutMs);
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject, timer, command });
      this.socket.write(`${message}\n`);
    });
  }

  /** HMP command through QMP (`info registers`): one monitor, no deadlock-prone second channel. */
  async humanMonitor(commandLine: string, timeoutMs = 5000): Promise<string> {
    return this.execute<string>('human-monitor-command', { 'command-line': commandLine }, timeoutMs);
  }

  close(): void {
    this.closed = true;
    this.socket.destroy();
  }

  private onData(chunk: string): void {
    this.buffer += chunk;
    let nl = this.buffer.indexOf('\n');
    while (nl !== -1) {
      const line = this.buffer.slice(0, nl).trim();
      this.buffer = this.buffer.slice(nl + 1);
      if (line) this.onMessage(line);
      nl = this.buffer.indexOf('\n');
    }
  }

  private onMessage(line: string): void {
    this.write('<', line);
    let msg: { QMP?: unknown; id?: string; return?: unknown; error?: { class: string; desc: string }; event?: string; data?: unknown };
    try {
      msg = JSON.parse(line) as typeof msg;
    } catch {
      return; // logged above; QEMU only sends JSON, so this is noise we cannot act on
    }
    if (msg.QMP !== undefined) {
      this.greeting?.(true);
      this.greeting = undefined;
      return;
    }
    if (msg.event !== undefined) {
      for (const l of this.eventListeners) l({ event: msg.event, data: msg.data });
      return;
    }
    if (msg.id === undefined) return;
    const pending = this.pending.get(msg.id);
    if (!pending) return;
    this.pending.delete(msg.id);
    clearTimeout(pending.timer);
    if (msg.error) pending.reject(new QmpError(pending.command, msg.error.class, msg.error.desc));
    else pending.resolve(msg.return);
  }

  private failAll(err: Error): void {
    this.closed = true;
    this.greeting?.(false);
    this.greeting = undefined;
    for (const [id, p] of this.pending) {
      clearTimeout(p.timer);
      p.reject(new Error(`QMP ${p.command}: ${err.message}`));
      this.pending.delete(id);
    }
  }

  private write(direction: '>' | '<', line: string): void {
    if (!this.log || this.log.destroyed) return;
    const t = ((Date.now() - this.startedAt) / 1000).toFixed(3);
    this.log.write(`${t} ${direction} ${line}\n`);
  }
}
