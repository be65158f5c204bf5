import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { helpText, parseCliArgs } from '../../../src/adapters/cli/parse-args.js';
import { exitCodeForVerdict } from '../../../src/adapters/cli/run-cli.js';
import { formatError, UsageError } from '../../../src/core/errors.js';
import { INPUTS, type RawInputs } from '../../../src/config/inputs.js';
import { resolveConfig } from '../../../src/config/index.js';
import { reproducerLine } from '../../../src/config/reproducer-args.js';
import { tempDir } from '../config/temp-files.js';
import { thrownBy } from '../../helpers/thrown.js';
import { sameSettings } from '../../helpers/same-settings.js';

const usageErrorOf = (fn: () => unknown): UsageError => thrownBy(fn, UsageError);

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
    expect(cmd).toEqual({ kind: 'run', inputs: { faults: ['a.b=fail', 'c=off', 'd=rate:5'] }, quiet: false, summarizeLog: false });
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
    expect(parseCliArgs(['plan', '--points', 'a.b', '--actions', 'fail'])).toEqual({
      kind: 'plan',
      inputs: { points: ['a.b'], actions: ['fail'] },
      quiet: false,
      summarizeLog: false,
    });
    expect(parseCliArgs(['campaign', '--shard', '2/3', '--plan-file', 'p.json', '-q'])).toEqual({
      kind: 'campaign',
      inputs: { shard: '2/3', 'plan-file': 'p.json' },
      quiet: true,
      summarizeLog: false,
    });
    expect(parseCliArgs(['merge', 'a', 'b', '--results-dir', 'm'])).toEqual({
      kind: 'merge',
      inputs: { 'merge-from': ['a', 'b'], 'results-dir': 'm' },
      quiet: false,
      summarizeLog: false,
    });
    expect(() => parseCliArgs(['campaign', 'stray'])).toThrow(/unexpected argument "stray"/);
    expect(() => parseCliArgs(['run', '--mode', 'plan'])).toThrow(/Unknown option '--mode'/);
  });
});

