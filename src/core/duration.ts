/** Durations as users type them (`90s`, `1m30s`): timeouts in the config, `after=`/`for=` in host rules. */
import { ValueProblem } from './value-problem.js';

/** Node timers fire at once for longer delays, so no timeout may exceed this. */
export const MAX_DURATION_MS = 2 ** 31 - 1;

const DURATION_UNITS = [
  ['h', 3_600_000],
  ['m', 60_000],
  ['s', 1_000],
  ['ms', 1],
] as const;

const DURATION_HINT =
  'write a whole number with a unit: `500ms`, `90s`, `10m`, `1h`, or combined largest unit first like `1m30s` ' + '(a bare number means seconds)';

/** `500ms`, `90s`, `10m`, `1h`, `1m30s`, or a bare number of seconds -> milliseconds. */
export function parseDuration(text: string): number {
  const trimmed = text.trim();
  const bad = () => new ValueProblem(`bad duration ${JSON.stringify(text)}: units are ms, s, m, h`, DURATION_HINT);
  let ms: number;
  if (/^[0-9]+$/.test(trimmed)) ms = Number(trimmed) * 1000;
  else {
    const parts = [...trimmed.matchAll(/([0-9]+)(ms|h|m|s)/g)];
    if (parts.length === 0 || parts.map((p) => p[0]).join('') !== trimmed) throw bad();
    ms = 0;
    let lastUnit = -1;
    for (const [, digits, unit] of parts) {
      const index = DURATION_UNITS.findIndex(([u]) => u === unit);
      // Each unit once, largest first, so `30s1m` or `1m1m` is not silently accepted.
      if (index <= lastUnit) throw bad();
      lastUnit = index;
      ms += Number(digits) * (DURATION_UNITS[index]?.[1] ?? 0);
    }
  }
  return checkDurationRange(ms, text);
}

/** A TOML integer duration is seconds. */
export function durationFromSeconds(seconds: bigint): number {
  if (seconds > BigInt(MAX_DURATION_MS)) return checkDurationRange(Number.MAX_SAFE_INTEGER, String(seconds));
  return checkDurationRange(Number(seconds) * 1000, String(seconds));
}

function checkDurationRange(ms: number, text: string): number {
  if (ms <= 0) throw new ValueProblem(`duration ${JSON.stringify(text)} must be longer than zero`, DURATION_HINT);
  if (!Number.isSafeInteger(ms) || ms > MAX_DURATION_MS) {
    throw new ValueProblem(`duration ${JSON.stringify(text)} is too long: at most 24 days`, 'timeouts are for one run; pick something like `30m` or `2h`');
  }
  return ms;
}
