import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../../src/config/index.js';
import { inputSpec, isInputName, type RawInputs } from '../../../src/config/inputs.js';
import { ConfigError, formatError } from '../../../src/core/errors.js';
import type { ResolvedConfig } from '../../../src/config/types.js';
import { DEFAULT_RULES_FW_CFG_NAME, printRule } from '../../../src/rules/index.js';
import { tempDir } from './temp-files.js';
import { sameSettings } from '../../helpers/same-settings.js';

const RUSTOS_FIXTURE = fileURLToPath(new URL('../../fixtures/config/rustos.toml', import.meta.url));

async function resolveError(inputs: RawInputs, cwd: string): Promise<ConfigError> {
  try {
    await resolveConfig({ inputs, cwd });
  } catch (err) {
    if (err instanceof ConfigError) return err;
    throw err;
  }
  throw new Error('expected a ConfigError');
}

/** What the CLI adapter does with reproducer flags: `--fault` and repeated lines flags collect into lines. */
function argsToInputs(args: readonly string[]): RawInputs {
  const inputs: Record<string, string | string[]> = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    const eq = arg.indexOf('=');
    const name = (eq > 0 ? arg.slice(2, eq) : arg.slice(2)).replace(/^fault$/, 'faults');
    const value = eq > 0 ? arg.slice(eq + 1) : (args[++i] ?? '');
    if (!isInputName(name)) throw new Error(`not an input: ${arg}`);
    if (inputSpec(name).type === 'lines') inputs[name] = [...((inputs[name] as string[] | undefined) ?? []), value];
    else inputs[name] = value;
  }
  return inputs;
}

function withRustos(files: Record<string, string> = {}): string {
  const dir = tempDir(files);
  mkdirSync(join(dir, 'config'), { recursive: true });
  copyFileSync(RUSTOS_FIXTURE, join(dir, 'config/rustos.toml'));
  return dir;
}

describe('resolveConfig defaults', () => {
  it('fills every default when only the command is given', async () => {
    const cwd = tempDir();
    const { config, warnings } = await resolveConfig({ inputs: { command: 'make check' }, cwd });
    expect(warnings).toEqual([]);
    expect(config).toEqual({
      configFile: undefined,
      name: 'qfi',
      qemu: {
        binary: 'auto',
        accel: 'auto',
        extraArgs: [],
        version: '10.2.2',
        sha256: undefined,
        source: undefined,
        targets: ['x86_64-softmmu'],
        configureFlags: [],
        patches: [],
        installDeps: false,
        icount: false,
        plugin: undefined,
        pluginArgs: [],
      },
      machine: { arch: 'x86_64', type: undefined, cpu: undefined, memory: '256M', cpus: 1, network: 'none' },
      guest: { kernel: undefined, initrd: undefined, append: '', disks: [], bios: undefined, files: [], agent: 'qfi' },
      test: {
        command: 'make check',
        bootTimeoutMs: 60_000,
        testTimeoutMs: 600_000,
        overallTimeoutMs: 720_000,
        successMarker: undefined,
        failureMarker: undefined,
        exitDevice: 'none',
        passExitCodes: [0],
      },
      faults: { enabled: true, rules: [], fwCfgName: DEFAULT_RULES_FW_CFG_NAME, seed: expect.any(Number), requireFired: false },
      report: { dir: join(cwd, 'qfi-results'), artifactName: undefined, upload: true, failOnVerdict: true },
      reproducerArgs: ['--command', 'make check', '--seed', String(config.faults.seed)],
      // No config file and no workflow (GITHUB_WORKFLOW_REF) here: nothing in the repository to point at.
      sources: { main: undefined, command: undefined, resultsFile: undefined, rules: {} },
      campaign: {
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
        regions: [{ name: 'kernel-code' }, { name: 'kernel-data' }, { name: 'ram' }, { name: 'registers' }],
        snapshotAt: { kind: 'start' },
        trialTimeoutMs: undefined,
      },
      qtest: { scripts: [], devices: [] },
      locations: { command: { input: 'command' } },
    });
  });

  it('picks a random seed in range each run, and records it', async () => {
    const cwd = tempDir();
    const seeds = new Set<number>();
    for (let i = 0; i < 5; i++) {
      const { config } = await resolveConfig({ inputs: { command: 'x' }, cwd });
      expect(Number.isInteger(config.faults.seed) && config.faults.seed >= 0 && config.faults.seed <= 2 ** 32 - 1).toBe(true);
      expect(config.reproducerArgs.slice(-2)).toEqual(['--seed', String(config.faults.seed)]);
      seeds.add(config.faults.seed);
    }
    expect(seeds.size).toBeGreaterThan(1);
  });

  it('reads qfi.toml from the working directory when present, naming the scenario after it', async () => {
    const cwd = tempDir({ 'qfi.toml': '[test]\ncommand = "make check"\n' });
    const { config } = await resolveConfig({ inputs: {}, cwd });
    expect(config.configFile).toBe(join(cwd, 'qfi.toml'));
    expect(config.name).toBe('qfi');
    expect(config.test.command).toBe('make check');
    expect(config.reproducerArgs).toEqual(['--config', join(cwd, 'qfi.toml'), '--seed', String(config.faults.seed)]);
  });

  it("treats empty inputs (the action's unset inputs) as not given", async () => {
    const cwd = tempDir({ 'alloc smoke.toml': '[test]\ncommand = "x"\ntimeout = "2m"\n' });
    const empty = Object.fromEntries(['seed', 'timeout', 'test-timeout', 'accel', 'memory', 'kernel', 'name'].map((n) => [n, '']));
    const { config } = await resolveConfig({ inputs: { ...empty, config: 'alloc smoke.toml', faults: ['', '  '] }, cwd });
    expect(config.test.testTimeoutMs).toBe(120_000);
    expect(config.name).toBe('alloc-smoke');
    expect(config.faults.rules).toEqual([]);
  });
});

