/**
 * Reads a zip archive the way GitHub hands out an artifact (made by @actions/artifact with
 * `archiver`): from the central directory at the end, because archiver streams its entries
 * and leaves sizes and CRCs out of the local headers (they follow the data). Stored and
 * deflated entries, zip64 sizes and offsets; each entry's CRC-32 is checked.
 */
import * as zlib from 'node:zlib';

export interface ZipEntry {
  /** Path inside the archive, `/`-separated; folders end in `/`. */
  name: string;
  /** Uncompressed size in bytes. */
  size: number;
  /** The entry's bytes, inflated and checked. */
  read(): Buffer;
}

/** The archive is not a zip, or is cut off or damaged; `message` says where. */
export class ZipFormatError extends Error {}

const EOCD = 0x06054b50;
const ZIP64_EOCD = 0x06064b50;
const ZIP64_LOCATOR = 0x07064b50;
const CENTRAL_HEADER = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const ZIP64_EXTRA = 0x0001;

export function readZip(zip: Buffer): ZipEntry[] {
  return asFormatError(() => readCentralDirectory(zip));
}

/** A length field pointing past the buffer makes Buffer's reads throw RangeError: a damaged archive. */
function asFormatError<T>(fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (err instanceof RangeError) throw new ZipFormatError(`a record of the archive is damaged (${err.message})`);
    throw err;
  }
}

function readCentralDirectory(zip: Buffer): ZipEntry[] {
  const end = findEndOfCentralDirectory(zip);
  let count = zip.readUInt16LE(end + 10);
  let size = zip.readUInt32LE(end + 12);
  let offset = zip.readUInt32LE(end + 16);
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) ({ count, size, offset } = readZip64End(zip, end));
  if (offset + size > zip.length)
    throw new ZipFormatError(`the central directory (${size} bytes at ${offset}) lies past the end of the archive (${zip.length} bytes): the file is cut off`);

  const entries: ZipEntry[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== CENTRAL_HEADER)
      throw new ZipFormatError(`entry ${i + 1} of ${count} in the central directory is damaged (at byte ${at})`);
    const flags = zip.readUInt16LE(at + 8);
    const method = zip.readUInt16LE(at + 10);
    const crc = zip.readUInt32LE(at + 16);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const name = zip.toString(flags & 0x800 ? 'utf8' : 'latin1', at + 46, at + 46 + nameLength);
    const sizes = zip64Sizes(zip.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength), {
      compressed: zip.readUInt32LE(at + 20),
      size: zip.readUInt32LE(at + 24),
      offset: zip.readUInt32LE(at + 42),
    });
    if (flags & 0x1) throw new ZipFormatError(`${name} is encrypted`);
    if (method !== 0 && method !== 8) throw new ZipFormatError(`${name} uses compression method ${method}; only stored (0) and deflate (8) are read`);
    entries.push({ name, size: sizes.size, read: () => asFormatError(() => readEntry(zip, name, method, crc, sizes)) });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function findEndOfCentralDirectory(zip: Buffer): number {
  // The record is 22 bytes plus a comment of at most 65535 bytes, at the very end.
  const lowest = Math.max(0, zip.length - 22 - 0xffff);
  for (let at = zip.length - 22; at >= lowest; at--) {
    if (zip.readUInt32LE(at) === EOCD && at + 22 + zip.readUInt16LE(at + 20) === zip.length) return at;
  }
  throw new ZipFormatError(
    zip.length < 22 ? `the file is ${zip.length} bytes, too short for a zip` : 'no end-of-central-directory record: not a zip archive, or cut off',
  );
}

function readZip64End(zip: Buffer, end: number): { count: number; size: number; offset: number } {
  const locator = end - 20;
  if (locator < 0 || zip.readUInt32LE(locator) !== ZIP64_LOCATOR) throw new ZipFormatError('the archive needs zip64 but has no zip64 locator');
  const record = Number(zip.readBigUInt64LE(locator + 8));
  if (record + 56 > zip.length || zip.readUInt32LE(record) !== ZIP64_EOCD)
    throw new ZipFormatError(`no zip64 end-of-central-directory record at byte ${record}`);
  return { count: Number(zip.readBigUInt64LE(record + 32)), size: Number(zip.readBigUInt64LE(record + 40)), offset: Number(zip.readBigUInt64LE(record + 48)) };
}

interface EntrySizes {
  compressed: number;
  size: number;
  offset: number;
}

/** Fields set to 0xffffffff are in the zip64 extra field, in the order size, compressed size, offset. */
function zip64Sizes(extra: Buffer, sizes: EntrySizes): EntrySizes {
  const out = { ...sizes };
  for (let at = 0; at + 4 <= extra.length;) {
    const id = extra.readUInt16LE(at);
    const length = extra.readUInt16LE(at + 2);
    if (id === ZIP64_EXTRA) {
      let field = at + 4;
      const next = (): number => {
        const value = Number(extra.readBigUInt64LE(field));
        field += 8;
        return value;
      };
      if (sizes.size === 0xffffffff) out.size = next();
      if (sizes.compressed === 0xffffffff) out.compressed = next();
      if (sizes.offset === 0xffffffff) out.offset = next();
    }
    at += 4 + length;
  }
  return out;
}

function readEntry(zip: Buffer, name: string, method: number, crc: number, sizes: EntrySizes): Buffer {
  const local = sizes.offset;
  if (local + 30 > zip.length || zip.readUInt32LE(local) !== LOCAL_HEADER) throw new ZipFormatError(`${name}: no local header at byte ${local}`);
  const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
  if (start + sizes.compressed > zip.length) throw new ZipFormatError(`${name}: its data lies past the end of the archive: the file is cut off`);
  const stored = zip.subarray(start, start + sizes.compressed);
  let data: Buffer;
  try {
    data = method === 8 ? zlib.inflateRawSync(stored) : Buffer.from(stored);
  } catch (err) {
    throw new ZipFormatError(`${name}: cannot be inflated (${(err as Error).message})`);
  }
  if (data.length !== sizes.size) throw new ZipFormatError(`${name}: ${data.length} bytes inflated, the directory says ${sizes.size}`);
  // zlib.crc32 is Node 20.15+; a namespace import keeps older Node 20 able to load the CLI.
  if (typeof zlib.crc32 === 'function' && zlib.crc32(data) !== crc) throw new ZipFormatError(`${name}: CRC-32 mismatch: the archive is damaged`);
  return data;
}
