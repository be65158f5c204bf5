import { describe, expect, it } from 'vitest';
import type { CampaignSettings } from '../../../src/config/types.js';
import { planScenarios, shardScenarios, toMatrix } from '../../../src/campaign/plan-scenarios.js';
import { idLabel, uniqueIds } from '../../../src/campaign/scenario-ids.js';
import type { PlannedPoint } from '../../../src/campaign/model.js';
import { parsePointLine } from '../../../src/config/point-spec.js';

function settings(over: Partial<CampaignSettings> = {}): CampaignSettings {
  return {
    kind: 'matrix',
    points: [],
    actions: ['fail'],
    repeat: 1,
    failNthMax: 100,
    recheck: 2,
    maxJobs: 256,
    shard: undefined,
    scenario: undefined,
    planFile: undefined,
    history: undefined,
    mergeFrom: [],
    regions: [],
    snapshotAt: { kind: 'start' },
    trialTimeoutMs: undefined,
    ...over,
  };
}
const points = (...names: string[]): PlannedPoint[] => names.map((point) => ({ point, source: 'config', calls: undefined }));

describe('planScenarios', () => {
  it('makes one scenario per point and action, in order, with readable unique ids', () => {
    const { scenarios } = planScenarios(settings({ actions: ['fail', 'fail-after:2'] }), points('storage.read', 'storage.write', 'net.tx'), 7);
    expect(scenarios.map((s) => s.id)).toEqual([
      'storage.read-fail',
      'storage.read-fail-after-2',
      'storage.write-fail',
      'storage.write-fail-after-2',
      'net.tx-fail',
      'net.tx-fail-after-2',
    ]);
    expect(scenarios[1]).toEqual({
      id: 'storage.read-fail-after-2',
      point: 'storage.read',
      action: 'fail-after:2',
      rules: ['storage.read=fail-after:2'],
      seed: 7,
    });
  });

  it("uses a point's own actions over the campaign's", () => {
    const s = settings({ points: [parsePointLine('storage.read actions=drop-every:3')], actions: ['fail'] });
    const { scenarios } = planScenarios(s, points('storage.read', 'net.tx'), 1);
    expect(scenarios.map((x) => x.rules[0])).toEqual(['storage.read=drop-every:3', 'net.tx=fail']);
  });

  it('repeats with seed + trial - 1 and padded trial ids (chaos)', () => {
    const { scenarios } = planScenarios(settings({ kind: 'chaos', actions: ['rate:100'], repeat: 10 }), points('a.b'), 4294967290);
    expect(scenarios).toHaveLength(10);
    expect(scenarios[0]).toMatchObject({ id: 'a.b-rate-100-t01', trial: 1, seed: 4294967290 });
    expect(scenarios[9]).toMatchObject({ id: 'a.b-rate-100-t10', trial: 10, seed: 3 }); // wraps at 2^32
  });

  it('sweeps every call of a point for fail-nth, bounded by fail-nth-max, and says what it left out', () => {
    const planned: PlannedPoint[] = [
      { point: 'storage.read', source: 'probe', calls: 3 },
      { point: 'block.read[disk=data]', source: 'config', calls: 250 },
      { point: 'net.tx', source: 'probe', calls: 0 },
      { point: 'x.y', source: 'config', calls: undefined },
    ];
    const { scenarios, notes } = planScenarios(settings({ kind: 'fail-nth', failNthMax: 4 }), planned, 9);
    expect(scenarios.map((s) => [s.id, s.rules[0], s.nth])).toEqual([
      ['storage.read-nth-1', 'storage.read[once=true]=fail-after:0', 1],
      ['storage.read-nth-2', 'storage.read[once=true]=fail-after:1', 2],
      ['storage.read-nth-3', 'storage.read[once=true]=fail-after:2', 3],
      ['block.read.disk-data-nth-1', 'block.read[disk=data once=true]=fail-after:0', 1],
      ['block.read.disk-data-nth-2', 'block.read[disk=data once=true]=fail-after:1', 2],
      ['block.read.disk-data-nth-3', 'block.read[disk=data once=true]=fail-after:2', 3],
      ['block.read.disk-data-nth-4', 'block.read[disk=data once=true]=fail-after:3', 4],
    ]);
    expect(notes).toEqual([
      'block.read[disk=data]: called 250 times in the golden run; calls 1..4 swept (fail-nth-max)',
      'net.tx: never called in the golden run, so there is nothing to sweep',
      'x.y: the golden run did not report how often it was called, so there is nothing to sweep',
    ]);
  });
});

describe('scenario ids', () => {
  it('are valid artifact and suite names, at most 64 characters, and unique', () => {
    expect(idLabel('mem.flip[addr=0x100000 at=insn:5 mask=0x8]=fail')).toBe('mem.flip.addr-0x100000-at-insn-5-mask-0x8-fail');
    const long = 'a'.repeat(80);
    const ids = uniqueIds([long, `${long}b`, 'x', 'x', 'x']);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9._-]{1,64}$/);
    expect(new Set(ids).size).toBe(5);
    expect(ids.slice(2)).toEqual(['x', 'x-2', 'x-3']);
  });
});

describe('shards and the matrix', () => {
  const many = (n: number) => planScenarios(settings({ repeat: n }), points('a.b'), 1).scenarios;

  it('gives every scenario to exactly one shard', () => {
    const all = many(10);
    const shards = [1, 2, 3].map((index) => shardScenarios(all, { index, count: 3 }));
    expect(shards.map((s) => s.length)).toEqual([4, 3, 3]);
    expect(
      shards
        .flat()
        .map((s) => s.id)
        .sort(),
    ).toEqual(all.map((s) => s.id).sort());
  });

  it('has one job per scenario up to max-jobs, named by the scenario', () => {
    const m = toMatrix(many(3), 256);
    expect(m).toEqual({
      include: [
        { id: 'a.b-fail-t1', shard: '1/3' },
        { id: 'a.b-fail-t2', shard: '2/3' },
        { id: 'a.b-fail-t3', shard: '3/3' },
      ],
    });
  });

  it("stays within GitHub's 256 jobs by sharding", () => {
    const m = toMatrix(many(1000), 256);
    expect(m.include).toHaveLength(256);
    expect(m.include[0]).toEqual({ id: 'shard-1-of-256', shard: '1/256' });
    expect(toMatrix(many(5), 2).include).toEqual([
      { id: 'shard-1-of-2', shard: '1/2' },
      { id: 'shard-2-of-2', shard: '2/2' },
    ]);
  });
});
