/**
 * A .deb read in-process, without dpkg: an `ar` archive holding `debian-binary`, `control.tar.*`
 * and `data.tar.*`, each tar compressed with xz (Debian's default), gzip, zstd or nothing. The
 * same bytes give the same files on every host, which is what makes the built-in guest
 * byte-identical on Debian, Ubuntu, Fedora or Arch.
 */
import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';
import * as zlib from 'node:zlib';
import xz from 'xz-decompress';
import { filterBytes } from './run-tool.js';

export class DebFormatError extends Error {
  override name = 'DebFormatError';
}

const AR_MAGIC = '!<arch>\n';

/** The members of an ar archive (System V / GNU: names may end with `/`). */
export function readArMembers(bytes: Uint8Array): Map<string, Uint8Array> {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.subarray(0, 8).toString('latin1') !== AR_MAGIC) throw new DebFormatError('not an ar archive (no !<arch> magic)');
  const members = new Map<string, Uint8Array>();
  let off = 8;
  while (off + 60 <= buf.length) {
    const header = buf.subarray(off, off + 60);
    if (header.subarray(58, 60).toString('latin1') !== '`\n') throw new DebFormatError(`ar member header at byte ${off} is damaged`);
    const name = header.subarray(0, 16).toString('latin1').trim().replace(/\/$/, '');
    const size = Number(header.subarray(48, 58).toString('latin1').trim());
    if (!Number.isInteger(size) || size < 0 || off + 60 + size > buf.length) throw new DebFormatError(`ar member ${name} is cut off`);
    members.set(name, buf.subarray(off + 60, off + 60 + size));
    off += 60 + size + (size & 1); // members are 2-byte aligned
  }
  return members;
}

const gunzipAsync = promisify(gunzip);

