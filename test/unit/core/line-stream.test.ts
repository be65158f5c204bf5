import { describe, expect, it } from 'vitest';
import { LineStream } from '../../../src/core/line-stream.js';

function collect(chunks: Array<string | Uint8Array>, end = true): string[] {
  const lines: string[] = [];
  const stream = new LineStream((l) => lines.push(l));
  for (const c of chunks) stream.push(c);
  if (end) stream.end();
  return lines;
}

describe('LineStream', () => {
  it('splits CRLF and LF lines across chunk boundaries', () => {
    expect(collect(['a\r', '\nb', 'c\nd\r\n'])).toEqual(['a', 'bc', 'd']);
  });

  it('keeps an unterminated last line only when the stream ends', () => {
    expect(collect(['x\npartial'], false)).toEqual(['x']);
    expect(collect(['x\npartial'])).toEqual(['x', 'partial']);
  });

  it('keeps what a terminal shows after a bare carriage return', () => {
    expect(collect(['10%\r50%\r100%\n'])).toEqual(['100%']);
  });

  it('decodes UTF-8 split inside a multi-byte character', () => {
    const bytes = new TextEncoder().encode('✓ ok\n');
    expect(collect([bytes.slice(0, 1), bytes.slice(1, 2), bytes.slice(2)])).toEqual(['✓ ok']);
  });
});
