/**
 * A writer for the newc ("070701") cpio format, the one the Linux kernel unpacks as an
 * initramfs. Output is reproducible: mtime 0, owner root, inode numbers counting up from 1 in
 * entry order, so the same entries always give the same bytes (and the same cache key).
 *
 * Record: 110-byte ASCII header (magic + 13 eight-digit hex fields), the NUL-terminated name
 * padded to 4 bytes, then the data padded to 4 bytes. The archive ends with `TRAILER!!!`.
 */

export type CpioEntry =
  | { type: 'dir'; path: string; mode?: number }
  | { type: 'file'; path: string; data: Uint8Array; mode?: number }
  | { type: 'symlink'; path: string; target: string };

const S_IFDIR = 0o040000;
const S_IFREG = 0o100000;
const S_IFLNK = 0o120000;
const HEADER_SIZE = 110;
const TRAILER = 'TRAILER!!!';

export class CpioError extends Error {
  override name = 'CpioError';
}

/** Archive names are relative (`bin/sh`): strip `/` and `./` prefixes, reject `..` and empties. */
export function normalizeCpioPath(path: string): string {
  const parts = path.split('/').filter((p) => p !== '' && p !== '.');
  if (parts.length === 0 || parts.includes('..')) throw new CpioError(`bad archive path ${JSON.stringify(path)}`);
  return parts.join('/');
}

const pad4 = (n: number) => (4 - (n % 4)) % 4;

function hex8(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 0xffffffff) throw new CpioError(`cpio field out of range: ${n}`);
  return n.toString(16).padStart(8, '0');
}

function record(ino: number, mode: number, nlink: number, name: string, data: Uint8Array): Buffer[] {
  const nameBytes = Buffer.from(`${name}\0`, 'utf8');
  // Fields: ino mode uid gid nlink mtime filesize devmajor devminor rdevmajor rdevminor namesize check
  const fields = [ino, mode, 0, 0, nlink, 0, data.length, 0, 0, 0, 0, nameBytes.length, 0];
  const header = Buffer.from(`070701${fields.map(hex8).join('')}`, 'latin1');
  return [
    header,
    nameBytes,
    Buffer.alloc(pad4(HEADER_SIZE + nameBytes.length)),
    Buffer.from(data.buffer, data.byteOffset, data.byteLength),
    Buffer.alloc(pad4(data.length)),
  ];
}

/**
 * Build the archive. Entries are written in the given order; a directory must come before what
 * it contains (the kernel creates files in order and does not make parents).
 */
export function writeCpioNewc(entries: readonly CpioEntry[]): Buffer {
  const chunks: Buffer[] = [];
  const seen = new Map<string, CpioEntry['type']>();
  let ino = 0;
  for (const entry of entries) {
    const path = normalizeCpioPath(entry.path);
    if (seen.has(path)) throw new CpioError(`duplicate archive path ${path}`);
    const slash = path.lastIndexOf('/');
    if (slash > 0 && seen.get(path.slice(0, slash)) !== 'dir') {
      throw new CpioError(`${path}: its directory ${path.slice(0, slash)} must be listed before it`);
    }
    seen.set(path, entry.type);
    ino += 1;
    switch (entry.type) {
      case 'dir':
        chunks.push(...record(ino, S_IFDIR | ((entry.mode ?? 0o755) & 0o7777), 2, path, new Uint8Array(0)));
        break;
      case 'file':
        chunks.push(...record(ino, S_IFREG | ((entry.mode ?? 0o644) & 0o7777), 1, path, entry.data));
        break;
      case 'symlink':
        chunks.push(...record(ino, S_IFLNK | 0o777, 1, path, Buffer.from(entry.target, 'utf8')));
        break;
    }
  }
  chunks.push(...record(0, 0, 1, TRAILER, new Uint8Array(0)));
  return Buffer.concat(chunks);
}
