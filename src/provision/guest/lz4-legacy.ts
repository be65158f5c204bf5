/**
 * Decoder for the LZ4 "legacy" frame, the format `lz4 -l` writes and the one Linux uses for
 * LZ4-compressed kernels (Debian's cloud kernel). Node has no LZ4 and the lz4 CLI may be absent,
 * so we decode it ourselves: a legacy frame is just a magic number followed by independent blocks.
 *
 * Layout: u32le 0x184C2102, then repeated { u32le compressedSize, LZ4 block } where each block
 * decompresses to at most 8 MiB. A new magic number may start another frame. The kernel build
 * appends the total uncompressed size as a final u32le, which we use to preallocate.
 */

export const LZ4_LEGACY_MAGIC = 0x184c2102;
/** Every block of a legacy frame but the last decompresses to exactly this many bytes. */
const LEGACY_BLOCK_MAX = 8 * 1024 * 1024;

export class Lz4FormatError extends Error {
  override name = 'Lz4FormatError';
}

interface BlockRef {
  start: number;
  end: number;
}

/** Block boundaries, plus the trailing size word the kernel appends (when present). */
function scanBlocks(input: Uint8Array, view: DataView): { blocks: BlockRef[]; trailingSize: number | undefined } {
  if (input.length < 4 || view.getUint32(0, true) !== LZ4_LEGACY_MAGIC) {
    throw new Lz4FormatError('not an LZ4 legacy frame (magic 0x184C2102 missing)');
  }
  const blocks: BlockRef[] = [];
  let pos = 4;
  while (pos + 4 <= input.length) {
    const size = view.getUint32(pos, true);
    if (size === LZ4_LEGACY_MAGIC) {
      pos += 4; // concatenated frame
      continue;
    }
    if (pos + 4 + size > input.length) {
      // Exactly one word left that is not a block: the kernel's appended uncompressed size.
      if (pos + 4 === input.length) return { blocks, trailingSize: size };
      throw new Lz4FormatError(`truncated LZ4 block at offset ${pos}: needs ${size} bytes, ${input.length - pos - 4} left`);
    }
    blocks.push({ start: pos + 4, end: pos + 4 + size });
    pos += 4 + size;
  }
  if (pos !== input.length) throw new Lz4FormatError(`${input.length - pos} stray bytes after the last LZ4 block`);
  return { blocks, trailingSize: undefined };
}

/**
 * Decode one LZ4 block from input[ip, end) into out at op; returns the new output position.
 * Sequences: token (literal length << 4 | match length - 4), literals, u16le offset, match.
 */
function decodeBlock(input: Uint8Array, ip: number, end: number, out: Uint8Array, op: number, outLimit: number): number {
  const blockStart = op;
  while (ip < end) {
    const token = input[ip++]!;
    let literalLength = token >>> 4;
    if (literalLength === 15) {
      let b: number;
      do {
        if (ip >= end) throw new Lz4FormatError('literal length runs past the block');
        b = input[ip++]!;
        literalLength += b;
      } while (b === 255);
    }
    if (literalLength > 0) {
      if (ip + literalLength > end) throw new Lz4FormatError('literals run past the block');
      if (op + literalLength > outLimit) throw new Lz4FormatError('output larger than expected');
      if (literalLength < 32) {
        // Short copies are faster in a loop than through a native call.
        for (let i = 0; i < literalLength; i++) out[op + i] = input[ip + i]!;
      } else {
        out.set(input.subarray(ip, ip + literalLength), op);
      }
      ip += literalLength;
      op += literalLength;
    }
    if (ip >= end) break; // the last sequence has literals only
    if (ip + 2 > end) throw new Lz4FormatError('match offset runs past the block');
    const offset = input[ip]! | (input[ip + 1]! << 8);
    ip += 2;
    if (offset === 0 || offset > op - blockStart) throw new Lz4FormatError(`bad match offset ${offset} at output ${op}`);
    let matchLength = (token & 15) + 4;
    if ((token & 15) === 15) {
      let b: number;
      do {
        if (ip >= end) throw new Lz4FormatError('match length runs past the block');
        b = input[ip++]!;
        matchLength += b;
      } while (b === 255);
    }
    if (op + matchLength > outLimit) throw new Lz4FormatError('output larger than expected');
    let from = op - offset;
    if (offset >= matchLength && matchLength >= 32) {
      out.copyWithin(op, from, from + matchLength);
      op += matchLength;
    } else {
      // Overlapping matches repeat the last `offset` bytes: must copy forward byte by byte.
      const stop = op + matchLength;
      while (op < stop) out[op++] = out[from++]!;
    }
  }
  return op;
}

/**
 * Decompress an LZ4 legacy frame. Works on `lz4 -l` output and on a kernel's LZ4 payload
 * (whose trailing size word is honoured and checked).
 */
export function decodeLz4Legacy(input: Uint8Array): Buffer {
  const view = new DataView(input.buffer, input.byteOffset, input.byteLength);
  const { blocks, trailingSize } = scanBlocks(input, view);
  const capacity = trailingSize ?? blocks.length * LEGACY_BLOCK_MAX;
  const out = Buffer.allocUnsafe(capacity);
  let op = 0;
  for (const block of blocks) {
    // Blocks are independent (no match reaches into an earlier block) and at most 8 MiB each.
    op = decodeBlock(input, block.start, block.end, out, op, Math.min(capacity, op + LEGACY_BLOCK_MAX));
  }
  if (trailingSize !== undefined && op !== trailingSize) {
    throw new Lz4FormatError(`decoded ${op} bytes but the kernel payload says ${trailingSize}`);
  }
  return out.subarray(0, op);
}
