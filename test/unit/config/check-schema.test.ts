import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONFIG_SCHEMA, checkConfigSchema } from '../../../src/config/check-schema.js';
import { INPUTS } from '../../../src/config/inputs.js';
import { loadToml } from '../../../src/config/load-toml.js';
import { ConfigError, formatError } from '../../../src/core/errors.js';
import { tempDir } from './temp-files.js';

function check(source: string, files: Record<string, string> = {}) {
  const dir = tempDir({ 'qfi.toml': source, ...files });
  return { dir, settings: checkConfigSchema(loadToml({ path: join(dir, 'qfi.toml'), displayPath: 'qfi.toml', what: 'config file' })) };
}

function schemaError(source: string, files: Record<string, string> = {}): ConfigError {
  try {
    check(source, files);
  } catch (err) {
    if (err instanceof ConfigError) return err;
    throw err;
  }
  throw new Error('expected a ConfigError');
}

describe('CONFIG_SCHEMA', () => {
  it('has a key for every input with a TOML path, plus fault_injection.rules', () => {
    const keys = [...CONFIG_SCHEMA].flatMap(([table, ks]) => [...ks.keys()].map((k) => `${table}.${k}`));
    const expected = INPUTS.flatMap((spec) => (spec.toml === undefined ? [] : [spec.toml as string]));
    expect(keys.sort()).toEqual([...expected, 'fault_injection.rules'].sort());
    expect([...CONFIG_SCHEMA.keys()].sort()).toEqual(['campaign', 'fault_injection', 'guest', 'machine', 'qemu', 'qtest', 'report', 'test']);
  });
});

