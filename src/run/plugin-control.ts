import { createConnection, type Socket } from 'node:net';

/**
 * Client of qfi-fault's control socket (plugin/README.md): newline-delimited JSON, one reply
 * per request, in order. One connection, opened on first use.
 */
export class PluginControl {
  private socket: Socket | undefined;
  private buffer = '';
  private readonly waiting: Array<(reply: Record<string, unknown>) => void> = [];

  constructor(private readonly path: string) {}

  async request(message: Record<string, unknown>, timeoutMs = 5000): Promise<Record<string, unknown>> {
    const socket = await this.connect();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`qfi-fault did not answer ${JSON.stringify(message)} within ${timeoutMs} ms`)), timeoutMs);
      this.waiting.push((reply) => {
        clearTimeout(timer);
        resolve(reply);
      });
      socket.write(`${JSON.stringify(message)}\n`);
    });
  }

  close(): void {
    this.socket?.destroy();
    this.socket = undefined;
  }

  private connect(): Promise<Socket> {
    if (this.socket) return Promise.resolve(this.socket);
    return new Promise((resolve, reject) => {
      const socket = createConnection(this.path);
      socket.once('error', reject);
      socket.once('connect', () => {
        socket.off('error', reject);
        socket.on('error', () => this.close());
        socket.setEncoding('utf8');
        socket.on('data', (chunk: string) => this.onData(chunk));
        this.socket = socket;
        resolve(socket);
      });
    });
  }

  private onData(chunk: string): void {
    this.buffer += chunk;
    let nl = this.buffer.indexOf('\n');
    while (nl !== -1) {
      const line = this.buffer.slice(0, nl);
      this.buffer = this.buffer.slice(nl + 1);
      let reply: Record<string, unknown>;
      try {
        reply = JSON.parse(line) as Record<string, unknown>;
      } catch {
        reply = { ok: false, error: `unreadable reply: ${line}` };
      }
      this.waiting.shift()?.(reply);
      nl = this.buffer.indexOf('\n');
    }
  }
}
