import { beforeEach, describe, expect, it, vi } from 'vitest';

// Adapter test: @actions/cache is mocked in the shape @github/local-action's stub has:
// restoreCache and saveCache only. Its module namespace has no isFeatureAvailable, which reads as
// undefined there; vitest's mock throws on a missing export instead, so it is undefined here.
const calls = vi.hoisted(() => [] as string[]);
vi.mock('@actions/cache', () => ({
  isFeatureAvailable: undefined,
  restoreCache: async (_paths: string[], key: string) => (calls.push(`restore ${key}`), key),
  saveCache: async (_paths: string[], key: string) => (calls.push(`save ${key}`), 1),
}));

const { actionsRemoteCache } = await import('../../../src/adapters/action/actions-cache.js');

describe('the remote cache under a cache stub without isFeatureAvailable', () => {
  beforeEach(() => {
    calls.length = 0;
  });

  it('is empty, without calling the stub, unless its two folders are set', async () => {
    vi.stubEnv('LOCAL_ACTION_CACHE_PATH', '');
    vi.stubEnv('LOCAL_ACTION_WORKSPACE', '/tmp');
    expect(await actionsRemoteCache.restore('qemu-10.2.2-x', '/tmp/x')).toBe(false);
    await actionsRemoteCache.save('qemu-10.2.2-x', '/tmp/x');
    expect(calls).toEqual([]);
  });

  it('uses the stub once both are set', async () => {
    vi.stubEnv('LOCAL_ACTION_CACHE_PATH', '/tmp/cache');
    vi.stubEnv('LOCAL_ACTION_WORKSPACE', '/tmp');
    expect(await actionsRemoteCache.restore('qemu-10.2.2-x', '/tmp/x')).toBe(true);
    await actionsRemoteCache.save('qemu-10.2.2-x', '/tmp/x');
    expect(calls).toEqual(['restore qemu-10.2.2-x', 'save qemu-10.2.2-x']);
  });
});
