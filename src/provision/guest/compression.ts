/**
 * The compressed kernel inside a bzImage: which format it is (by magic number) and how to undo
 * it. LZ4 (Debian's cloud kernel) is decoded in-process; gzip uses node:zlib; xz and zstd go
 * through their CLIs, which every Debian/Ubuntu host has (dpkg depends on them).
 *
 * x86 kernel payloads end with the uncompressed size as a u32le: gzip's own ISIZE field, and an
 * appended word for the other formats (the boot decompressor needs it). We check it.
 */
import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';
import { decodeLz4Legacy } from './lz4-legacy.js';
import { filterBytes } from './run-tool.js';

export type Compression = 'lz4' | 'gzip' | 'xz' | 'zstd';

const MAGICS: { kind: Compression | 'bzip2' | 'lzma' | 'lzo'; bytes: number[] }[] = [
  { kind: 'lz4', bytes: [0x02, 0x21, 0x4c, 0x18] },
  { kind: 'gzip', bytes: [0x1f, 0x8b] },
  { kind: 'xz', bytes: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00] },
  { kind: 'zstd', bytes: [0x28, 0xb5, 0x2f, 0xfd] },
  { kind: 'bzip2', bytes: [0x42, 0x5a, 0x68] },
  { kind: 'lzo', bytes: [0x89, 0x4c, 0x5a, 0x4f] },
  { kind: 'lzma', bytes: [0x5d, 0x00, 0x00] },
];

export class CompressionError extends Error {
  override name = 'CompressionError';
}

/** The compression a payload starts with; undefined when no known magic matches. */
export function detectCompression(payload: Uint8Array): Compression | undefined {
  for (const { kind, bytes } of MAGICS) {
    if (bytes.every((b, i) => payload[i] === b)) {
      if (kind === 'bzip2' || kind === 'lzma' || kind === 'lzo') {
        throw new CompressionError(`${kind} kernels are not supported (only lz4, gzip, xz and zstd)`);
      }
      return kind;
    }
  }
  return undefined;
}

function trailingSize(payload: Uint8Array): number {
  if (payload.length < 4) throw new CompressionError('payload too short');
  return Buffer.from(payload.buffer, payload.byteOffset, payload.byteLength).readUInt32LE(payload.length - 4);
}

function checkSize(kind: Compression, out: Uint8Array, expected: number): void {
  // The size word is 32 bits: compare modulo 2^32.
  if (out.length % 2 ** 32 !== expected) {
    throw new CompressionError(`${kind} payload decompressed to ${out.length} bytes, but its size word says ${expected}`);
  }
}

const gunzipAsync = promisify(gunzip);

export async function decompressPayload(payload: Uint8Array, kind: Compression, signal?: AbortSignal): Promise<Uint8Array> {
  signal?.throwIfAborted();
  switch (kind) {
    case 'lz4':
      return decodeLz4Legacy(payload); // checks the appended size itself
    case 'gzip': {
      const out = await gunzipAsync(payload);
      checkSize(kind, out, trailingSize(payload));
      return out;
    }
    case 'xz': {
      // --single-stream ignores the appended size word after the stream.
      const out = await filterBytes('xz', ['-dc', '--single-stream'], payload, { signal, missingHint: 'apt-get install xz-utils' });
      // An xz stream ends with the footer magic "YZ"; anything else there is the appended size.
      if (!(payload[payload.length - 2] === 0x59 && payload[payload.length - 1] === 0x5a)) checkSize(kind, out, trailingSize(payload));
      return out;
    }
    case 'zstd': {
      // zstd rejects trailing bytes: hand it the frame without the appended size word.
      const out = await filterBytes('zstd', ['-dcq'], payload.subarray(0, payload.length - 4), { signal, missingHint: 'apt-get install zstd' });
      checkSize(kind, out, trailingSize(payload));
      return out;
    }
  }
}
