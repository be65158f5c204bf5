import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { decompressPayload, detectCompression } from '../../../src/provision/guest/compression.js';

const data = readFileSync(process.execPath).subarray(0, 2_000_000);

async function cli(file: string, args: string[]): Promise<Buffer> {
  return Buffer.from((await execa(file, args, { input: data, encoding: 'buffer' })).stdout);
}

/** The uncompressed size as the kernel build appends it (u32le). */
function sizeWord(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n);
  return b;
}

describe('kernel payload decompression (with the size word x86 kernels end with)', () => {
  it('detects formats by magic', async () => {
    expect(detectCompression(await cli('lz4', ['-l', '-c']))).toBe('lz4');
    expect(detectCompression(gzipSync(data))).toBe('gzip');
    expect(detectCompression(await cli('xz', ['-c']))).toBe('xz');
    expect(detectCompression(await cli('zstd', ['-c']))).toBe('zstd');
    expect(detectCompression(Buffer.from('hello'))).toBeUndefined();
    expect(() => detectCompression(Buffer.from([0x5d, 0, 0, 0x80]))).toThrow(/lzma kernels are not supported/);
  });

  it('gzip (its own ISIZE is the size word)', async () => {
    expect(Buffer.from(await decompressPayload(gzipSync(data), 'gzip')).equals(data)).toBe(true);
  });

  it('xz, with and without an appended size word', async () => {
    const xz = await cli('xz', ['-c', '--check=crc32']);
    expect(Buffer.from(await decompressPayload(Buffer.concat([xz, sizeWord(data.length)]), 'xz')).equals(data)).toBe(true);
    expect(Buffer.from(await decompressPayload(xz, 'xz')).equals(data)).toBe(true);
    await expect(decompressPayload(Buffer.concat([xz, sizeWord(data.length - 1)]), 'xz')).rejects.toThrow(/size word says/);
  });

  it('zstd with its appended size word', async () => {
    const zst = await cli('zstd', ['-c', '-19']);
    expect(Buffer.from(await decompressPayload(Buffer.concat([zst, sizeWord(data.length)]), 'zstd')).equals(data)).toBe(true);
  });

  it('lz4 with its appended size word', async () => {
    const lz4 = await cli('lz4', ['-l', '-c']);
    expect(Buffer.from(await decompressPayload(Buffer.concat([lz4, sizeWord(data.length)]), 'lz4')).equals(data)).toBe(true);
  });

  it('stops when the signal is aborted', async () => {
    const ac = new AbortController();
    ac.abort(new Error('stop now'));
    await expect(decompressPayload(gzipSync(data), 'gzip', ac.signal)).rejects.toThrow('stop now');
  });
});