describe('resolveConfig precedence', () => {
  it('takes an input over the file, and the file over the default', async () => {
    const cwd = tempDir({
      'qfi.toml': [
        '[test]',
        'command = "from-file"',
        'timeout = "5m"',
        'boot_timeout = 30',
        '[machine]',
        'cpus = 2',
        'memory = "1G"',
        '[report]',
        'fail_on_verdict = false',
        'upload = false',
        'name = "file-name"',
      ].join('\n'),
    });
    const { config } = await resolveConfig({ inputs: { 'test-timeout': '7m', memory: '512M', 'fail-on-verdict': 'YES', 'upload-artifacts': '' }, cwd });
    expect(config.test).toMatchObject({ command: 'from-file', bootTimeoutMs: 30_000, testTimeoutMs: 420_000, overallTimeoutMs: 510_000 });
    expect(config.machine).toEqual({ arch: 'x86_64', memory: '512M', cpus: 2, network: 'none' });
    expect(config.report.failOnVerdict).toBe(true);
    expect(config.report.upload).toBe(false);
    expect(config.name).toBe('file-name');
    expect(config.qemu.accel).toBe('auto');
  });

  it("resolves file paths from the config file's folder and input paths from the working directory", async () => {
    const cwd = tempDir({
      'ci/qfi.toml': '[test]\ncommand = "x"\n[guest]\nkernel = "bzImage"\nagent = "qemu-guest-agent"\n[report]\ndir = "out"\n[qemu]\nbinary = "qemu-prefix"\n',
      'ci/bzImage': 'k',
      'ci/qemu-prefix/bin/qemu-system-x86_64': '#!/bin/sh\n',
      'initrd.cpio': 'i',
    });
    const { config } = await resolveConfig({ inputs: { config: 'ci/qfi.toml', initrd: 'initrd.cpio', 'results-dir': 'res' }, cwd });
    expect(config.guest).toEqual({
      kernel: join(cwd, 'ci/bzImage'),
      initrd: join(cwd, 'initrd.cpio'),
      append: '',
      disks: [],
      bios: undefined,
      files: [],
      agent: 'qemu-guest-agent',
    });
    expect(config.report.dir).toBe(join(cwd, 'res'));
    expect(config.qemu.binary).toBe(join(cwd, 'ci/qemu-prefix'));
    expect(config.reproducerArgs).toEqual([
      '--config',
      join(cwd, 'ci/qfi.toml'),
      '--initrd',
      join(cwd, 'initrd.cpio'),
      '--results-dir',
      join(cwd, 'res'),
      '--seed',
      String(config.faults.seed),
    ]);
  });

  it('adds qemu-trailing-args after the QEMU arguments of the file or of qemu-args, without replacing them', async () => {
    const cwd = tempDir({ 'qfi.toml': '[test]\ncommand = "x"\n[qemu]\nextra_args = ["-smp", "sockets=1"]\n' });
    const fromFile = await resolveConfig({ inputs: { 'qemu-trailing-args': '-no-reboot\n-rtc\nbase=utc' }, cwd });
    expect(fromFile.config.qemu.extraArgs).toEqual(['-smp', 'sockets=1', '-no-reboot', '-rtc', 'base=utc']);
    const fromInput = await resolveConfig({ inputs: { 'qemu-args': ['-m', '512'], 'qemu-trailing-args': ['-no-reboot'] }, cwd });
    expect(fromInput.config.qemu.extraArgs).toEqual(['-m', '512', '-no-reboot']);
    expect(fromInput.config.reproducerArgs.slice(-2)).toEqual(['--', '-no-reboot']);
  });

  it('computes the overall timeout from boot + test + 60s, and warns when a given one is shorter', async () => {
    const cwd = tempDir();
    const computed = await resolveConfig({ inputs: { command: 'x', 'boot-timeout': '30s', 'test-timeout': '1m' }, cwd });
    expect(computed.config.test.overallTimeoutMs).toBe(150_000);
    const short = await resolveConfig({ inputs: { command: 'x', timeout: '5m' }, cwd });
    expect(short.config.test.overallTimeoutMs).toBe(300_000);
    expect(short.warnings).toEqual([
      'timeout (input timeout) is shorter than boot-timeout + test-timeout, so a slow run is cut off by the overall timeout before its test timeout is reached',
    ]);
  });
});

