/**
 * The built-in guest's cache folders (`${cacheDir}/guest/{kernel,busybox,initramfs}/<key>/`):
 * entries named by the hash of what they were made from, shared with GitHub's Actions cache
 * where there is one, stamped when used, and pruned so the cache holds only guests in use.
 */
import { existsSync } from 'node:fs';
import { readdir, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger, RemoteCache } from '../../core/host.js';
import { COMPLETE_MARKER, ensureCacheEntry, isCacheEntryComplete } from './cache-entry.js';

export const GUEST_CACHE_KINDS = ['kernel', 'busybox', 'initramfs'] as const;
export type GuestCacheKind = (typeof GUEST_CACHE_KINDS)[number];

/** Touched at every use: its mtime is the entry's last use. */
export const LAST_USED = '.last-used';
/** Entries unused this long are removed. */
export const PRUNE_UNUSED_MS = 14 * 24 * 60 * 60 * 1000;
/** Beyond this many entries of a kind, the least recently used go (unless used in the last hour). */
export const PRUNE_KEEP_PER_KIND = 3;
const RECENT_MS = 60 * 60 * 1000;
/** Kernel and busybox entries: `<debArch>-<first 16 hex of the .deb's sha256>[-<recipe>]`. */
export const ENTRY_NAME = /^[a-z0-9]+-[0-9a-f]{16}(-[0-9a-f]{8})?$/;

export function guestCacheDir(cacheDir: string, kind: GuestCacheKind): string {
  return join(cacheDir, 'guest', kind);
}

/**
 * `dir` holds a complete entry: as it was, restored from the remote cache under `remoteKey`, or
 * built by `build(workDir)` (and then saved remotely; a failed save only warns). Returns how.
 */
export async function ensureGuestEntry(
  dir: string,
  remoteKey: string,
  opts: { remoteCache?: RemoteCache | undefined; log: Logger },
  build: (workDir: string) => Promise<void>,
): Promise<'cached' | 'restored' | 'built'> {
  let how: 'cached' | 'restored' | 'built' = 'cached';
  if (!isCacheEntryComplete(dir) && opts.remoteCache) {
    const restored = await opts.remoteCache.restore(remoteKey, dir).catch((err: Error) => {
      opts.log.warn(`restoring ${remoteKey} from the Actions cache failed: ${err.message}`);
      return false;
    });
    if (restored && isCacheEntryComplete(dir)) how = 'restored';
    else if (existsSync(dir)) await rm(dir, { recursive: true, force: true }); // an incomplete restore
  }
  if (await ensureCacheEntry(dir, build)) {
    how = 'built';
    await opts.remoteCache?.save(remoteKey, dir).catch((err: Error) => opts.log.warn(`saving ${remoteKey} to the Actions cache failed: ${err.message}`));
  }
  await markUsed(dir);
  return how;
}

export async function markUsed(dir: string): Promise<void> {
  const stamp = join(dir, LAST_USED);
  const now = new Date();
  try {
    await utimes(stamp, now, now);
  } catch {
    await writeFile(stamp, '').catch(() => {});
  }
}

async function lastUsedMs(dir: string): Promise<number> {
  for (const name of [LAST_USED, COMPLETE_MARKER]) {
    try {
      return (await stat(join(dir, name))).mtimeMs;
    } catch {
      // try the next
    }
  }
  return 0;
}

/**
 * Removes guest cache entries nobody uses: unused for PRUNE_UNUSED_MS, or beyond the
 * PRUNE_KEEP_PER_KIND most recently used of their kind; never one in `inUse` or used in the last
 * hour (another run may be booting it). Also removes what older qfi versions left (their apt
 * state, and memo files). Returns the removed folders.
 */
export async function pruneGuestCache(cacheDir: string, inUse: readonly string[], opts: { now?: number } = {}): Promise<string[]> {
  const now = opts.now ?? Date.now();
  const removed: string[] = [];
  const remove = async (path: string) => {
    await rm(path, { recursive: true, force: true });
    removed.push(path);
  };
  // Before the guest came from the archive directly: a private apt state, apt answers remembered.
  for (const legacy of [
    join(cacheDir, 'guest', 'apt'),
    join(cacheDir, 'guest', 'kernel', 'resolved.json'),
    join(cacheDir, 'guest', 'kernel', 'resolved-arm64.json'),
  ]) {
    if (existsSync(legacy)) await remove(legacy);
  }
  for (const kind of GUEST_CACHE_KINDS) {
    const root = guestCacheDir(cacheDir, kind);
    let names: string[];
    try {
      names = await readdir(root);
    } catch {
      continue;
    }
    const entries = await Promise.all(
      names.filter((n) => !n.includes('.partial-') && !n.endsWith('.json')).map(async (n) => ({ dir: join(root, n), used: await lastUsedMs(join(root, n)) })),
    );
    entries.sort((a, b) => b.used - a.used);
    let rank = 0;
    for (const e of entries) {
      // Entries of the apt-based layout (named after the package) are never used again.
      const legacy = kind !== 'initramfs' && !ENTRY_NAME.test(e.dir.slice(root.length + 1));
      if (inUse.includes(e.dir) || now - e.used < RECENT_MS) {
        if (!legacy) rank++;
        continue;
      }
      if (legacy || now - e.used > PRUNE_UNUSED_MS || rank >= PRUNE_KEEP_PER_KIND) await remove(e.dir);
      else rank++;
    }
  }
  return removed;
}
