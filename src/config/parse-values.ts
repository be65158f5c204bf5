/**
 * Parsers for the value kinds users type: durations, booleans, integers, memory sizes,
 * names. Each throws a ValueProblem (what is wrong + how to fix it); the caller knows
 * where the value came from and turns it into a located ConfigError.
 */

export { ValueProblem } from '../core/value-problem.js';
export { MAX_DURATION_MS, durationFromSeconds, parseDuration } from '../core/duration.js';
import { ValueProblem } from '../core/value-problem.js';

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
