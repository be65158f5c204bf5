/** File-system errors in words a user acts on, and which of them are the machine's fault. */
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

const ERRNO_WORDS: Record<string, string> = {
  EROFS: 'the file system is read-only (EROFS)',
  EACCES: 'permission denied (EACCES)',
  EPERM: 'operation not permitted (EPERM)',
  ENOENT: 'no such file or folder (ENOENT)',
  ENOTDIR: 'a part of the path is a file, not a folder (ENOTDIR)',
  EEXIST: 'a file of that name is in the way (EEXIST)',
  EISDIR: 'it is a folder (EISDIR)',
  ENOSPC: 'no space left on the device (ENOSPC)',
  EDQUOT: 'the disk quota is used up (EDQUOT)',
  EFBIG: 'the file is too large for the file system (EFBIG)',
  EIO: 'an I/O error (EIO)',
};

/** `no space left on the device (ENOSPC)`, or the error's own message. */
export function describeFsError(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  return ERRNO_WORDS[e.code ?? ''] ?? e.message ?? String(err);
}

/** A full, failing or over-quota disk: the machine's problem (exit 3), not the user's setting. */
export function isStorageFailure(err: unknown): boolean {
  const code = (err as NodeJS.ErrnoException).code;
  return code === 'ENOSPC' || code === 'EDQUOT' || code === 'EFBIG' || code === 'EIO';
}

/**
 * `mkdir -p` that always ends: Node's `mkdirSync(…, { recursive: true })` loops forever where the
 * parent exists but refuses children with ENOENT (`/proc/x`). Each missing folder is made in turn.
 */
export function makeDirs(path: string): void {
  const missing: string[] = [];
  for (let dir = resolve(path); !existsSync(dir); dir = dirname(dir)) {
    missing.unshift(dir);
    if (dirname(dir) === dir) break;
  }
  for (const dir of missing) {
    try {
      mkdirSync(dir);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
  }
}
