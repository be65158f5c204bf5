/**
 * Parsers for the value kinds users type: durations, booleans, integers, memory sizes,
 * names. Each throws a ValueProblem (what is wrong + how to fix it); the caller knows
 * where the value came from and turns it into a located ConfigError.
 */

export class ValueProblem extends Error {
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'ValueProblem';
  }
}

/** Node timers fire at once for longer delays, so no timeout may exceed this. */
export const MAX_DURATION_MS = 2 ** 31 - 1;

const DURATION_UNITS = [
  ['h', 3_600_000],
  ['m', 60_000],
  ['s', 1_000],
  ['ms', 1],
] as const;

const DURATION_HINT =
  'write a whole number with a unit: `500ms`, `90s`, `10m`, `1h`, or combined largest unit first like `1m30s` ' +
  '(a bare number means seconds)';

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

/** `true/false`, `yes/no`, `1/0`, any case. */
export function parseBool(text: string): boolean {
  const lower = text.trim().toLowerCase();
  if (lower === 'true' || lower === 'yes' || lower === '1') return true;
  if (lower === 'false' || lower === 'no' || lower === '0') return false;
  throw new ValueProblem(`expected true or false, got ${JSON.stringify(text)}`, 'write `true` or `false` (`yes`/`no` and `1`/`0` also work)');
}

/** A decimal integer within [min, max]. */
export function parseDecimalInt(text: string, min: number, max: number): number {
  const trimmed = text.trim();
  if (!/^-?[0-9]+$/.test(trimmed)) {
    throw new ValueProblem(`expected a whole number from ${min} to ${max}, got ${JSON.stringify(text)}`, 'write decimal digits only, like `42`');
  }
  return checkIntRange(BigInt(trimmed), min, max);
}

export function checkIntRange(value: bigint, min: number, max: number): number {
  if (value < BigInt(min) || value > BigInt(max)) {
    throw new ValueProblem(`${value} is out of range: expected ${min} to ${max}`, `pick a whole number from ${min} to ${max}`);
  }
  return Number(value);
}

const MEMORY_UNITS_MIB: Record<string, number> = { K: 1 / 1024, M: 1, G: 1024, T: 1024 * 1024 };
const MIN_MEMORY_MIB = 64;

/** QEMU's -m syntax limited to what we vouch for: `512` (MiB), `256M`, `1G`; at least 64M. */
export function checkMemory(text: string): string {
  const trimmed = text.trim();
  const match = /^([1-9][0-9]*)([KMGT]?)$/.exec(trimmed);
  if (!match) {
    throw new ValueProblem(
      `bad memory size ${JSON.stringify(text)}`,
      'write a number with an optional unit K, M, G or T, like `256M` or `1G` (a bare number is MiB)',
    );
  }
  const mib = Number(match[1]) * (MEMORY_UNITS_MIB[match[2] || 'M'] ?? 1);
  if (mib < MIN_MEMORY_MIB) {
    throw new ValueProblem(`memory ${trimmed} is too small: at least 64M`, 'the built-in guest needs at least `64M`; `256M` is the default');
  }
  return trimmed;
}

const NAME = /^[A-Za-z0-9._-]{1,64}$/;

/** Scenario names become file names and JUnit suite names. */
export function checkScenarioName(text: string): string {
  if (!NAME.test(text)) {
    throw new ValueProblem(
      `bad name ${JSON.stringify(text)}: it names artifacts and JUnit suites`,
      'use 1 to 64 letters, digits, `.`, `_` or `-`, like `alloc-smoke`',
    );
  }
  return text;
}

/** A scenario name made from a file name: invalid characters become `-`. */
export function scenarioNameFrom(base: string): string {
  const cleaned = base.replace(/[^A-Za-z0-9._-]+/g, '-').slice(0, 64);
  return cleaned === '' ? 'qfi' : cleaned;
}

/** The characters upload-artifact rejects in artifact names. */
export function checkArtifactName(text: string): string {
  const bad = /["':<>|*?\r\n\\/]/.exec(text);
  if (bad || text.trim() === '') {
    throw new ValueProblem(
      bad ? `artifact name ${JSON.stringify(text)} contains ${JSON.stringify(bad[0])}, which GitHub does not allow` : 'artifact name is empty',
      'leave out " : < > | * ? \\ / and line breaks, like `qfi-alloc-smoke`',
    );
  }
  return text;
}
