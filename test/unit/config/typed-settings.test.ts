import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../../src/config/index.js';
import { tempDir } from './temp-files.js';

describe('settings parsed once, to typed values', () => {
  it('an input becomes its typed value, and the reproducer repeats it as text', async () => {
    const cwd = tempDir();
    const { config } = await resolveConfig({
      inputs: {
        command: 'x',
        shard: ' 2 / 5 ',
        'snapshot-at': 'time:1m30s',
        regions: ['ram', 'dma=0x1000-0x2000'],
        points: ['storage.read actions=fail,fail-after:2'],
      },
      cwd,
    });
    expect(config.campaign.shard).toEqual({ index: 2, count: 5 });
    expect(config.campaign.snapshotAt).toEqual({ kind: 'time', ms: 90_000 });
    expect(config.campaign.regions).toEqual([{ name: 'ram' }, { name: 'dma', ranges: '0x1000-0x2000' }]);
    expect(config.campaign.points).toEqual([{ point: 'storage.read', actions: ['fail', 'fail-after:2'] }]);
    expect(config.reproducerArgs).toEqual(
      expect.arrayContaining([
        '--shard',
        '2/5',
        '--snapshot-at',
        'time:1m30s',
        '--regions',
        'dma=0x1000-0x2000',
        '--points',
        'storage.read actions=fail,fail-after:2',
      ]),
    );
  });

  it('[[guest.disks]] and [[guest.files]] tables become the same specs as input lines', async () => {
    const cwd = tempDir({
      'qfi.toml': '[test]\ncommand = "x"\n[[guest.disks]]\nid = "data"\nsize = "64M"\n[[guest.files]]\npath = "tool"\ndest = "/usr/bin/tool"\nmode = "0755"\n',
      tool: '#!/bin/sh\n',
    });
    const fromFile = (await resolveConfig({ inputs: {}, cwd })).config;
    const fromInputs = (await resolveConfig({ inputs: { disks: 'id=data size=64M', files: 'path=tool dest=/usr/bin/tool mode=0755' }, cwd })).config;
    expect(fromFile.guest.disks).toEqual([
      { id: 'data', path: undefined, sizeBytes: 64 * 2 ** 20, format: 'raw', readOnly: false, boot: false, snapshot: false },
    ]);
    expect(fromFile.guest.files).toEqual([{ path: `${cwd}/tool`, dest: '/usr/bin/tool', mode: 0o755 }]);
    expect(fromInputs.guest).toMatchObject({ disks: fromFile.guest.disks, files: fromFile.guest.files });
    expect(fromInputs.reproducerArgs).toEqual(
      expect.arrayContaining([
        '--disks',
        `id=data size=${64 * 2 ** 20} format=raw`,
        '--files',
        `path=${JSON.stringify(`${cwd}/tool`)} dest="/usr/bin/tool" mode=0755`,
      ]),
    );
  });

  it('pass-exit-codes is a list of codes, repeated as written', async () => {
    const { config } = await resolveConfig({
      inputs: { kernel: 'k', agent: 'none', 'exit-device': 'isa-debug-exit', 'pass-exit-codes': '0, 3-5' },
      cwd: tempDir({ k: '' }),
    });
    expect(config.test.passExitCodes).toEqual([0, 3, 4, 5]);
    expect(config.reproducerArgs).toEqual(expect.arrayContaining(['--pass-exit-codes', '0, 3-5']));
  });
});
