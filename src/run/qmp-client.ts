import type { TextSink } from '../core/log-file.js';
import type { Socket } from 'node:net';
import { connectUnix, decodeJson, LineChannel, Transcript } from './line-channel.js';

export class QmpError extends Error {
  constructor(
    readonly command: string,
    readonly errorClass: string,
    readonly desc: string,
  ) {
    super(`QMP ${command} failed: ${errorClass}: ${desc}`);
  }
}

interface QmpMessage {
  QMP?: unknown;
  id?: string;
  return?: unknown;
  error?: { class: string; desc: string };
  event?: string;
  data?: unknown;
}

/**
 * A QMP client over a UNIX socket. Every line in either direction is appended to the log
 * with a time stamp, so qmp.log shows exactly what the runner asked and QEMU answered.
 */
export class QmpClient {
  private nextId = 1;
  private readonly eventListeners: Array<(event: { event: string; data?: unknown }) => void> = [];
  private readonly channel: LineChannel<QmpMessage>;

  private constructor(socket: Socket, log: TextSink | undefined, startedAt: number) {
    this.channel = new LineChannel<QmpMessage>(socket, {
      // Logged in the transcript; QEMU only sends JSON, so anything else is noise we cannot act on.
      decode: decodeJson<QmpMessage>,
      transcript: new Transcript(log, startedAt),
      onUnclaimed: (msg) => {
        if (msg.event !== undefined) for (const l of this.eventListeners) l({ event: msg.event, data: msg.data });
      },
      closedError: (cause) => cause ?? new Error('QMP connection closed'),
    });
  }

  /** Connects, reads the greeting and negotiates capabilities. */
  static async connect(path: string, opts: { log?: TextSink; startedAt?: number; timeoutMs?: number } = {}): Promise<QmpClient> {
    const client = new QmpClient(await connectUnix(path), opts.log, opts.startedAt ?? Date.now());
    const timeoutMs = opts.timeoutMs ?? 5000;
    await client.channel
      .waitFor((m) => m.QMP !== undefined, { timeoutMs, timeoutError: () => new Error(`no QMP greeting within ${timeoutMs} ms`) })
      .catch((err: Error) => {
        throw err === client.channel.closed ? new Error('QMP connection closed before the greeting') : err;
      });
    await client.execute('qmp_capabilities', undefined, timeoutMs);
    return client;
  }

  onEvent(listener: (event: { event: string; data?: unknown }) => void): void {
    this.eventListeners.push(listener);
  }

  async execute<T = unknown>(command: string, args?: Record<string, unknown>, timeoutMs = 5000): Promise<T> {
    if (this.channel.closed) throw new Error(`QMP connection closed; cannot run ${command}`);
    const id = `qfi-${this.nextId++}`;
    const reply = this.channel.waitFor((m) => m.id === id, { timeoutMs, timeoutError: () => new Error(`QMP ${command} got no answer within ${timeoutMs} ms`) });
    this.channel.send(JSON.stringify(args === undefined ? { execute: command, id } : { execute: command, arguments: args, id }));
    const msg = await reply.catch((err: Error) => {
      throw err === this.channel.closed ? new Error(`QMP ${command}: ${err.message}`) : err;
    });
    if (msg.error) throw new QmpError(command, msg.error.class, msg.error.desc);
    return msg.return as T;
  }

  /** HMP command through QMP (`info registers`): one monitor, no deadlock-prone second channel. */
  async humanMonitor(commandLine: string, timeoutMs = 5000): Promise<string> {
    return this.execute<string>('human-monitor-command', { 'command-line': commandLine }, timeoutMs);
  }

  close(): void {
    this.channel.close();
  }
}
