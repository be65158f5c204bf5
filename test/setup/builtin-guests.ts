/**
 * Unit tests that read the real guest kernel and busybox (test/unit/guest/real-kernel.ts) find
 * them in the default cache. This makes sure they are there: both built-in guests, from Debian's
 * archive (a warm cache costs a few milliseconds, a cold one a ~55 MB download). Offline, the
 * tests that need them skip and say why.
 */
import { localCacheDir } from '../../src/core/cache-dir.js';
import { silentLogger } from '../../src/core/host.js';
import { ensureBuiltinGuest } from '../../src/provision/guest/index.js';

export default async function setup(): Promise<void> {
  for (const arch of ['x86_64', 'aarch64'] as const) {
    try {
      await ensureBuiltinGuest({ cacheDir: localCacheDir(), log: silentLogger, arch });
    } catch (err) {
      console.warn(`test setup: no ${arch} built-in guest in the cache (${(err as Error).message}); the unit tests that read it skip`);
    }
  }
}
