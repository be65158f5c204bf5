import * as cache from '@actions/cache';
import type { RemoteCache } from '../../core/host.js';

/**
 * GitHub's Actions cache behind the RemoteCache port: exact keys only (no restore-key
 * prefixes: a near match of an install prefix is a different QEMU). Unavailable caches
 * (GHES without the service, local runs of the action) behave as empty.
 */
export const actionsRemoteCache: RemoteCache = {
  async restore(key, dir) {
    if (!cache.isFeatureAvailable()) return false;
    return (await cache.restoreCache([dir], key, [])) === key;
  },
  async save(key, dir) {
    if (!cache.isFeatureAvailable()) return;
    await cache.saveCache([dir], key);
  },
};
