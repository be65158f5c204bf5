/**
 * Temporary folders that name their owner: `PREFIX<pid>.<start>-XXXXXX`. A process killed with
 * SIGKILL runs no cleanup, so the next qfi removes the folders whose owner is gone (and is not
 * a reused pid): a run's private folder, a QEMU build's work tree, a half-written cache entry.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { isRunning, ownerTag, parseOwnerTag, selfIdentity, type ProcessIdentity } from './process-identity.js';

/** A new 0700 folder in `parent` named for this process. */
export function makeOwnedDir(parent: string, prefix: string): string {
  return mkdtempSync(join(parent, `${prefix}${ownerTag()}-`));
}

/** The owner a folder's name records, if it is one of `prefix`'s. */
export function ownerOfDir(name: string, prefix: string): ProcessIdentity | undefined {
  if (!name.startsWith(prefix)) return undefined;
  const tag = name.slice(prefix.length).split('-')[0] ?? '';
  return parseOwnerTag(tag);
}

/**
 * Removes `prefix` folders in `parent` whose owner has ended, after `beforeRemove` (which may
 * end what the owner left running). Never fails: a folder that cannot be removed is left for the
 * next sweep. Returns the folders removed.
 */
export function sweepOwnedDirs(parent: string, prefix: string, beforeRemove?: (dir: string) => void): string[] {
  let names: string[];
  try {
    names = readdirSync(parent);
  } catch {
    return [];
  }
  const me = selfIdentity();
  const removed: string[] = [];
  for (const name of names) {
    const owner = ownerOfDir(name, prefix);
    if (!owner || (owner.pid === me.pid && owner.start === me.start) || isRunning(owner)) continue;
    const dir = join(parent, name);
    try {
      beforeRemove?.(dir);
      // A writer that outlived its owner may still add files for a moment: rm retries ENOTEMPTY.
      rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
      removed.push(dir);
    } catch {
      // left for the next sweep
    }
  }
  return removed;
}
