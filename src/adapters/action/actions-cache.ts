import * as cache from '@actions/cache';
import type { RemoteCache } from '../../core/host.js';

/**
 * Whether a cache service is there. @github/local-action's stub of @actions/cache has no
 * isFeatureAvailable, and its restore/save throw unless both of its folders are set.
 */
function cacheAvailable(env: NodeJS.ProcessEnv = process.env): boolean {
  if (typeof cache.isFeatureAvailable === 'function') return cache.isFeatureAvailable();
  return Boolean(env.LOCAL_ACTION_CACHE_PATH && env.LOCAL_ACTION_WORKSPACE);
}

/**
 * GitHub's Actions cache behind the RemoteCache port: exact keys only (no restore-key
 * prefixes: a near match of an install prefix is a different QEMU). Unavailable caches
 * (GHES without the service, local runs of the action) behave as empty.
 */
export const actionsRemoteCache: RemoteCache = {
  async restore(key, dir) {
    if (!cacheAvailable()) return false;
    return (await cache.restoreCache([dir], key, [])) === key;
  },
  async save(key, dir) {
    if (!cacheAvailable()) return;
    await cache.saveCache([dir], key);
  },
};
