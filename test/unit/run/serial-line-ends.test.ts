import { describe, expect, it } from 'vitest';
import { SerialLineEnds } from '../../../src/run/serial-line-ends.js';

/** The bytes console.log gets when the console arrives in these chunks. */
function written(chunks: string[]): string {
  const ends = new SerialLineEnds();
  const out = chunks.map((chunk) => ends.push(Buffer.from(chunk, 'latin1')));
  out.push(ends.end());
  return Buffer.concat(out).toString('latin1');
}

describe('SerialLineEnds', () => {
  it("drops the serial port's \\r before each \\n, and keeps the guest's own \\r\\n and bare \\r", () => {
    expect(written(['boot\r\nhi\r\n'])).toBe('boot\nhi\n');
    expect(written(['own crlf\r\r\n'])).toBe('own crlf\r\n');
    expect(written(['10%\r50%\r\n'])).toBe('10%\r50%\n');
    expect(written(['\r\r\r\n'])).toBe('\r\r\n');
    expect(written(['plain\nlines\n'])).toBe('plain\nlines\n');
  });

  it('decides a \\r at the end of a chunk by the next chunk, and keeps a last one when the console closes', () => {
    expect(written(['a\r', '\nb\r', 'c\r', '\r', '\n'])).toBe('a\nb\rc\r\n');
    expect(written(['prompt\r'])).toBe('prompt\r');
    expect(written(['x\r', ''])).toBe('x\r');
  });

  it('keeps the line count: only \\r bytes go', () => {
    const console = 'a\r\nb\r\r\n\r\nc\rd\r\n\n';
    const count = (text: string, byte: string) => text.split(byte).length - 1;
    const out = written([...console]);
    expect(count(out, '\n')).toBe(count(console, '\n'));
    expect(out).toBe(console.replaceAll('\r\n', '\n'));
  });

  it('passes a chunk without \\r through as it is', () => {
    const chunk = Buffer.from('no carriage return\n');
    expect(new SerialLineEnds().push(chunk)).toBe(chunk);
  });
});
