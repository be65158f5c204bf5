/**
 * The runner's end of QEMU's qtest protocol: qfi listens on a UNIX socket in its private folder
 * and QEMU (`-qtest unix:PATH`) connects to it. One line out, one answer back (`OK ...`,
 * `FAIL ...`, `ERR ...`); `IRQ raise N` / `IRQ lower N` lines arrive in between, whenever an
 * intercepted interrupt line changes.
 */
import { createServer, type Server, type Socket } from 'node:net';
import { LineChannel } from '../run/line-channel.js';

export interface QtestAnswer {
  /** `OK`, `FAIL` or `ERR`. */
  status: 'OK' | 'FAIL' | 'ERR';
  /** The words after the status (`0x0051`, `little`, an error text). */
  rest: string;
  /** The whole line as QEMU sent it. */
  line: string;
}

export class QtestClosedError extends Error {}

export class QtestServer {
  private constructor(private readonly server: Server) {}

  static async listen(path: string): Promise<QtestServer> {
    const server = createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(path, () => resolve());
    });
    return new QtestServer(server);
  }

  /** QEMU's connection, or a rejection when `signal` aborts first (QEMU exited, timeout). */
  accept(signal: AbortSignal): Promise<QtestConnection> {
    return new Promise((resolve, reject) => {
      const onAbort = () => reject(signal.reason instanceof Error ? signal.reason : new Error('QEMU did not connect to the qtest socket'));
      if (signal.aborted) return onAbort();
      signal.addEventListener('abort', onAbort, { once: true });
      this.server.once('connection', (socket) => {
        signal.removeEventListener('abort', onAbort);
        resolve(new QtestConnection(socket));
      });
    });
  }

  close(): void {
    this.server.close();
  }
}

type QtestLine = { kind: 'answer'; answer: QtestAnswer } | { kind: 'irq'; line: number; raised: boolean };

export class QtestConnection {
  /** Last level of each intercepted IRQ line (true: raised). */
  readonly irqs = new Map<number, boolean>();
  private readonly channel: LineChannel<QtestLine>;

  constructor(socket: Socket) {
    this.channel = new LineChannel<QtestLine>(socket, {
      decode: decodeQtestLine,
      onUnclaimed: (msg) => {
        if (msg.kind === 'irq') this.irqs.set(msg.line, msg.raised);
      },
      closedError: (cause) => new QtestClosedError(cause ? `qtest connection: ${cause.message}` : 'QEMU closed the qtest connection'),
    });
  }

  /** Sends one command and waits for its answer (at most `timeoutMs`). */
  async send(command: string, timeoutMs: number): Promise<QtestAnswer> {
    if (this.channel.closed) throw this.channel.closed;
    const reply = this.channel.waitFor((m) => m.kind === 'answer', {
      timeoutMs,
      timeoutError: () => new Error(`no answer to \`${command}\` within ${timeoutMs / 1000} s`),
    });
    this.channel.send(command);
    const msg = await reply;
    return (msg as Extract<QtestLine, { kind: 'answer' }>).answer;
  }

  close(): void {
    this.channel.close();
  }
}

/** An answer or an IRQ line; anything else is no message (QEMU prints nothing else here; ignored rather than desynchronise). */
function decodeQtestLine(line: string): QtestLine | undefined {
  const irq = /^IRQ (raise|lower) (\d+)$/.exec(line);
  if (irq) return { kind: 'irq', line: Number(irq[2]), raised: irq[1] === 'raise' };
  const m = /^(OK|FAIL|ERR)(?:\s+(.*))?$/.exec(line);
  return m ? { kind: 'answer', answer: { status: m[1] as QtestAnswer['status'], rest: (m[2] ?? '').trim(), line } } : undefined;
}