describe("RustOS's runner command line", () => {
  const rustos = ['run', '--fault', 'alloc.frame=fail-after:3', '--timeout', '35', '--summarize-log', '--', '--no-reboot'];

  it('parses as it is: the fault, the timeout, the summary flag, and what follows `--` as QEMU arguments', () => {
    expect(parseCliArgs(rustos)).toEqual({
      kind: 'run',
      inputs: { faults: ['alloc.frame=fail-after:3'], timeout: '35', 'qemu-trailing-args': ['--no-reboot'] },
      quiet: false,
      summarizeLog: true,
    });
  });

  it('passes everything after the first bare `--` on as typed, flags, `--` and `=` included', () => {
    const cmd = parseCliArgs(['run', '-q', '--command=--', '--', '-no-reboot', '--help', '-m', '512', '--', '--results-dir=x', 'run']);
    expect(cmd).toEqual({
      kind: 'run',
      inputs: { command: '--', 'qemu-trailing-args': ['-no-reboot', '--help', '-m', '512', '--', '--results-dir=x', 'run'] },
      quiet: true,
      summarizeLog: false,
    });
    expect(parseCliArgs(['run', '--'])).toEqual({ kind: 'run', inputs: {}, quiet: false, summarizeLog: false });
  });

  it('resolves to QEMU arguments after qemu-args, and to a reproducer that repeats them last, after `--`', async () => {
    const cwd = tempDir({ 'qfi.toml': '[test]\ncommand = "true"\n[qemu]\nextra_args = ["-smp", "1"]\n' });
    const cmd = parseCliArgs([...rustos, '--results-dir', '-rtc']);
    expect(cmd.kind).toBe('run');
    const { config } = await resolveConfig({ inputs: (cmd as { inputs: RawInputs }).inputs, cwd });
    expect(config.qemu.extraArgs).toEqual(['-smp', '1', '--no-reboot', '--results-dir', '-rtc']);
    expect(config.test.overallTimeoutMs).toBe(35_000);
    expect(config.reproducerArgs.slice(-4)).toEqual(['--', '--no-reboot', '--results-dir', '-rtc']);
    // The one-line reproducer drops qfi's --results-dir, never a QEMU argument spelled like it.
    expect(reproducerLine(config.reproducerArgs)).toBe(
      `qfi run --config ${join(cwd, 'qfi.toml')} --timeout 35 --seed ${config.faults.seed} --fault alloc.frame=fail-after:3 -- --no-reboot --results-dir -rtc`,
    );
    const again = parseCliArgs(['run', ...config.reproducerArgs]) as { inputs: RawInputs };
    expect(sameSettings((await resolveConfig({ inputs: again.inputs, cwd })).config)).toEqual(sameSettings(config));
  });

  it('takes `--` for qtest and reproduce, which run QEMU, and refuses it for merge, which runs none', () => {
    expect(parseCliArgs(['qtest', 'a.qtest', '--', '-rtc', 'base=utc'])).toMatchObject({
      kind: 'qtest',
      inputs: { 'qtest-script': ['a.qtest'], 'qemu-trailing-args': ['-rtc', 'base=utc'] },
    });
    expect(parseCliArgs(['reproduce', 'qfi-results', '--summarize-log', '--', '-no-reboot'])).toEqual({
      kind: 'reproduce',
      path: 'qfi-results',
      scenario: undefined,
      inputs: { 'qemu-trailing-args': ['-no-reboot'] },
      quiet: false,
      summarizeLog: true,
    });
    expect(parseCliArgs(['campaign', '--', '-no-reboot'])).toMatchObject({ kind: 'campaign', inputs: { 'qemu-trailing-args': ['-no-reboot'] } });
    const merge = usageErrorOf(() => parseCliArgs(['merge', 'a', 'b', '--', '-no-reboot']));
    expect(formatError(merge)).toMatch(/error: qfi merge runs no QEMU, so it takes no QEMU arguments after `--`\nhint: drop `--` and what follows it/);
    // A stray argument before `--` is still one, and the hint says where QEMU's go.
    expect(formatError(usageErrorOf(() => parseCliArgs(['run', '-no-reboot-typo', '--', 'x'])))).toMatch(/Unknown option '-n'/);
    expect(formatError(usageErrorOf(() => parseCliArgs(['run', 'extra', '--', 'x'])))).toMatch(/unexpected argument "extra"[\s\S]*after a bare `--`/);
  });

  it('refuses a QEMU argument that would not reach QEMU as typed', () => {
    for (const arg of ['', ' ', ' -no-reboot', 'console=ttyS0 ', 'a\nb']) {
      const err = usageErrorOf(() => parseCliArgs(['run', '--', '-append', arg]));
      expect(err.message).toBe(
        `QEMU argument ${JSON.stringify(arg)} after \`--\` cannot be passed on as it is: qfi passes each one without blanks around it and without newlines`,
      );
      expect(formatError(err)).toMatch(/hint: .*qemu\.extra_args/);
    }
    expect(parseCliArgs(['run', '--', '-append', 'console=ttyS0 quiet'])).toMatchObject({
      inputs: { 'qemu-trailing-args': ['-append', 'console=ttyS0 quiet'] },
    });
  });

  it('prints the summary for every command that writes one, and refuses it for plan, whose stdout is the matrix', () => {
    for (const kind of ['run', 'campaign', 'merge', 'qtest'] as const)
      expect(parseCliArgs([kind, '--summarize-log'])).toMatchObject({ kind, summarizeLog: true });
    expect(formatError(usageErrorOf(() => parseCliArgs(['plan', '--summarize-log'])))).toMatch(
      /error: qfi plan has no summary to print: its stdout is the matrix JSON alone\nhint: drop --summarize-log/,
    );
    expect(helpText()).toMatch(/--summarize-log +At the end, print the results' summary\.md on stdout/);
    expect(helpText()).toMatch(/^ {2}-- +Everything after a bare -- goes to QEMU as it is/m);
  });

  it('takes a bare number as seconds for every duration flag', async () => {
    const cwd = tempDir();
    const cmd = parseCliArgs(['run', '--command', 'true', '--boot-timeout', '35', '--test-timeout', '7', '--timeout', '90', '--trial-timeout', '4']) as {
      inputs: RawInputs;
    };
    const { config } = await resolveConfig({ inputs: cmd.inputs, cwd });
    expect([config.test.bootTimeoutMs, config.test.testTimeoutMs, config.test.overallTimeoutMs, config.campaign.trialTimeoutMs]).toEqual([
      35_000, 7_000, 90_000, 4_000,
    ]);
    // Every duration input is among these four: a new one needs its own line above.
    expect(INPUTS.filter((i) => i.type === 'duration').map((i) => i.name)).toEqual(['boot-timeout', 'test-timeout', 'timeout', 'trial-timeout']);
    expect(helpText()).toMatch(/a bare number is seconds \(--timeout 35\)/);
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