describe('resolveConfig errors', () => {
  it('locates a bad input value as `input <name>` with a hint', async () => {
    const err = await resolveError({ command: 'x', 'test-timeout': '10x' }, tempDir());
    expect(formatError(err)).toBe(
      'input test-timeout: error: bad duration "10x": units are ms, s, m, h\n' +
        'hint: write a whole number with a unit: `500ms`, `90s`, `10m`, `1h`, or combined largest unit first like `1m30s` (a bare number means seconds)',
    );
  });

  it('reports every bad input at once', async () => {
    const err = await resolveError({ command: 'x', seed: '-1', accel: 'hvf', 'faults-enabled': 'maybe', cpus: '0' }, tempDir());
    expect(err.message.split('\n').filter((l) => !l.includes('hint:'))).toEqual([
      '4 problems in the configuration:',
      '  input faults-enabled: expected true or false, got "maybe"',
      '  input seed: -1 is out of range: expected 0 to 4294967295',
      '  input accel: "hvf" is not one of auto, kvm, tcg',
      '  input cpus: 0 is out of range: expected 1 to 64',
    ]);
    expect(err.location).toEqual({ input: 'faults-enabled' });
  });

  it('asks for the command, showing both ways to give it', async () => {
    const noFile = await resolveError({}, tempDir());
    expect(formatError(noFile)).toBe(
      'input command: error: no test command given: qfi needs to know what to run (the built-in agent runs it in the guest)\n' +
        'hint: add `command = "make check"` under [test] in qfi.toml, or pass it as an input (action: `with: command: make check`; CLI: `--command "make check"`)',
    );
    const withFile = await resolveError({}, tempDir({ 'qfi.toml': '[machine]\ncpus = 2\n' }));
    expect(formatError(withFile)).toMatch(/^qfi\.toml: error: no test command given/);
  });

  it('does not also call a setting missing when it is written but invalid', async () => {
    const badType = await resolveError({}, tempDir({ 'qfi.toml': '[test]\ncommand = ["make"]\n' }));
    expect(badType.message).toBe('test.command must be a string, found an array');
    const noFile = await resolveError({ config: 'missing.toml' }, tempDir());
    expect(noFile.message).toMatch(/^config file missing\.toml does not exist$/);
    const badKernel = await resolveError({ kernel: 'nope', initrd: 'i' }, tempDir({ i: '' }));
    expect(badKernel.message).toMatch(/^kernel "nope" does not exist/);
  });

  it('rejects an initrd without a kernel, at the initrd', async () => {
    const cwd = tempDir({ 'qfi.toml': '[test]\ncommand = "x"\n[guest]\ninitrd = "rootfs.cpio"\n', 'rootfs.cpio': '' });
    const err = await resolveError({}, cwd);
    expect(formatError(err)).toBe(
      [
        'qfi.toml:4:10: error: initrd given without a kernel',
        '4 | initrd = "rootfs.cpio"',
        '  |          ^',
        'hint: also give `kernel` (the initrd is booted with it), or drop `initrd` to use the built-in guest',
      ].join('\n'),
    );
    const fromInput = await resolveError({ command: 'x', initrd: 'rootfs.cpio' }, cwd);
    expect(fromInput.location).toEqual({ input: 'initrd' });
  });

  it('reports file and input problems together', async () => {
    const cwd = tempDir({ 'qfi.toml': '[test]\ncommand = "x"\nboot_timout = "1m"\n' });
    const err = await resolveError({ memory: '1MB' }, cwd);
    expect(err.message).toMatch(
      /^2 problems in the configuration:\n {2}qfi\.toml:3:1: unknown key `boot_timout` in \[test\]\n[^]*\n {2}input memory: bad memory size "1MB"/,
    );
  });

  it('refuses inputs that are not in the table', async () => {
    await expect(resolveConfig({ inputs: { fault: 'a=fail' } as RawInputs, cwd: tempDir() })).rejects.toThrow(/^unknown input fault$/);
  });

  it('names a missing config file and the input that gave it', async () => {
    const err = await resolveError({ config: 'nope.toml', command: 'x' }, tempDir());
    expect(formatError(err)).toMatch(/^input config: error: config file .*nope\.toml does not exist\nhint: /);
  });

  it('checks QEMU paths and prefixes', async () => {
    const cwd = tempDir({ 'prefix/share/x': '' });
    expect((await resolveConfig({ inputs: { command: 'x', qemu: 'system' }, cwd })).config.qemu.binary).toBe('system');
    const missing = await resolveError({ command: 'x', qemu: 'qemu-system-x86_64' }, cwd);
    expect(missing.message).toMatch(/^QEMU "qemu-system-x86_64" does not exist/);
    expect(missing.hint).toMatch(/`system` \(qemu-system-<arch> on PATH\)/);
    const prefix = await resolveError({ command: 'x', qemu: 'prefix' }, cwd);
    expect(prefix.message).toBe(`QEMU install prefix ${join(cwd, 'prefix')} has no bin/qemu-system-x86_64`);
    expect(prefix.location).toEqual({ input: 'qemu' });
  });

  it('validates the fw_cfg name', async () => {
    const err = await resolveError({ command: 'x', 'rules-fw-cfg-name': 'etc/rules' }, tempDir());
    expect(err.message).toBe('bad fw_cfg name "etc/rules": expected a name starting with `opt/`');
    expect(err.location).toMatchObject({ input: 'rules-fw-cfg-name', column: 1 });
  });
});

