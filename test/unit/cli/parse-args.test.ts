import { describe, expect, it } from 'vitest';
import { helpText, parseCliArgs } from '../../../src/adapters/cli/parse-args.js';
import { exitCodeForVerdict } from '../../../src/adapters/cli/run-cli.js';
import { formatError, UsageError } from '../../../src/core/errors.js';
import { INPUTS } from '../../../src/config/inputs.js';

describe('parseCliArgs', () => {
  it('has a flag for every action input', () => {
    for (const input of INPUTS) {
      if ('cli' in input && input.cli === false) continue; // the command (`mode`) and merge's arguments
      const value = input.type === 'lines' ? ['x'] : 'x';
      const cmd = parseCliArgs(['run', `--${input.name}`, 'x']);
      expect(cmd).toMatchObject({ kind: 'run', inputs: { [input.name]: value } });
    }
  });

  it('collects repeated --fault after --faults lines', () => {
    const cmd = parseCliArgs(['run', '--faults', 'a.b=fail', '--fault', 'c=off', '--fault', 'd=rate:5']);
    expect(cmd).toEqual({ kind: 'run', inputs: { faults: ['a.b=fail', 'c=off', 'd=rate:5'] }, quiet: false });
  });

  it('rejects unknown flags and stray arguments with a usage error and a hint', () => {
    expect(() => parseCliArgs(['run', '--tiemout', '5s'])).toThrow(UsageError);
    try {
      parseCliArgs(['run', '--tiemout', '5s']);
    } catch (err) {
      expect(formatError(err)).toMatch(/error: Unknown option '--tiemout'[\s\S]*hint: run `qfi --help`/);
    }
    expect(() => parseCliArgs(['run', 'extra'])).toThrow(/unexpected argument "extra"/);
    expect(() => parseCliArgs(['launch'])).toThrow(/unknown command "launch"/);
  });

  it('shows help without a command, and lists every input', () => {
    expect(parseCliArgs([])).toEqual({ kind: 'help' });
    for (const input of INPUTS) {
      if ('cli' in input && input.cli === false) expect(helpText()).not.toContain(`--${input.name} `);
      else expect(helpText()).toContain(`--${input.name}`);
    }
  });
});

describe('campaign commands', () => {
  it('takes plan, campaign and merge; merge takes its folders as arguments', () => {
    expect(parseCliArgs(['plan', '--points', 'a.b', '--actions', 'fail'])).toEqual({ kind: 'plan', inputs: { points: ['a.b'], actions: ['fail'] }, quiet: false });
    expect(parseCliArgs(['campaign', '--shard', '2/3', '--plan-file', 'p.json', '-q'])).toEqual({ kind: 'campaign', inputs: { shard: '2/3', 'plan-file': 'p.json' }, quiet: true });
    expect(parseCliArgs(['merge', 'a', 'b', '--results-dir', 'm'])).toEqual({ kind: 'merge', inputs: { 'merge-from': ['a', 'b'], 'results-dir': 'm' }, quiet: false });
    expect(() => parseCliArgs(['campaign', 'stray'])).toThrow(/unexpected argument "stray"/);
    expect(() => parseCliArgs(['run', '--mode', 'plan'])).toThrow(/Unknown option '--mode'/);
  });
});

describe('exitCodeForVerdict', () => {
  it('follows 0 pass, 1 test failed, 3 infra', () => {
    expect(exitCodeForVerdict('pass', true)).toBe(0);
    for (const v of ['fail', 'panic', 'hang', 'boot-timeout'] as const) expect(exitCodeForVerdict(v, true)).toBe(1);
    expect(exitCodeForVerdict('infra-error', true)).toBe(3);
    expect(exitCodeForVerdict('fail', false)).toBe(0);
    expect(exitCodeForVerdict('infra-error', false)).toBe(3);
  });
});
