import { describe, expect, it } from 'vitest';
import { valueFromInput } from '../../../src/config/convert-value.js';
import { INPUTS, inputSpec, isInputName, type InputSpec } from '../../../src/config/inputs.js';
import { DEFAULT_RULES_FW_CFG_NAME } from '../../../src/rules/index.js';

const specs: readonly InputSpec[] = INPUTS;

describe('INPUTS', () => {
  it('lists the inputs the action and CLI share, in this order', () => {
    expect(specs.map((s) => s.name)).toEqual([
      'mode',
      'config',
      'command',
      'faults',
      'faults-enabled',
      'require-fired',
      'rules-file',
      'rules-table',
      'rules-fw-cfg-name',
      'seed',
      'qemu',
      'qemu-version',
      'qemu-sha256',
      'qemu-source',
      'qemu-targets',
      'qemu-configure-flags',
      'qemu-patches',
      'install-deps',
      'icount',
      'plugin',
      'plugin-args',
      'accel',
      'qemu-args',
      'qemu-trailing-args',
      'arch',
      'machine-type',
      'cpu',
      'rtc-base',
      'memory',
      'cpus',
      'kernel',
      'initrd',
      'bios',
      'debian-mirror',
      'guest-pin',
      'files',
      'agent',
      'append',
      'disks',
      'network',
      'boot-timeout',
      'test-timeout',
      'timeout',
      'success-marker',
      'failure-marker',
      'exit-device',
      'pass-exit-codes',
      'results-file',
      'qtest-script',
      'qtest-devices',
      'campaign',
      'points',
      'actions',
      'repeat',
      'fail-nth-max',
      'recheck',
      'max-jobs',
      'shard',
      'scenario',
      'plan-file',
      'history',
      'regions',
      'snapshot-at',
      'trial-timeout',
      'merge-from',
      'name',
      'results-dir',
      'artifact-name',
      'upload-artifacts',
      'fail-on-verdict',
    ]);
  });

  it('uses kebab-case names and snake_case `table.key` TOML paths, each once', () => {
    for (const spec of specs) {
      expect(spec.name).toMatch(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/);
      if (spec.toml !== undefined) expect(spec.toml).toMatch(/^[a-z_]+\.[a-z_][a-z0-9_]*$/);
    }
    const tomls = specs.flatMap((s) => (s.toml ? [s.toml] : []));
    expect(new Set(tomls).size).toBe(tomls.length);
  });

  it('describes each input in one sentence', () => {
    for (const spec of specs) expect(spec.description, spec.name).toMatch(/^[A-Za-z`][^\n]*\.$/);
  });

  it('gives enums their values and ints their range', () => {
    for (const spec of specs) {
      if (spec.type === 'enum') expect(spec.values?.length, spec.name).toBeGreaterThan(0);
      if (spec.type === 'int') expect([spec.min, spec.max], spec.name).toEqual([expect.any(Number), expect.any(Number)]);
    }
  });

  it('has literal defaults that parse like the input would', () => {
    for (const spec of specs) {
      if (spec.default === undefined || spec.computedDefault) continue;
      expect(() => valueFromInput(spec, spec.default as string, { where: { input: spec.name }, baseDir: '/' }), spec.name).not.toThrow();
    }
    expect(inputSpec('rules-fw-cfg-name').default).toBe(DEFAULT_RULES_FW_CFG_NAME);
  });

  it('knows its names', () => {
    expect(isInputName('test-timeout')).toBe(true);
    expect(isInputName('fault')).toBe(false);
    expect(() => inputSpec('nope' as never)).toThrow(/unknown input/);
  });
});
