import { describe, expect, it, vi } from 'vitest';

// Adapter test: the only place @actions/* is mocked.
const calls: string[] = [];
vi.mock('@actions/core', () => ({
  info: (m: string) => calls.push(`info ${m}`),
  warning: (m: string) => calls.push(`warning ${m}`),
  error: (m: string) => calls.push(`error ${m}`),
  debug: (m: string) => calls.push(`debug ${m}`),
  group: async <T>(title: string, fn: () => Promise<T>) => {
    calls.push(`::group::${title}`);
    try {
      return await fn();
    } finally {
      calls.push('::endgroup::');
    }
  },
}));

describe('actionsLogger', () => {
  it('opens one GitHub group at a time: inner and concurrent groups become heading lines', async () => {
    const { actionsLogger } = await import('../../../src/adapters/action/action-host.js');
    await actionsLogger.group('Provision', async () => {
      await Promise.all([
        actionsLogger.group('Build QEMU', async () => actionsLogger.info('building')),
        actionsLogger.group('Built-in guest', async () => actionsLogger.info('cached')),
      ]);
    });
    await actionsLogger.group('Run', async () => actionsLogger.info('ran'));
    expect(calls).toEqual([
      '::group::Provision',
      'info ▸ Build QEMU',
      'info building',
      'info ▸ Built-in guest',
      'info cached',
      '::endgroup::',
      '::group::Run',
      'info ran',
      '::endgroup::',
    ]);
  });
});