describe('checkConfigSchema', () => {
  it('returns typed values with their locations, and parsed rules', () => {
    const { dir, settings } = check(
      [
        '[test]',
        'command = "make check"',
        'timeout = "1m30s"',
        'boot_timeout = 45',
        '[machine]',
        'cpus = 2',
        'memory = 512',
        '[qemu]',
        'extra_args = ["-device", "virtio-rng-pci"]',
        '[report]',
        'dir = "out"',
        '[fault_injection]',
        'enabled = false',
        'rules = ["alloc.frame=fail-after:3"]',
      ].join('\n'),
    );
    expect(settings.values['command']).toEqual({ value: 'make check', where: { file: 'qfi.toml', line: 2, column: 11, sourceLine: 'command = "make check"' } });
    expect(settings.values['test-timeout']?.value).toBe(90_000);
    expect(settings.values['boot-timeout']?.value).toBe(45_000);
    expect(settings.values['cpus']?.value).toBe(2);
    expect(settings.values['memory']?.value).toBe('512');
    expect(settings.values['qemu-args']?.value).toEqual(['-device', 'virtio-rng-pci']);
    expect(settings.values['results-dir']?.value).toBe(join(dir, 'out'));
    expect(settings.values['faults-enabled']?.value).toBe(false);
    expect(settings.rules).toEqual([{ point: 'alloc.frame', action: { kind: 'fail-after', n: 3 } }]);
  });

  it('reports an unknown key at the key, suggesting the closest known one', () => {
    const err = schemaError('[test]\ncommand = "x"\nboot_timout = "1m"\n');
    expect(formatError(err)).toBe(
      [
        'qfi.toml:3:1: error: unknown key `boot_timout` in [test]',
        '3 | boot_timout = "1m"',
        '  | ^',
        'hint: did you mean `boot_timeout`? known keys in [test]: command, boot_timeout, timeout, overall_timeout, success_marker, failure_marker, exit_device, pass_exit_codes, results_file',
      ].join('\n'),
    );
  });

  it('says where a key that belongs in another table goes', () => {
    const err = schemaError('[qemu]\ncpus = 2\n');
    expect(err.message).toBe('unknown key `cpus` in [qemu]');
    expect(err.hint).toMatch(/^`cpus` belongs in \[machine\]\./);
    const top = schemaError('command = "make"\n');
    expect(formatError(top)).toMatch(
      /^qfi\.toml:1:1: error: unknown key `command` at the top level\n[^]*hint: settings live in tables: put `command` under \[test\]$/,
    );
  });

  it('reports an unknown table with a suggestion', () => {
    const err = schemaError('[machin]\ncpus = 2\n');
    expect(err.location).toMatchObject({ file: 'qfi.toml', line: 1, column: 2 });
    expect(err.message).toBe('unknown table [machin]');
    expect(err.hint).toMatch(/^did you mean \[machine\]\? known tables: \[test\], /);
  });

  it('reports a wrong type at the value', () => {
    const err = schemaError('[machine]\ncpus = "2"\n');
    expect(formatError(err)).toBe(
      ['qfi.toml:2:8: error: machine.cpus must be an integer, found the string "2"', '2 | cpus = "2"', '  |        ^', 'hint: write it like `cpus = 1`'].join(
        '\n',
      ),
    );
    expect(schemaError('[machine]\ncpus = 2.0\n').message).toBe('machine.cpus must be an integer, found the float 2');
    expect(schemaError('test = 3\n').message).toBe('`test` must be a table');
    expect(schemaError('[report]\nupload = "yes"\n').message).toBe('report.upload must be a boolean (true or false), found the string "yes"');
  });

  it('reports a bad array item at the item', () => {
    const err = schemaError('[qemu]\nextra_args = [\n  "-s",\n  2,\n]\n');
    expect(err.message).toBe('qemu.extra_args[1] must be a string, found the integer 2');
    expect(err.location).toMatchObject({ line: 4, column: 3 });
  });

  it('reports bad values: duration, range, enum, memory, name, fw_cfg name', () => {
    const duration = schemaError('[test]\ntimeout = "10x"\n');
    expect(formatError(duration)).toMatch(/^qfi\.toml:2:11: error: test\.timeout: bad duration "10x": units are ms, s, m, h\n/);
    expect(duration.hint).toMatch(/`500ms`, `90s`, `10m`, `1h`/);
    expect(schemaError('[test]\ntimeout = 1.5\n').message).toMatch(
      /must be a duration \(a string like "90s" or an integer number of seconds\), found the float 1.5/,
    );
    expect(schemaError('[machine]\ncpus = 65\n').message).toBe('machine.cpus: 65 is out of range: expected 1 to 64');
    expect(schemaError('[qemu]\naccel = "hvf"\n').message).toBe('qemu.accel: "hvf" is not one of auto, kvm, tcg');
    expect(schemaError('[machine]\nmemory = "32M"\n').message).toBe('machine.memory: memory 32M is too small: at least 64M');
    expect(schemaError('[report]\nname = "a b"\n').message).toMatch(/^report\.name: bad name "a b"/);
    // The fw_cfg name error points inside the string, at the offending character.
    const fw = schemaError('[fault_injection]\nfw_cfg_name = "opt/a,b"\n');
    expect(fw.location).toMatchObject({ file: 'qfi.toml', line: 2, column: 21, sourceLine: 'fw_cfg_name = "opt/a,b"' });
  });

  it('reports a bad rule in a multi-line rules array at the exact column', () => {
    const err = schemaError(['[fault_injection]', 'rules = [', '  "alloc.frame=fail-after:3",', '    "block.read=drop-evry:4",', ']'].join('\n'));
    expect(formatError(err)).toBe(
      [
        'qfi.toml:4:17: error: bad rule "block.read=drop-evry:4": unknown action `drop-evry`, expected one of off, fail, drop-every, fail-after, rate, delay-ms',
        '4 |     "block.read=drop-evry:4",',
        '  |                 ^',
        `hint: ${err.hint}`,
      ].join('\n'),
    );
    expect(err.hint).toMatch(/^did you mean `drop-every`\?/);
    const notString = schemaError('[fault_injection]\nrules = ["a=fail", 3]\n');
    expect(notString.message).toBe('fault_injection.rules[1] must be a rule string, found the integer 3');
    expect(notString.location).toMatchObject({ line: 2, column: 20 });
    expect(schemaError('[fault_injection]\nrules = "a=fail"\n').message).toBe(
      'fault_injection.rules must be an array of rule strings, found the string "a=fail"',
    );
  });

  it('checks that kernel and initrd exist, relative to the config file', () => {
    const { dir, settings } = check('[guest]\nkernel = "boot/bzImage"\n', { 'boot/bzImage': 'k' });
    expect(settings.values['kernel']?.value).toBe(join(dir, 'boot/bzImage'));
    const err = schemaError('[guest]\ninitrd = "missing.cpio"\n');
    expect(err.message).toMatch(/^guest\.initrd: initrd "missing\.cpio" does not exist \(looked at .*missing\.cpio\)$/);
    expect(err.location).toMatchObject({ line: 2, column: 10 });
  });

  it('lists every problem, each with its own location, the first one located', () => {
    const err = schemaError(
      ['[test]', 'boot_timout = "1m"', 'timeout = "10x"', '[machine]', 'cpus = 0', '[fault_injection]', 'rules = ["alloc.frame=fial"]'].join('\n'),
    );
    expect(err.location).toMatchObject({ file: 'qfi.toml', line: 2, column: 1 });
    expect(err.message.split('\n')).toEqual([
      '4 problems in the configuration:',
      '  qfi.toml:2:1: unknown key `boot_timout` in [test]',
      '      hint: did you mean `boot_timeout`? known keys in [test]: command, boot_timeout, timeout, overall_timeout, success_marker, failure_marker, exit_device, pass_exit_codes, results_file',
      '  qfi.toml:3:11: test.timeout: bad duration "10x": units are ms, s, m, h',
      expect.stringMatching(/^ {6}hint: write a whole number/),
      '  qfi.toml:5:8: machine.cpus: 0 is out of range: expected 1 to 64',
      '      hint: pick a whole number from 1 to 64',
      expect.stringMatching(/^ {2}qfi\.toml:7:23: bad rule "alloc\.frame=fial": unknown action `fial`/),
      expect.stringMatching(/^ {6}hint: did you mean `fail`\?/),
    ]);
  });
});
