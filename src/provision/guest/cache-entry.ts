/**
 * One immutable cache folder, built at most once. It is built in a private sibling folder, the
 * marker file is written last, and the folder is renamed into place: a run killed half-way leaves
 * no folder with a marker, so the next run notices and rebuilds (and removes the work folder, named
 * for its process, once that process is gone); two runs racing both succeed.
 */
import { existsSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { sweepOwnedDirs } from '../../core/owned-dirs.js';
import { ownerTag } from '../../core/process-identity.js';

export const COMPLETE_MARKER = '.complete';

export function isCacheEntryComplete(dir: string): boolean {
  return existsSync(join(dir, COMPLETE_MARKER));
}

/** Remove work folders of builds whose process is gone (killed, crashed). */
function removeStaleWork(dir: string): void {
  sweepOwnedDirs(dirname(dir), `${basename(dir)}.partial-`);
}

/**
 * Move a finished work folder into place. A complete entry is never removed: if one appeared
 * meanwhile (another run won the race) ours is dropped; a folder without the marker is damaged
 * (it can never become complete, as only a rename creates complete entries) and is replaced.
 */
async function placeEntry(work: string, dir: string): Promise<void> {
  try {
    await rename(work, dir);
    return;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code !== 'ENOTEMPTY' && code !== 'EEXIST') throw err;
  }
  if (isCacheEntryComplete(dir)) {
    await rm(work, { recursive: true, force: true });
    return;
  }
  await rm(dir, { recursive: true, force: true });
  await rename(work, dir);
}

/**
 * Make sure `dir` holds a complete entry, calling `build(workDir)` to fill a fresh one when it
 * does not. Returns true when this call built it.
 */
export async function ensureCacheEntry(dir: string, build: (workDir: string) => Promise<void>): Promise<boolean> {
  if (isCacheEntryComplete(dir)) return false;
  removeStaleWork(dir);
  const work = `${dir}.partial-${ownerTag()}-${randomBytes(4).toString('hex')}`;
  await mkdir(work, { recursive: true });
  try {
    await build(work);
    await writeFile(join(work, COMPLETE_MARKER), `${new Date().toISOString()}\n`);
    await placeEntry(work, dir);
  } catch (err) {
    await rm(work, { recursive: true, force: true });
    throw err;
  }
  return true;
}
