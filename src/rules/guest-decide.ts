/**
 * What a guest runtime decides for one call of a fault point: qfi's reference model of the
 * rule semantics for guest points. The built-in guest's `qfi-fault` (guest/qfi-fault.sh)
 * implements exactly this, and test/unit/guest runs both on the same vectors.
 */
import type { Rule } from './model.js';

export interface PointCounts {
  /** Calls so far, this one included once decided. */
  calls: number;
  /** Calls that were failed. */
  fails: number;
}

export interface CallDecision {
  fail: boolean;
  /** delay-ms: sleep this long, then carry on. */
  delayMs: number;
  /** The point's counts after this call. */
  after: PointCounts;
}

/** FNV-1a over bytes, 32 bits. */
function fnv(h: number, bytes: Iterable<number>): number {
  for (const b of bytes) h = Math.imul(h ^ b, 16777619) >>> 0;
  return h;
}

const leBytes = (n: number): number[] => [n & 255, (n >>> 8) & 255, (n >>> 16) & 255, (n >>> 24) & 255];

/**
 * rate:N fails a call when this is below N: a hash of the point name, the seed and the
 * 1-based call number, mod 1000. Chosen so shell arithmetic (64-bit signed) computes it
 * exactly: every multiplier is below 2^31.
 */
export function guestRateHash(point: string, seed: number, call: number): number {
  let h = fnv(2166136261, Buffer.from(point, 'utf8'));
  h = fnv(h, leBytes(seed >>> 0));
  h = fnv(h, leBytes(call >>> 0));
  h = (h ^ (h >>> 16)) >>> 0;
  h = Math.imul(h, 0x7feb352d) >>> 0;
  h = (h ^ (h >>> 15)) >>> 0;
  h = Math.imul(h, 0x2c1b3c6d) >>> 0;
  h = (h ^ (h >>> 16)) >>> 0;
  return h % 1000;
}

/** One call of `point` under `rule` (undefined: no rule for it). */
export function decideGuestCall(rule: Rule | undefined, point: string, before: PointCounts, seed: number): CallDecision {
  const calls = before.calls + 1;
  let fail = false;
  let delayMs = 0;
  const action = rule?.action;
  switch (action?.kind) {
    case 'fail':
      fail = true;
      break;
    case 'drop-every':
      fail = calls % action.n === 0;
      break;
    case 'fail-after':
      fail = calls > action.n;
      break;
    case 'rate':
      fail = guestRateHash(point, seed, calls) < action.perMille;
      break;
    case 'delay-ms':
      delayMs = action.ms;
      break;
    case 'off':
    case undefined:
      break;
  }
  if (rule?.params?.once === 'true' && before.fails >= 1) fail = false;
  return { fail, delayMs, after: { calls, fails: before.fails + (fail ? 1 : 0) } };
}

/** The rule that fails exactly the k-th call (1-based) of a point: fail-nth sweeps use it. */
export function nthCallRule(point: string, params: Record<string, string> | undefined, k: number): Rule {
  return { point, params: { ...params, once: 'true' }, action: { kind: 'fail-after', n: k - 1 } };
}
