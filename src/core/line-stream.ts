/**
 * Splits a byte stream into lines as it arrives. Serial consoles send `\r\n`, bare `\r`
 * from progress output, and partial lines; a line is emitted once its `\n` arrives, and
 * `end()` flushes a final unterminated line (a truncated console still counts).
 */
export class LineStream {
  private pending = '';
  private readonly decoder = new TextDecoder('utf-8', { fatal: false });

  constructor(private readonly onLine: (line: string) => void) {}

  push(chunk: Uint8Array | string): void {
    this.pending += typeof chunk === 'string' ? chunk : this.decoder.decode(chunk, { stream: true });
    let nl = this.pending.indexOf('\n');
    while (nl !== -1) {
      this.onLine(cleanLine(this.pending.slice(0, nl)));
      this.pending = this.pending.slice(nl + 1);
      nl = this.pending.indexOf('\n');
    }
  }

  end(): void {
    this.pending += this.decoder.decode();
    if (this.pending.length > 0) this.onLine(cleanLine(this.pending));
    this.pending = '';
  }
}

/** Drops the `\r` of CRLF and keeps what a terminal would show after a bare `\r`. */
function cleanLine(raw: string): string {
  const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
  const cr = line.lastIndexOf('\r');
  return cr === -1 ? line : line.slice(cr + 1);
}
