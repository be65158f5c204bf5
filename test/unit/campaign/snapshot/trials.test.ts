import { describe, expect, it } from 'vitest';
import { parseRule } from '../../../../src/rules/index.js';
import { planSnapshotTrials, trialRule } from '../../../../src/campaign/snapshot/trials.js';
import type { ResolvedRegion } from '../../../../src/campaign/snapshot/regions.js';

const ram: ResolvedRegion = { name: 'ram', kind: 'ram', ranges: '0x0-0xa0000;0x100000-0x10000000' };
const registers: ResolvedRegion = { name: 'registers', kind: 'registers', registers: ['rax', 'rbx', 'eflags'] };

describe('planSnapshotTrials', () => {
  it('spreads trials evenly over the regions, seeds seed + i - 1, ids sort in trial order', () => {
    const trials = planSnapshotTrials({ regions: [{ name: 'kernel-code' }, { name: 'ram' }, { name: 'registers' }], repeat: 10 }, 41);
    expect(trials.map((t) => t.id)).toEqual([
      'flip-kernel-code-t01',
      'flip-ram-t02',
      'flip-registers-t03',
      'flip-kernel-code-t04',
      'flip-ram-t05',
      'flip-registers-t06',
      'flip-kernel-code-t07',
      'flip-ram-t08',
      'flip-registers-t09',
      'flip-kernel-code-t10',
    ]);
    expect(trials.map((t) => t.seed)).toEqual([41, 42, 43, 44, 45, 46, 47, 48, 49, 50]);
    expect(trials.filter((t) => t.point === 'kernel-code')).toHaveLength(4);
    expect(new Set(trials.map((t) => t.id)).size).toBe(10);
  });
});

describe('trialRule', () => {
  it('is a valid rule, the same for the same seed, and different across seeds', () => {
    const a = trialRule(7, ram, 1_000_000);
    expect(trialRule(7, ram, 1_000_000)).toBe(a);
    expect(() => parseRule(a)).not.toThrow();
    const rules = new Set(Array.from({ length: 50 }, (_, i) => trialRule(i, ram, 1_000_000)));
    expect(rules.size).toBe(50);
  });

  it("flips within the golden runs' instructions: 1 <= K <= N", () => {
    const at = (rule: string) => Number(/at=insn:(\d+)/.exec(rule)![1]);
    const ks = Array.from({ length: 500 }, (_, seed) => at(trialRule(seed, ram, 1000)));
    expect(Math.min(...ks)).toBeGreaterThanOrEqual(1);
    expect(Math.max(...ks)).toBeLessThanOrEqual(1000);
    // Spread over the whole test, not bunched at one end.
    expect(ks.filter((k) => k <= 500).length).toBeGreaterThan(200);
    expect(ks.filter((k) => k > 500).length).toBeGreaterThan(200);
  });

  it('picks a register and one bit for register regions (eflags: the low 32 bits)', () => {
    const rules = Array.from({ length: 300 }, (_, seed) => trialRule(seed, registers, 5000));
    for (const rule of rules) {
      const m = /^reg\.flip\[reg=(\w+) mask=0x([0-9a-f]+) at=insn:\d+\]=fail$/.exec(rule);
      expect(m, rule).not.toBeNull();
      const mask = BigInt(`0x${m![2]}`);
      expect(mask & (mask - 1n)).toBe(0n); // one bit
      if (m![1] === 'eflags') expect(mask < 1n << 32n).toBe(true);
      expect(() => parseRule(rule)).not.toThrow();
    }
    expect(new Set(rules.map((r) => /reg=(\w+)/.exec(r)![1]))).toEqual(new Set(['rax', 'rbx', 'eflags']));
  });

  it("leaves the RAM address and bit to the plugin, inside the region's ranges", () => {
    expect(trialRule(3, ram, 100)).toMatch(/^mem\.flip\[ranges=0x0-0xa0000;0x100000-0x10000000 at=insn:\d+\]=fail$/);
  });
});
