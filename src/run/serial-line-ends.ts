/**
 * The console's line ends as the guest wrote them. Linux's serial console and the tty a
 * guest program writes to (onlcr) send every `\n` as `\r\n`; the one `\r` right before each
 * `\n` is dropped, so console.log ends its lines with `\n` only, and a line the guest itself
 * ended with `\r\n` (sent as `\r\r\n`) keeps its own `\r`. Only `\r` bytes go, never a `\n`,
 * so console line numbers are the same as before. A chunk ending in `\r` keeps it back until
 * the next chunk shows whether a `\n` follows.
 */
const CR = 0x0d;
const LF = 0x0a;

export class SerialLineEnds {
  private heldCr = false;

  push(chunk: Buffer): Buffer {
    if (!this.heldCr && !chunk.includes(CR)) return chunk;
    const out = Buffer.allocUnsafe(chunk.length + 1);
    let length = 0;
    for (const byte of chunk) {
      if (this.heldCr && byte !== LF) out[length++] = CR;
      this.heldCr = byte === CR;
      if (!this.heldCr) out[length++] = byte;
    }
    return out.subarray(0, length);
  }

  /** What is still held back when the console closes: a final `\r`, or nothing. */
  end(): Buffer {
    const rest = this.heldCr ? Buffer.from([CR]) : Buffer.alloc(0);
    this.heldCr = false;
    return rest;
  }
}
