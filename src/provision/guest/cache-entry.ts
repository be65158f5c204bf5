/**
 * One immutable cache folder, built at most once. It is built in a private sibling folder, the
 * marker file is written last, and the folder is renamed into place: a run killed half-way leaves
 * no folder with a marker, so the next run notices and rebuilds; two runs racing both succeed.
 */
import { existsSync } from 'node:fs';
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';

export const COMPLETE_MARKER = '.complete';

export function isCacheEntryComplete(dir: string): boolean {
  return existsSync(join(dir, COMPLETE_MARKER));
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Remove work folders of builds whose process is gone (killed, crashed). */
async function removeStaleWork(dir: string): Promise<void> {
  const parent = dirname(dir);
  const prefix = `${basename(dir)}.partial-`;
  let names: string[];
  try {
    names = await readdir(parent);
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const pid = Number(name.slice(prefix.length).split('-')[0]);
    if (Number.isInteger(pid) && pid !== process.pid && !pidAlive(pid)) {
      await rm(join(parent, name), { recursive: true, force: true });
    }
  }
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
  await removeStaleWork(dir);
  const work = `${dir}.partial-${process.pid}-${randomBytes(4).toString('hex')}`;
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
