import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePointLine, printPointLine } from '../../../src/config/point-spec.js';
import { resolveConfig } from '../../../src/config/index.js';
import { formatError } from '../../../src/core/errors.js';

describe('points lines', () => {
  it('reads a point, its parameters and its own actions, canonically', () => {
    expect(parsePointLine('storage.read')).toEqual({ point: 'storage.read', actions: undefined });
    expect(parsePointLine('  block.read[errno=EIO disk=data]   actions = fail , fail-after: 2 ')).toEqual({
      point: 'block.read[disk=data errno=EIO]',
      actions: ['fail', 'fail-after:2'],
    });
    expect(printPointLine(parsePointLine('a.b actions=rate:5'))).toBe('a.b actions=rate:5');
  });

  it('refuses what would make a bad rule, saying why', () => {
    expect(() => parsePointLine('a..b')).toThrow(/bad rule/);
    expect(() => parsePointLine('a.b actions=explode')).toThrow(/unknown action|explode/);
    expect(() => parsePointLine('a.b fail')).toThrow(/expected `actions=...`/);
    expect(() => parsePointLine('block.read[disk=data once=maybe]')).toThrow(/once must be true or false/);
  });
});

describe('campaign settings in qfi.toml', () => {
  it('reads [campaign] and [[fault_injection.points]] tables', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'qfi-points-'));
    writeFileSync(
      join(cwd, 'qfi.toml'),
      [
        '[test]',
        'command = "true"',
        '[campaign]',
        'kind = "chaos"',
        'repeat = 4',
        'actions = ["rate:250"]',
        '[[fault_injection.points]]',
        'name = "storage.read"',
        '[[fault_injection.points]]',
        'name = "net.tx"',
        'actions = ["drop-every:2"]',
        '',
      ].join('\n'),
    );
    const { config } = await resolveConfig({ inputs: {}, cwd });
    expect(config.campaign).toMatchObject({
      kind: 'chaos',
      repeat: 4,
      actions: ['rate:250'],
      points: [
        { point: 'storage.read', actions: undefined },
        { point: 'net.tx', actions: ['drop-every:2'] },
      ],
    });
  });

  it('points at the bad table entry', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'qfi-points-'));
    writeFileSync(
      join(cwd, 'qfi.toml'),
      ['[test]', 'command = "true"', '[[fault_injection.points]]', 'name = "storage.read"', 'action = ["fail"]', ''].join('\n'),
    );
    const err = await resolveConfig({ inputs: {}, cwd }).catch((e: unknown) => e);
    expect(formatError(err)).toMatch(/qfi\.toml:3:\d+.*unknown point key `action`/s);
  });

  it('checks shard, defaults chaos to rate:100 × 10, and refuses a bad shard', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'qfi-points-'));
    const { config } = await resolveConfig({ inputs: { command: 'x', campaign: 'chaos', shard: ' 2 / 5 ' }, cwd });
    expect(config.campaign).toMatchObject({ actions: ['rate:100'], repeat: 10, shard: { index: 2, count: 5 } });
    const err = await resolveConfig({ inputs: { command: 'x', shard: '6/5' }, cwd }).catch((e: unknown) => e);
    expect(formatError(err)).toMatch(/bad shard "6\/5"[\s\S]*hint: write the shard as i\/N/);
  });
});
