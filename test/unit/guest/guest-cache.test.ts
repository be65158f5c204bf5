/** Pruning the guest cache: what an old layout, an unused entry and a busy one become. */
import { existsSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LAST_USED, PRUNE_KEEP_PER_KIND, pruneGuestCache } from '../../../src/provision/guest/guest-cache.js';

const work = mkdtempSync(join(tmpdir(), 'qfi-guest-cache-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const DAY = 24 * 3600_000;
const now = Date.now();

function entry(cacheDir: string, kind: string, name: string, usedAgoMs: number): string {
  const dir = join(cacheDir, 'guest', kind, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, '.complete'), '');
  writeFileSync(join(dir, LAST_USED), '');
  const t = (now - usedAgoMs) / 1000;
  utimesSync(join(dir, LAST_USED), t, t);
  return dir;
}

describe('pruneGuestCache', () => {
  it('removes the apt-based layout, entries unused for two weeks, and the least used beyond the limit', async () => {
    const cache = join(work, 'a');
    mkdirSync(join(cache, 'guest', 'apt', 'arm64', 'lists'), { recursive: true });
    const legacy = entry(cache, 'kernel', 'linux-image-6.1.0-40-cloud-amd64_6.1.153-1', 2 * DAY);
    const inUse = entry(cache, 'kernel', 'amd64-0123456789abcdef-01234567', 30 * DAY);
    const stale = entry(cache, 'kernel', 'amd64-1111111111111111-01234567', 15 * DAY);
    const recent = [1, 2, 3, 4].map((d) => entry(cache, 'busybox', `amd64-${String(d).repeat(16)}`, d * DAY));
    const busyNow = entry(cache, 'initramfs', 'f'.repeat(32), 10 * 60_000);
    const removed = await pruneGuestCache(cache, [inUse], { now });
    expect(existsSync(join(cache, 'guest', 'apt'))).toBe(false);
    expect(existsSync(legacy)).toBe(false);
    expect(existsSync(stale)).toBe(false);
    expect(existsSync(inUse)).toBe(true);
    expect(existsSync(busyNow)).toBe(true);
    // The three most recently used busybox entries stay; the fourth goes.
    expect(recent.map((d) => existsSync(d))).toEqual([true, true, true, false].slice(0, PRUNE_KEEP_PER_KIND + 1));
    expect(removed.sort()).toEqual([join(cache, 'guest', 'apt'), legacy, stale, recent[3]!].sort());
  });

  it('keeps everything used within the last hour, however many, and ignores work folders', async () => {
    const cache = join(work, 'b');
    const dirs = [1, 2, 3, 4, 5].map((m) => entry(cache, 'initramfs', String(m).repeat(32), m * 60_000));
    mkdirSync(join(cache, 'guest', 'kernel', 'amd64-0123456789abcdef-01234567.partial-1-ab'), { recursive: true });
    expect(await pruneGuestCache(cache, [], { now })).toEqual([]);
    expect(dirs.every((d) => existsSync(d))).toBe(true);
  });
});
