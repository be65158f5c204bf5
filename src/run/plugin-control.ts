import { connectUnix, LineChannel } from './line-channel.js';

type Reply = Record<string, unknown>;

/**
 * Client of qfi-fault's control socket (plugin/README.md): newline-delimited JSON, one reply
 * per request, in order. One connection, opened on first use (again after it broke).
 */
export class PluginControl {
  private channel: Promise<LineChannel<Reply>> | undefined;

  constructor(private readonly path: string) {}

  async request(message: Record<string, unknown>, timeoutMs = 5000): Promise<Reply> {
    const channel = await this.connect();
    const text = JSON.stringify(message);
    // Replies come in order: a request that timed out keeps its place for its late reply.
    const reply = channel.waitFor(() => true, {
      timeoutMs,
      keepPlace: true,
      timeoutError: () => new Error(`qfi-fault did not answer ${text} within ${timeoutMs} ms`),
    });
    channel.send(text);
    return reply;
  }

  close(): void {
    void this.channel?.then(
      (c) => c.close(),
      () => undefined,
    );
    this.channel = undefined;
  }

  private async connect(): Promise<LineChannel<Reply>> {
    const open = this.channel ? await this.channel.catch(() => undefined) : undefined;
    if (open && !open.closed) return open;
    this.channel = connectUnix(this.path).then(
      (socket) =>
        new LineChannel<Reply>(socket, {
          decode: (line) => {
            try {
              return JSON.parse(line) as Reply;
            } catch {
              return { ok: false, error: `unreadable reply: ${line}` };
            }
          },
          closedError: (cause) => new Error(`qfi-fault's control connection ${cause ? `failed: ${cause.message}` : 'closed'}`),
        }),
    );
    return this.channel;
  }
}