describe('resolveConfig fault rules', () => {
  it('merges the file rules then the input rules, the last rule for a point winning', async () => {
    const cwd = tempDir({
      'qfi.toml': '[test]\ncommand = "x"\n[fault_injection]\nrules = ["alloc.frame=fail-after:3", "block.read=drop-every:4"]\nseed = 7\n',
    });
    const { config } = await resolveConfig({ inputs: { faults: 'block.read = fail\n# comment\n\nnet.tx=rate:5' }, cwd });
    expect(config.faults.rules.map(printRule)).toEqual(['alloc.frame=fail-after:3', 'block.read=fail', 'net.tx=rate:5']);
    expect(config.faults.seed).toBe(7);
    expect(config.reproducerArgs).toEqual(['--config', join(cwd, 'qfi.toml'), '--seed', '7', '--fault', 'block.read=fail', '--fault', 'net.tx=rate:5']);
  });

  it('locates a bad input rule by its line in `faults`', async () => {
    const err = await resolveError({ command: 'x', faults: ['alloc.frame=fail', 'block.read=drop-every:0'] }, tempDir());
    expect(formatError(err)).toBe(
      [
        'input faults: error: bad rule "block.read=drop-every:0": drop-every fails every Nth call, expected N in 1..4294967295',
        '2 | block.read=drop-every:0',
        `  | ${' '.repeat(22)}^`,
        `hint: ${err.hint}`,
      ].join('\n'),
    );
    expect(err.location).toMatchObject({ input: 'faults', line: 2, column: 23 });
  });

  it("reads RustOS's config/rustos.toml as is through rules-file, ignoring its other tables", async () => {
    const cwd = withRustos({
      'qfi.toml': [
        '[test]',
        'command = "cargo xtask test"',
        '[fault_injection]',
        'rules_file = "config/rustos.toml"',
        'fw_cfg_name = "opt/rustos/fault-injection"',
        'rules = ["block.write=fail"]',
      ].join('\n'),
    });
    const { config } = await resolveConfig({ inputs: { faults: ['net.tx=fail'] }, cwd });
    expect(config.faults).toEqual({
      enabled: true,
      rules: [
        // The guest's own rules file: its block.read is RustOS's point, never a host rule.
        { point: 'alloc.frame', action: { kind: 'fail-after', n: 3 }, guest: true },
        { point: 'block.read', action: { kind: 'drop-every', n: 4 }, guest: true },
        { point: 'block.write', action: { kind: 'fail' } },
        { point: 'virtio-gpu.control.submit', action: { kind: 'off' }, guest: true },
        { point: 'net.tx', action: { kind: 'fail' } },
      ],
      fwCfgName: 'opt/rustos/fault-injection',
      seed: expect.any(Number),
      requireFired: false,
    });
  });

  it('takes rules-file from an input, relative to the working directory', async () => {
    const cwd = withRustos();
    const { config } = await resolveConfig({ inputs: { command: 'x', 'rules-file': 'config/rustos.toml' }, cwd });
    expect(config.faults.rules.map(printRule).slice(0, 2)).toEqual(['alloc.frame=fail-after:3', 'block.read=drop-every:4']);
    expect(config.reproducerArgs.slice(0, 4)).toEqual(['--command', 'x', '--rules-file', join(cwd, 'config/rustos.toml')]);
  });

  it('reads another table with rules-table, quoted segments allowed', async () => {
    const cwd = tempDir({ 'pyproject.toml': '[tools.qfi]\nenabled = true\nrules = ["a.b=fail"]\nother = 1\n' });
    const { config } = await resolveConfig({ inputs: { command: 'x', 'rules-file': 'pyproject.toml', 'rules-table': 'tools."qfi"' }, cwd });
    expect(config.faults.rules).toEqual([{ point: 'a.b', action: { kind: 'fail' }, guest: true }]);
  });

  it('warns that rules-table alone has no effect', async () => {
    const { warnings } = await resolveConfig({ inputs: { command: 'x', 'rules-table': 'tools.qfi' }, cwd: tempDir() });
    expect(warnings).toEqual(['rules-table (input rules-table) has no effect without rules-file']);
  });

  it('names the file and the table path when the table is missing', async () => {
    const cwd = withRustos();
    const err = await resolveError({ command: 'x', 'rules-file': 'config/rustos.toml', 'rules-table': 'tools.qfi' }, cwd);
    expect(formatError(err)).toBe(
      'config/rustos.toml (input rules-table): error: table [tools.qfi] not found in config/rustos.toml\n' +
        'hint: set rules-table to the table that holds `rules = [...]`; tables in this file: [logging], [logging.categories], [fault_injection], [kernel], [kernel.build]',
    );
  });

  it('points a bad rule in the rules file at its line and column', async () => {
    const cwd = tempDir({
      'rustos.toml': '[kernel.build]\nopt_level = "2"\n\n[fault_injection]\nenabled = true\nrules = [\n    "alloc.frame=fail-after:x",\n]\n',
    });
    const err = await resolveError({ command: 'x', 'rules-file': 'rustos.toml' }, cwd);
    expect(err.location).toMatchObject({ file: 'rustos.toml', line: 7, column: 29, sourceLine: '    "alloc.frame=fail-after:x",' });
    expect(err.message).toMatch(/^bad rule "alloc\.frame=fail-after:x": expected an unsigned decimal number/);
  });

  it('delivers no rules when disabled, and warns about faults given anyway', async () => {
    const cwd = tempDir({ 'qfi.toml': '[test]\ncommand = "x"\n[fault_injection]\nenabled = false\nrules = ["alloc.frame=fail"]\n' });
    const { config, warnings } = await resolveConfig({ inputs: { faults: 'block.read=fail' }, cwd });
    expect(config.faults.enabled).toBe(false);
    expect(config.faults.rules).toEqual([]);
    expect(warnings).toEqual(['fault injection is disabled (faults-enabled = false at qfi.toml:4:11), so the 1 rule(s) given in `faults` are not delivered']);
    const quiet = await resolveConfig({ inputs: {}, cwd });
    expect(quiet.warnings).toEqual([]);
    const enabled = await resolveConfig({ inputs: { 'faults-enabled': 'true' }, cwd });
    expect(enabled.config.faults.rules.map(printRule)).toEqual(['alloc.frame=fail']);
  });

  it("honours the rules file's own `enabled`, below qfi.toml and inputs", async () => {
    const rustos = readFileSync(RUSTOS_FIXTURE, 'utf8').replace('enabled = true\nrules', 'enabled = false\nrules');
    const cwd = tempDir({ 'rustos.toml': rustos });
    const off = await resolveConfig({ inputs: { command: 'x', 'rules-file': 'rustos.toml' }, cwd });
    expect(off.config.faults).toMatchObject({ enabled: false, rules: [] });
    const on = await resolveConfig({ inputs: { command: 'x', 'rules-file': 'rustos.toml', 'faults-enabled': '1' }, cwd });
    expect(on.config.faults.rules).toHaveLength(4);
  });
});

