/**
 * Snapshot trials: which region each trial flips in, and (once the golden runs have counted
 * the test's instructions) exactly what it flips and when. Everything random comes from the
 * trial's seed, so a trial id and the campaign seed repeat it.
 */
import type { CampaignSettings } from '../../config/types.js';
import type { Scenario } from '../model.js';
import { idLabel, trialLabel } from '../scenario-ids.js';
import type { ResolvedRegion } from './regions.js';

/** Trial i (1-based) flips in region i mod R: every region gets the same number of trials, ±1. */
export function planSnapshotTrials(settings: Pick<CampaignSettings, 'regions' | 'repeat'>, seed: number): Scenario[] {
  const regions = settings.regions;
  return Array.from({ length: settings.repeat }, (_, k): Scenario => {
    const trial = k + 1;
    const region = regions[k % regions.length]!.name;
    return { id: `flip-${idLabel(region)}-${trialLabel(trial, settings.repeat)}`, point: region, action: 'flip', rules: [], seed: (seed + k) >>> 0, trial };
  });
}

const MASK64 = (1n << 64n) - 1n;

/** splitmix64: a small, well-mixed generator; the same numbers on every platform. */
function* splitmix64(seed: number): Generator<bigint> {
  let state = BigInt(seed) & MASK64;
  for (;;) {
    state = (state + 0x9e3779b97f4a7c15n) & MASK64;
    let z = state;
    z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & MASK64;
    z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & MASK64;
    yield z ^ (z >> 31n);
  }
}

const below = (n: bigint, bound: bigint): bigint => n % bound;

/**
 * The rule a trial runs: one bit flipped just before instruction K, K uniform over the golden
 * runs' instructions (counted from the restored state). RAM regions leave the address and bit
 * to the plugin, seeded with the trial's seed; registers are chosen here.
 */
export function trialRule(trialSeed: number, region: ResolvedRegion, goldenInstructions: number): string {
  const random = splitmix64(trialSeed);
  const at = 1n + below(random.next().value, BigInt(Math.max(1, goldenInstructions)));
  if (region.kind === 'ram') return `mem.flip[ranges=${region.ranges} at=insn:${at}]=fail`;
  const reg = region.registers[Number(below(random.next().value, BigInt(region.registers.length)))]!;
  const bit = below(random.next().value, reg === 'eflags' ? 32n : 64n);
  return `reg.flip[reg=${reg} mask=0x${(1n << bit).toString(16)} at=insn:${at}]=fail`;
}