async function unxz(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new xz.XzReadableStream(new Blob([bytes]).stream());
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

async function unzstd(bytes: Uint8Array, signal?: AbortSignal): Promise<Uint8Array> {
  // node:zlib has zstd from Node 22.15; on Node 20 the zstd tool does it.
  const native = (zlib as unknown as { zstdDecompress?: (b: Uint8Array, cb: (e: Error | null, r: Buffer) => void) => void }).zstdDecompress;
  if (native) return promisify(native)(bytes);
  return filterBytes('zstd', ['-dcq'], bytes, { signal, missingHint: 'install zstd (a .deb compressed with zstd needs it on Node.js < 22.15)' });
}

/** One of the tars of a .deb, decompressed: `control` or `data`. */
export async function debTar(deb: Uint8Array, which: 'control' | 'data', signal?: AbortSignal): Promise<Uint8Array> {
  const members = readArMembers(deb);
  if (members.get('debian-binary')?.toString().trim() !== '2.0') throw new DebFormatError('not a Debian binary package (no debian-binary 2.0 member)');
  for (const [name, bytes] of members) {
    if (name === `${which}.tar`) return bytes;
    if (name === `${which}.tar.xz`) return unxz(bytes);
    if (name === `${which}.tar.gz`) return gunzipAsync(bytes);
    if (name === `${which}.tar.zst`) return unzstd(bytes, signal);
  }
  throw new DebFormatError(`no ${which}.tar member (has ${[...members.keys()].join(', ')})`);
}

export interface TarEntry {
  /** Relative, without a leading `./` or a trailing `/`. */
  path: string;
  type: 'file' | 'dir' | 'symlink' | 'hardlink' | 'other';
  mode: number;
  /** File contents (a view into the tar). */
  data: Uint8Array;
  /** Symlink or hardlink target. */
  link: string;
}

function cString(block: Buffer, start: number, length: number): string {
  const field = block.subarray(start, start + length);
  const nul = field.indexOf(0);
  return field.subarray(0, nul === -1 ? length : nul).toString('utf8');
}

/** An octal number field, or GNU's base-256 form (high bit set) for sizes of 8 GiB and more. */
function tarNumber(block: Buffer, start: number, length: number): number {
  if (block[start]! & 0x80) {
    let n = 0;
    for (let i = start + 1; i < start + length; i++) n = n * 256 + block[i]!;
    return n;
  }
  const text = cString(block, start, length).trim();
  return text === '' ? 0 : parseInt(text, 8);
}

/** `len key=value\n` records of a pax extended header. */
function paxRecords(data: Buffer): Map<string, string> {
  const records = new Map<string, string>();
  let off = 0;
  while (off < data.length) {
    const space = data.indexOf(0x20, off);
    if (space === -1) break;
    const len = Number(data.subarray(off, space).toString('latin1'));
    if (!Number.isInteger(len) || len <= 0) break;
    const record = data.subarray(space + 1, off + len - 1).toString('utf8');
    const eq = record.indexOf('=');
    if (eq > 0) records.set(record.slice(0, eq), record.slice(eq + 1));
    off += len;
  }
  return records;
}

const normalize = (path: string) =>
  path
    .replace(/^(\.\/)+/, '')
    .replace(/^\/+/, '')
    .replace(/\/+$/, '');

/** The entries of a tar (ustar, GNU long names, pax headers), in archive order. */
export function* tarEntries(tar: Uint8Array): Generator<TarEntry> {
  const buf = Buffer.from(tar.buffer, tar.byteOffset, tar.byteLength);
  let off = 0;
  let longName: string | undefined;
  let longLink: string | undefined;
  let pax = new Map<string, string>();
  while (off + 512 <= buf.length) {
    const block = buf.subarray(off, off + 512);
    if (block.every((b) => b === 0)) return; // end of archive
    const stored = tarNumber(block, 148, 8);
    let sum = 0;
    for (let i = 0; i < 512; i++) sum += i >= 148 && i < 156 ? 0x20 : block[i]!;
    if (sum !== stored) throw new DebFormatError(`tar header at byte ${off} has a bad checksum`);
    const type = String.fromCharCode(block[156]!);
    const size = tarNumber(block, 124, 12);
    const dataStart = off + 512;
    if (dataStart + size > buf.length) throw new DebFormatError(`tar entry at byte ${off} is cut off`);
    const data = buf.subarray(dataStart, dataStart + size);
    off = dataStart + Math.ceil(size / 512) * 512;
    if (type === 'L') {
      longName = cString(data, 0, data.length);
      continue;
    }
    if (type === 'K') {
      longLink = cString(data, 0, data.length);
      continue;
    }
    if (type === 'x') {
      pax = paxRecords(data);
      continue;
    }
    if (type === 'g') continue;
    const ustar = block.subarray(257, 262).toString('latin1') === 'ustar';
    const prefix = ustar ? cString(block, 345, 155) : '';
    const name = pax.get('path') ?? longName ?? (prefix ? `${prefix}/${cString(block, 0, 100)}` : cString(block, 0, 100));
    const link = pax.get('linkpath') ?? longLink ?? cString(block, 157, 100);
    longName = longLink = undefined;
    pax = new Map();
    const kind: TarEntry['type'] =
      type === '0' || type === '\0' || type === '7' ? 'file' : type === '5' ? 'dir' : type === '2' ? 'symlink' : type === '1' ? 'hardlink' : 'other';
    const path = normalize(name);
    if (path === '') continue; // the archive's own `./`
    yield { path, type: kind, mode: tarNumber(block, 100, 8) & 0o7777, data, link: kind === 'hardlink' ? normalize(link) : link };
  }
}

/** Fields of a package's control file (`Package`, `Version`, `Architecture`, …). */
export async function debControl(deb: Uint8Array, signal?: AbortSignal): Promise<Map<string, string>> {
  const tar = await debTar(deb, 'control', signal);
  for (const entry of tarEntries(tar)) {
    if (entry.path === 'control' && entry.type === 'file') return parseControlStanza(entry.data.toString());
  }
  throw new DebFormatError('control.tar has no control file');
}

/** Fields of one Debian control stanza; continuation lines joined with newlines. */
export function parseControlStanza(text: string): Map<string, string> {
  const fields = new Map<string, string>();
  let key: string | undefined;
  for (const line of text.split('\n')) {
    if (line.trim() === '') {
      if (fields.size > 0) break; // only the first stanza
      continue;
    }
    if ((line.startsWith(' ') || line.startsWith('\t')) && key) {
      fields.set(key, `${fields.get(key)}\n${line.trim()}`);
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    key = line.slice(0, colon);
    fields.set(key, line.slice(colon + 1).trim());
  }
  return fields;
}