describe('reproducerArgs', () => {
  it('re-runs the same scenario: same rules, seed and settings, from any folder', async () => {
    const cwd = withRustos({
      'qfi.toml': '[test]\ncommand = "x"\n[fault_injection]\nrules_file = "config/rustos.toml"\nrules = ["block.write=fail"]\n',
      vmlinuz: 'k',
    });
    const inputs: RawInputs = {
      faults: ['alloc.frame = rate:5', 'net.rx=delay-ms:10'],
      'qemu-args': '-device\nvirtio-rng-pci\n-smp sockets=1',
      'test-timeout': '1m30s',
      kernel: 'vmlinuz',
      'upload-artifacts': 'no',
      append: 'console=ttyS0 quiet',
    };
    const first = await resolveConfig({ inputs, cwd });
    expect(first.config.reproducerArgs).toEqual([
      '--config',
      join(cwd, 'qfi.toml'),
      '--qemu-args=-device',
      '--qemu-args',
      'virtio-rng-pci',
      '--qemu-args=-smp sockets=1',
      '--kernel',
      join(cwd, 'vmlinuz'),
      '--append',
      'console=ttyS0 quiet',
      '--test-timeout',
      '1m30s',
      '--upload-artifacts',
      'false',
      '--seed',
      String(first.config.faults.seed),
      '--fault',
      'alloc.frame=rate:5',
      '--fault',
      'net.rx=delay-ms:10',
    ]);
    const again = await resolveConfig({ inputs: argsToInputs(first.config.reproducerArgs), cwd });
    expect(sameSettings(again.config)).toEqual(sameSettings(first.config));
    // Elsewhere only the results folder moves: it defaults to the working directory.
    const elsewhere = tempDir();
    const moved = await resolveConfig({ inputs: argsToInputs(first.config.reproducerArgs), cwd: elsewhere });
    const { sources, ...settings } = moved.config;
    expect(sameSettings(settings as ResolvedConfig)).toEqual({
      ...sameSettings(first.config),
      sources: undefined,
      report: { ...first.config.report, dir: join(elsewhere, 'qfi-results') },
    });
    // Reports point into the workspace only: the config is outside this one.
    expect(sources.main).toBeUndefined();
    // Rules from the files keep their lines; one an input overrode leaves none behind.
    expect(first.config.sources.rules['block.write=fail']).toEqual({ file: 'qfi.toml', line: 5 });
    expect(first.config.sources.rules['block.read=drop-every:4']).toEqual({ file: 'config/rustos.toml', line: 22 });
    expect(Object.keys(first.config.sources.rules)).not.toContain('alloc.frame=fail-after:3');
    expect(Object.keys(first.config.sources.rules)).not.toContain('block.write=off');
    expect(first.config.sources.command).toEqual({ file: 'qfi.toml', line: 2 });
  });

  it('round-trips any rules, seed and timeouts (property)', async () => {
    const cwd = tempDir({ 'qfi.toml': '[test]\ncommand = "x"\n[fault_injection]\nrules = ["alloc.frame=fail"]\n' });
    const point = fc.array(fc.stringMatching(/^[a-z_][a-z0-9_-]{0,5}$/), { minLength: 1, maxLength: 3 }).map((parts) => parts.join('.'));
    const action = fc.oneof(
      fc.constantFrom('off', 'fail'),
      fc.integer({ min: 1, max: 2 ** 32 - 1 }).map((n) => `drop-every:${n}`),
      fc.integer({ min: 0, max: 1000 }).map((n) => `rate:${n}`),
      fc.integer({ min: 0, max: 10_000 }).map((n) => ` delay-ms : ${n} `),
    );
    const rule = fc.tuple(point, action).map(([p, a]) => `${p}=${a}`);
    await fc.assert(
      fc.asyncProperty(
        fc.array(rule, { maxLength: 5 }),
        fc.option(fc.integer({ min: 0, max: 2 ** 32 - 1 }), { nil: undefined }),
        fc.option(fc.constantFrom('500ms', '90s', '1h', '2m30s'), { nil: undefined }),
        async (faults, seed, bootTimeout) => {
          const inputs: RawInputs = { faults };
          if (seed !== undefined) inputs.seed = String(seed);
          if (bootTimeout !== undefined) inputs['boot-timeout'] = bootTimeout;
          const first = await resolveConfig({ inputs, cwd });
          if (seed !== undefined) expect(first.config.faults.seed).toBe(seed);
          const again = await resolveConfig({ inputs: argsToInputs(first.config.reproducerArgs), cwd });
          expect(again.config.faults).toEqual(first.config.faults);
          expect(sameSettings(again.config)).toEqual(sameSettings(first.config));
        },
      ),
      { numRuns: 100 },
    );
  });
});
