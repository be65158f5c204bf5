import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { decodeLz4Legacy, Lz4FormatError, LZ4_LEGACY_MAGIC } from '../../../src/provision/guest/lz4-legacy.js';

/** Compress with the real lz4 CLI in legacy-frame mode (`-l`), as the kernel build does. */
async function lz4Legacy(data: Uint8Array, level = '-9'): Promise<Buffer> {
  const r = await execa('lz4', ['-l', level, '-c'], { input: data, encoding: 'buffer', maxBuffer: 1 << 30 });
  return Buffer.from(r.stdout);
}

const hasLz4 = (await execa('lz4', ['--version'], { reject: false })).exitCode === 0;

describe.skipIf(!hasLz4)('decodeLz4Legacy against the lz4 CLI (lz4 -l)', () => {
  it('decodes a real binary (the node executable) byte for byte', async () => {
    const original = readFileSync(process.execPath).subarray(0, 3 * 1024 * 1024);
    const out = decodeLz4Legacy(await lz4Legacy(original));
    expect(out.equals(original)).toBe(true);
  });

  it('decodes input spanning several 8 MiB blocks', async () => {
    const original = readFileSync(process.execPath).subarray(0, 20 * 1024 * 1024);
    const compressed = await lz4Legacy(original, '-1');
    const out = decodeLz4Legacy(compressed);
    expect(out.length).toBe(original.length);
    expect(out.equals(original)).toBe(true);
  });

  it('decodes overlapping matches (runs) and incompressible data', async () => {
    const runs = Buffer.concat([Buffer.alloc(100_000, 0x41), Buffer.from('abcabcabcabcabcabcabc'.repeat(5000)), Buffer.alloc(7, 1)]);
    expect(decodeLz4Legacy(await lz4Legacy(runs)).equals(runs)).toBe(true);
    const noise = randomBytes(300_000);
    expect(decodeLz4Legacy(await lz4Legacy(noise)).equals(noise)).toBe(true);
    const tiny = Buffer.from('x');
    expect(decodeLz4Legacy(await lz4Legacy(tiny)).equals(tiny)).toBe(true);
  });

  it('honours and checks the uncompressed size word a kernel build appends', async () => {
    const original = readFileSync(process.execPath).subarray(0, 1024 * 1024);
    const compressed = await lz4Legacy(original);
    const size = Buffer.alloc(4);
    size.writeUInt32LE(original.length);
    expect(decodeLz4Legacy(Buffer.concat([compressed, size])).equals(original)).toBe(true);
    size.writeUInt32LE(original.length + 1);
    expect(() => decodeLz4Legacy(Buffer.concat([compressed, size]))).toThrow(/kernel payload says/);
  });

  it('rejects bad input with Lz4FormatError instead of garbage', async () => {
    expect(() => decodeLz4Legacy(Buffer.from('not lz4 at all'))).toThrow(Lz4FormatError);
    const compressed = await lz4Legacy(readFileSync(process.execPath).subarray(0, 200_000));
    expect(() => decodeLz4Legacy(compressed.subarray(0, compressed.length - 100))).toThrow(Lz4FormatError);
    // A block whose first match points before the start of the output.
    const bad = Buffer.alloc(12);
    bad.writeUInt32LE(LZ4_LEGACY_MAGIC, 0);
    bad.writeUInt32LE(4, 4);
    bad.set([0x10, 0x61, 0x05, 0x00], 8); // 1 literal 'a', then a match at offset 5
    expect(() => decodeLz4Legacy(bad)).toThrow(/bad match offset/);
  });
});
