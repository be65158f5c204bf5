/**
 * Host files copied into the built-in guest (`files`). One file per input line, as
 * space-separated key=value words like `disks`:
 *
 *   path=build/mytest dest=/usr/bin/mytest
 *   path="data/input set.bin" dest=/root/input.bin mode=0644
 *
 * In qfi.toml each file is a `[[guest.files]]` table with the same keys. Both become a
 * FileSpec (host path absolute); printFileLine writes the canonical line for the reproducer.
 */
import { existsSync, statSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { checkGuestFilePath } from './guest-values.js';
import { splitWords } from './key-value-words.js';
import { ValueProblem } from './parse-values.js';
import { formatBytes } from '../core/input-file.js';

export interface FileSpec {
  /** Absolute host path of a regular file. */
  path: string;
  /** Absolute path in the guest, normalised (`/usr/bin/mytest`). */
  dest: string;
  /** Permission bits; undefined: the host file's own. */
  mode: number | undefined;
}

const KEYS = ['path', 'dest', 'mode'] as const;
/** Largest file `files` copies into the built-in guest's initramfs. */
export const MAX_GUEST_FILE_BYTES = 256 * 1024 * 1024;

const FILE_HINT = 'write a file as `path=build/mytest dest=/usr/bin/mytest`, with optional `mode=0755`';

/** Guest folders the agent mounts over at boot: a file put there would vanish. */
const MOUNTED = ['/proc', '/sys', '/dev', '/tmp', '/run'];

export function fileFromPairs(pairs: Array<[string, string]>, baseDir: string): FileSpec {
  const seen = new Map<string, string>();
  for (const [key, value] of pairs) {
    if (!(KEYS as readonly string[]).includes(key)) throw new ValueProblem(`unknown file key \`${key}\``, `file keys are ${KEYS.join(', ')}; ${FILE_HINT}`);
    if (seen.has(key)) throw new ValueProblem(`file key \`${key}\` is given twice`, FILE_HINT);
    seen.set(key, value);
  }
  const pathText = seen.get('path');
  const destText = seen.get('dest');
  if (pathText === undefined || destText === undefined) throw new ValueProblem(`a file needs both path= (on the host) and dest= (in the guest)`, FILE_HINT);
  const path = isAbsolute(pathText) ? pathText : resolve(baseDir, pathText);
  if (!existsSync(path) || !statSync(path).isFile()) {
    throw new ValueProblem(
      `file ${JSON.stringify(pathText)} does not exist or is not a regular file (${path})`,
      'give the path of a file on the host, relative to the workspace or absolute',
    );
  }
  // Files go into the initramfs, which the guest unpacks into its RAM (256 MiB by default).
  const size = statSync(path).size;
  if (size > MAX_GUEST_FILE_BYTES) {
    throw new ValueProblem(
      `file ${JSON.stringify(pathText)} is ${formatBytes(size)}; a file copied into the guest may be at most ${formatBytes(MAX_GUEST_FILE_BYTES)} (${path})`,
      'put large data on a disk image (`disks`) instead: the built-in guest unpacks its files into RAM',
    );
  }
  const dest = checkGuestFilePath(destText, 'dest', '/usr/bin/mytest');
  const under = MOUNTED.find((m) => dest === m || dest.startsWith(`${m}/`));
  if (under)
    throw new ValueProblem(
      `dest ${dest} is under ${under}, which the agent mounts over at boot`,
      'put the file under /usr, /opt, /root or /etc; the command can copy it to /tmp',
    );
  if (dest === '/init' || dest.startsWith('/etc/qfi/') || dest === '/usr/bin/qfi-fault' || dest === '/usr/bin/qfi-marker') {
    throw new ValueProblem(`dest ${dest} would replace part of qfi's agent`, 'choose another guest path');
  }
  const modeText = seen.get('mode');
  let mode: number | undefined;
  if (modeText !== undefined) {
    if (!/^0?[0-7]{3,4}$/.test(modeText))
      throw new ValueProblem(`bad file mode ${JSON.stringify(modeText)}`, 'write permission bits in octal, like `mode=0755` or `mode=644`');
    mode = parseInt(modeText, 8);
  }
  return { path, dest, mode };
}

/** The canonical line for a file (what parseFileLine reads). */
export function printFileLine(file: FileSpec): string {
  const words = [`path=${JSON.stringify(file.path)}`, `dest=${JSON.stringify(file.dest)}`];
  if (file.mode !== undefined) words.push(`mode=0${file.mode.toString(8)}`);
  return words.join(' ');
}

/** One `files` input line. */
export function fileFromLine(line: string, baseDir: string): FileSpec {
  return fileFromPairs(splitWords(line, 'file', FILE_HINT), baseDir);
}

/** A `[[guest.files]]` table. */
export function fileFromTable(table: Record<string, unknown>, baseDir: string): FileSpec {
  const pairs: Array<[string, string]> = Object.entries(table).map(([key, value]) => {
    if (typeof value === 'string') return [key, value];
    throw new ValueProblem(`file key \`${key}\` must be a string`, FILE_HINT);
  });
  return fileFromPairs(pairs, baseDir);
}
