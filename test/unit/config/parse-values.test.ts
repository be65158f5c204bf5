import { describe, expect, it } from 'vitest';
import { closestMatch } from '../../../src/config/closest-match.js';
import {
  MAX_DURATION_MS,
  ValueProblem,
  checkArtifactName,
  checkMemory,
  checkScenarioName,
  durationFromSeconds,
  parseBool,
  parseDecimalInt,
  parseDuration,
  scenarioNameFrom,
} from '../../../src/config/parse-values.js';
import { thrownBy } from '../../helpers/thrown.js';

const problemOf = (fn: () => unknown): ValueProblem => thrownBy(fn, ValueProblem);

describe('parseDuration', () => {
  it.each([
    ['500ms', 500],
    ['90s', 90_000],
    ['10m', 600_000],
    ['1h', 3_600_000],
    ['1m30s', 90_000],
    ['1h2m3s4ms', 3_723_004],
    [' 2m ', 120_000],
    ['45', 45_000],
  ])('%s is %d ms', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it.each(['10x', '', 's', '1.5s', '-5s', '30s1m', '1m1m', '10 m', '1d', 'ms'])('rejects %j naming the units', (text) => {
    const problem = problemOf(() => parseDuration(text));
    expect(problem.message).toBe(`bad duration ${JSON.stringify(text)}: units are ms, s, m, h`);
    expect(problem.hint).toMatch(/`500ms`, `90s`, `10m`, `1h`/);
  });

  it('rejects zero and durations Node timers cannot hold', () => {
    expect(problemOf(() => parseDuration('0s')).message).toMatch(/longer than zero/);
    expect(parseDuration(`${MAX_DURATION_MS}ms`)).toBe(MAX_DURATION_MS);
    expect(problemOf(() => parseDuration('600h')).message).toMatch(/too long: at most 24 days/);
  });

  it('reads a TOML integer as seconds', () => {
    expect(durationFromSeconds(90n)).toBe(90_000);
    expect(problemOf(() => durationFromSeconds(0n)).message).toMatch(/longer than zero/);
    expect(problemOf(() => durationFromSeconds(10n ** 30n)).message).toMatch(/too long/);
  });
});

describe('parseBool', () => {
  it.each([
    ['true', true],
    ['TRUE', true],
    ['yes', true],
    ['1', true],
    ['False', false],
    ['no', false],
    ['0', false],
  ])('%s is %s', (text, value) => {
    expect(parseBool(text)).toBe(value);
  });

  it('rejects anything else', () => {
    const problem = problemOf(() => parseBool('on'));
    expect(problem.message).toBe('expected true or false, got "on"');
    expect(problem.hint).toMatch(/`true` or `false`/);
  });
});

describe('parseDecimalInt', () => {
  it('reads decimals in range', () => {
    expect(parseDecimalInt('4294967295', 0, 2 ** 32 - 1)).toBe(4294967295);
    expect(parseDecimalInt(' 7 ', 1, 64)).toBe(7);
  });

  it('rejects non-decimals and out-of-range values', () => {
    expect(problemOf(() => parseDecimalInt('0x10', 1, 64)).message).toBe('expected a whole number from 1 to 64, got "0x10"');
    expect(problemOf(() => parseDecimalInt('65', 1, 64)).message).toBe('65 is out of range: expected 1 to 64');
    expect(problemOf(() => parseDecimalInt('4294967296', 0, 2 ** 32 - 1)).message).toMatch(/out of range/);
  });
});

describe('checkMemory', () => {
  it.each(['256M', '1G', '512', '65536K', '1T'])('accepts %s', (text) => {
    expect(checkMemory(text)).toBe(text);
  });

  it.each(['256MB', '0', '1.5G', '256m', ' ', 'G'])('rejects the syntax of %j', (text) => {
    expect(problemOf(() => checkMemory(text)).message).toBe(`bad memory size ${JSON.stringify(text)}`);
  });

  it('requires at least 64M', () => {
    expect(checkMemory('64M')).toBe('64M');
    expect(problemOf(() => checkMemory('63')).message).toBe('memory 63 is too small: at least 64M');
    expect(problemOf(() => checkMemory('65535K')).message).toMatch(/too small/);
  });
});

describe('names', () => {
  it('checks scenario names', () => {
    expect(checkScenarioName('alloc-smoke_1.2')).toBe('alloc-smoke_1.2');
    expect(problemOf(() => checkScenarioName('has space')).hint).toMatch(/letters, digits/);
    expect(() => checkScenarioName('x'.repeat(65))).toThrow(ValueProblem);
  });

  it('derives a valid scenario name from any file name', () => {
    expect(scenarioNameFrom('rustos')).toBe('rustos');
    expect(scenarioNameFrom('my config (1)')).toBe('my-config-1-');
    expect(scenarioNameFrom('')).toBe('qfi');
    expect(scenarioNameFrom('y'.repeat(100))).toHaveLength(64);
  });

  it('checks artifact names against what GitHub rejects', () => {
    expect(checkArtifactName('qfi-results-x86_64')).toBe('qfi-results-x86_64');
    expect(problemOf(() => checkArtifactName('a/b')).message).toBe('artifact name "a/b" contains "/", which GitHub does not allow');
    expect(() => checkArtifactName('  ')).toThrow(/empty/);
  });
});

describe('closestMatch', () => {
  it('suggests likely typos only', () => {
    expect(closestMatch('boot_timout', ['command', 'boot_timeout', 'timeout'])).toBe('boot_timeout');
    expect(closestMatch('tiemout', ['command', 'timeout'])).toBe('timeout');
    expect(closestMatch('Memory', ['memory', 'cpus'])).toBe('memory');
    expect(closestMatch('banana', ['command', 'timeout'])).toBeUndefined();
  });
});
