/**
 * The runner's end of QEMU's qtest protocol: qfi listens on a UNIX socket in its private folder
 * and QEMU (`-qtest unix:PATH`) connects to it. One line out, one answer back (`OK ...`,
 * `FAIL ...`, `ERR ...`); `IRQ raise N` / `IRQ lower N` lines arrive in between, whenever an
 * intercepted interrupt line changes.
 */
import { createServer, type Server, type Socket } from 'node:net';
import { LineStream } from '../core/line-stream.js';

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

export class QtestConnection {
  /** Last level of each intercepted IRQ line (true: raised). */
  readonly irqs = new Map<number, boolean>();
  private readonly waiting: Array<{ resolve: (a: QtestAnswer) => void; reject: (e: Error) => void }> = [];
  private closed: Error | undefined;

  constructor(private readonly socket: Socket) {
    const lines = new LineStream((line) => this.onLine(line));
    socket.on('data', (chunk: Buffer) => lines.push(chunk));
    socket.on('close', () => this.fail(new QtestClosedError('QEMU closed the qtest connection')));
    socket.on('error', (err) => this.fail(new QtestClosedError(`qtest connection: ${err.message}`)));
  }

  /** Sends one command and waits for its answer (at most `timeoutMs`). */
  send(command: string, timeoutMs: number): Promise<QtestAnswer> {
    if (this.closed) return Promise.reject(this.closed);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        const i = this.waiting.indexOf(entry);
        if (i >= 0) this.waiting.splice(i, 1);
        reject(new Error(`no answer to \`${command}\` within ${timeoutMs / 1000} s`));
      }, timeoutMs);
      const entry = {
        resolve: (a: QtestAnswer) => {
          clearTimeout(timer);
          resolve(a);
        },
        reject: (e: Error) => {
          clearTimeout(timer);
          reject(e);
        },
      };
      this.waiting.push(entry);
      this.socket.write(`${command}\n`);
    });
  }

  close(): void {
    this.socket.destroy();
  }

  private onLine(raw: string): void {
    const line = raw.replace(/\r$/, '');
    const irq = /^IRQ (raise|lower) (\d+)$/.exec(line);
    if (irq) {
      this.irqs.set(Number(irq[2]), irq[1] === 'raise');
      return;
    }
    const m = /^(OK|FAIL|ERR)(?:\s+(.*))?$/.exec(line);
    if (!m) return; // Not an answer (QEMU prints nothing else here; ignore rather than desynchronise).
    this.waiting.shift()?.resolve({ status: m[1] as QtestAnswer['status'], rest: (m[2] ?? '').trim(), line });
  }

  private fail(err: Error): void {
    this.closed ??= err;
    for (const w of this.waiting.splice(0)) w.reject(err);
  }
}
