/**
 * Extra disks for the guest. One disk per `disks` input line, written as space-separated
 * key=value words (a value may be a JSON-quoted string, for paths with spaces):
 *
 *   id=data size=64M format=qcow2
 *   id=scratch path="images/my disk.raw" read-only=true
 *
 * In qfi.toml each disk is a `[[guest.disks]]` table with the same keys. Both become a
 * DiskSpec (paths absolute); printDiskLine writes the canonical line for the reproducer.
 */
import { existsSync, statSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { ValueProblem, parseBool } from './parse-values.js';
import { splitWords } from './key-value-words.js';

export interface DiskSpec {
  /** Names the disk in rules (`block.read[disk=data]`), in the guest (/dev/qfi/<id>) and as its serial. */
  id: string;
  /** Absolute path of an existing image; undefined: a new empty image of `sizeBytes`. */
  path: string | undefined;
  sizeBytes: number | undefined;
  format: 'raw' | 'qcow2';
  readOnly: boolean;
  /** The firmware boots from this image (a distribution disk image); at most one disk. */
  boot: boolean;
  /** The guest's writes go to a throw-away qcow2 overlay, so the image stays as it was. */
  snapshot: boolean;
}

const KEYS = ['id', 'path', 'size', 'format', 'read-only', 'boot', 'snapshot'] as const;
const DISK_HINT =
  'write a disk as `id=data size=64M` (a new empty disk) or `id=data path=disk.img` (an image), with optional `format=raw|qcow2`, `read-only=true`, `boot=true` and `snapshot=true`';
export const DISK_ID = /^[a-z][a-z0-9_-]{0,19}$/;
const SIZE_UNITS: Record<string, number> = { K: 2 ** 10, M: 2 ** 20, G: 2 ** 30, T: 2 ** 40 };

/** `64M`, `1G`, `1048576` (bytes): a whole number of 512-byte sectors. */
export function parseDiskSize(text: string): number {
  const m = /^([1-9][0-9]*)([KMGT]?)$/.exec(text);
  const bytes = m ? Number(m[1]) * (m[2] ? SIZE_UNITS[m[2]]! : 1) : NaN;
  if (!Number.isSafeInteger(bytes) || bytes % 512 !== 0) {
    throw new ValueProblem(
      `bad disk size ${JSON.stringify(text)}`,
      'write a size like `64M` or `1G` (K, M, G, T are powers of 1024; a bare number is bytes, a multiple of 512)',
    );
  }
  return bytes;
}

/** Reads a disk from key=value pairs; `index` names it `disk<index>` when no id is given. */
export function diskFromPairs(pairs: Array<[string, string]>, index: number, baseDir: string): DiskSpec {
  const seen = new Map<string, string>();
  for (const [key, value] of pairs) {
    if (!(KEYS as readonly string[]).includes(key)) throw new ValueProblem(`unknown disk key \`${key}\``, `disk keys are ${KEYS.join(', ')}; ${DISK_HINT}`);
    if (seen.has(key)) throw new ValueProblem(`disk key \`${key}\` is given twice`, DISK_HINT);
    seen.set(key, value);
  }
  const id = seen.get('id') ?? `disk${index}`;
  if (!DISK_ID.test(id))
    throw new ValueProblem(
      `bad disk id ${JSON.stringify(id)}`,
      'a disk id is 1 to 20 lowercase letters, digits, `_` or `-`, starting with a letter (it becomes the virtio serial)',
    );
  const pathText = seen.get('path');
  const sizeText = seen.get('size');
  if ((pathText === undefined) === (sizeText === undefined)) {
    throw new ValueProblem(`disk ${id}: give either path= (an existing image) or size= (a new empty disk)`, DISK_HINT);
  }
  let path: string | undefined;
  if (pathText !== undefined) {
    path = isAbsolute(pathText) ? pathText : resolve(baseDir, pathText);
    if (!existsSync(path) || !statSync(path).isFile())
      throw new ValueProblem(
        `disk ${id}: image ${JSON.stringify(pathText)} does not exist or is not a file (${path})`,
        'give the path of an existing raw or qcow2 image, or size= for a new one',
      );
  }
  const formatText = seen.get('format') ?? (path?.endsWith('.qcow2') ? 'qcow2' : 'raw');
  if (formatText !== 'raw' && formatText !== 'qcow2')
    throw new ValueProblem(`disk ${id}: unknown format ${JSON.stringify(formatText)}`, 'format is raw or qcow2');
  const readOnly = seen.has('read-only') ? parseBool(seen.get('read-only')!) : false;
  if (readOnly && sizeText !== undefined)
    throw new ValueProblem(
      `disk ${id}: a new empty disk that is read-only can only be read as zeros`,
      'drop read-only=true, or give path= of an image to read',
    );
  const boot = seen.has('boot') ? parseBool(seen.get('boot')!) : false;
  if (boot && path === undefined)
    throw new ValueProblem(
      `disk ${id}: boot=true needs an image to boot (path=), not a new empty disk`,
      "give path= of a bootable disk image, like a distribution's cloud image",
    );
  // A booted distribution writes its image (logs, machine id): by default those writes are thrown away.
  const snapshot = seen.has('snapshot') ? parseBool(seen.get('snapshot')!) : boot && !readOnly;
  if (snapshot && path === undefined)
    throw new ValueProblem(
      `disk ${id}: snapshot=true protects an image from the guest's writes, but a new empty disk has none`,
      'drop snapshot=true (a size= disk is created for the run and removed after it)',
    );
  if (snapshot && readOnly)
    throw new ValueProblem(`disk ${id}: snapshot=true and read-only=true together`, 'read-only=true already keeps the image unchanged; drop one');
  return { id, path, sizeBytes: sizeText === undefined ? undefined : parseDiskSize(sizeText), format: formatText, readOnly, boot, snapshot };
}

/** The canonical line for a disk (what parseDiskLine reads). */
export function printDiskLine(disk: DiskSpec): string {
  const words = [`id=${disk.id}`];
  if (disk.path !== undefined) words.push(`path=${JSON.stringify(disk.path)}`);
  if (disk.sizeBytes !== undefined) words.push(`size=${disk.sizeBytes}`);
  words.push(`format=${disk.format}`);
  if (disk.readOnly) words.push('read-only=true');
  if (disk.boot) words.push('boot=true');
  if (disk.snapshot !== (disk.boot && !disk.readOnly)) words.push(`snapshot=${disk.snapshot}`);
  return words.join(' ');
}

/** One `disks` input line. */
export function diskFromLine(line: string, index: number, baseDir: string): DiskSpec {
  return diskFromPairs(splitWords(line, 'disk', DISK_HINT), index, baseDir);
}

/** A `[[guest.disks]]` table. */
export function diskFromTable(table: Record<string, unknown>, index: number, baseDir: string): DiskSpec {
  const pairs: Array<[string, string]> = Object.entries(table).map(([key, value]) => {
    if (typeof value === 'string') return [key, value];
    if (typeof value === 'bigint' || typeof value === 'boolean') return [key, String(value)];
    throw new ValueProblem(
      `disk key \`${key}\` must be a string${['read-only', 'boot', 'snapshot'].includes(key) ? ' or a boolean' : key === 'size' ? ' or an integer (bytes)' : ''}`,
      DISK_HINT,
    );
  });
  return diskFromPairs(pairs, index, baseDir);
}
