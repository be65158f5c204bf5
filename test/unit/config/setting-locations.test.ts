import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../../src/config/index.js';
import type { ConfigPurpose } from '../../../src/config/purpose-checks.js';
import { locateSettingError, sourceOf } from '../../../src/config/settings.js';
import { ConfigError, formatError } from '../../../src/core/errors.js';
import { makePlan } from '../../../src/plan/make-plan.js';
import type { RawInputs } from '../../../src/config/inputs.js';
import { thrownBy } from '../../helpers/thrown.js';
import { tempDir } from './temp-files.js';

const MEM_FLIP = '[fault_injection]\nrules = ["mem.flip[at=insn:1000]=fail"]\n';

async function resolvedFrom(toml: string, inputs: RawInputs = {}) {
  return (await resolveConfig({ inputs, cwd: tempDir({ 'qfi.toml': toml }) })).config;
}

/** The full text a config-stage refusal shows, or a failure when the config resolves; as the modes resolve it (qtest needs no command). */
async function configRefusal(toml: string, purpose: ConfigPurpose, inputs: RawInputs = {}): Promise<string> {
  const err: unknown = await resolveConfig({ inputs, cwd: tempDir({ 'qfi.toml': toml }), purpose, needsCommand: purpose !== 'qtest' }).then(
    () => new Error('the config resolved'),
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ConfigError);
  return formatError(err);
}

describe('setting locations', () => {
  it('keeps where each given setting is written: the TOML value, or the input', async () => {
    const config = await resolvedFrom('[machine]\narch = "aarch64"\n[test]\ncommand = "x"\n', { memory: '512M' });
    expect(sourceOf(config, 'arch')).toEqual({ file: 'qfi.toml', line: 2, column: 8, sourceLine: 'arch = "aarch64"' });
    expect(sourceOf(config, 'memory')).toEqual({ input: 'memory' });
    // A setting nobody wrote is named by its input.
    expect(sourceOf(config, 'accel')).toEqual({ input: 'accel' });
  });

  it('an input given over the file points at the input', async () => {
    const config = await resolvedFrom('[machine]\narch = "aarch64"\n[test]\ncommand = "x"\n', { arch: 'x86_64' });
    expect(sourceOf(config, 'arch')).toEqual({ input: 'arch' });
  });

  it('a plan-stage refusal points at the TOML line with a caret (arch = "aarch64" with a mem.flip rule)', async () => {
    const config = await resolvedFrom(`[machine]\narch = "aarch64"\n[test]\ncommand = "x"\n${MEM_FLIP}`);
    const text = formatError(thrownBy(() => makePlan(config), ConfigError));
    expect(text).toMatch(
      /^qfi\.toml:2:8: error: plugin rules \(mem\.\*, reg\.\*, insn\.\*\) need qfi's plugin, which qfi builds and knows RAM and registers for on x86_64 only; arch is aarch64\n/,
    );
    expect(text).toContain('2 | arch = "aarch64"\n  |        ^');
  });

  it('the accel = kvm refusal points at accel in the file', async () => {
    const config = await resolvedFrom('[qemu]\naccel = "kvm"\nicount = true\n[test]\ncommand = "x"\n');
    expect(formatError(thrownBy(() => makePlan(config), ConfigError))).toMatch(/^qfi\.toml:2:9: error: accel = kvm was asked for, but icount is a TCG option/);
  });
});

describe('refusals that need only the config', () => {
  const SNAPSHOT = '[campaign]\nkind = "snapshot"\n[test]\ncommand = "x"\n';

  it('a snapshot campaign on aarch64 is refused at the config stage, at arch', async () => {
    const text = await configRefusal(`[machine]\narch = "aarch64"\n${SNAPSHOT}`, 'campaign');
    expect(text).toMatch(
      /^qfi\.toml:2:8: error: snapshot campaigns need qfi's plugin, which qfi builds and knows RAM and registers for on x86_64 only; arch is aarch64\n2 \| arch = "aarch64"/,
    );
  });

  it('a snapshot campaign lists each of its refusals together', async () => {
    const text = await configRefusal(`[qemu]\naccel = "kvm"\n${SNAPSHOT}${MEM_FLIP}`, 'campaign');
    expect(text).toMatch(
      /^qfi\.toml:2:9: error: 2 problems in the configuration:\n {2}qfi\.toml:2:9: accel = kvm was asked for, but snapshot campaigns run qfi's TCG plugin/,
    );
    expect(text).toContain(
      "input faults: snapshot campaigns inject their own bit flips, so the config's rule mem.flip[at=insn:1000]=fail cannot run in every trial",
    );
  });

  it('the same config resolves for a single run, which takes no snapshot', async () => {
    await expect(resolvedFrom(`[machine]\narch = "aarch64"\n${SNAPSHOT}`)).resolves.toMatchObject({ machine: { arch: 'aarch64' } });
  });

  it('mode qtest refuses a config without scripts and rules that need a guest', async () => {
    const text = await configRefusal('[fault_injection]\nrules = ["alloc.frame=fail"]\n', 'qtest');
    expect(text).toContain('input qtest-script: mode qtest needs at least one qtest script');
    expect(text).toContain('input faults: rule alloc.frame=fail is a guest rule (no guest reads it), so it cannot apply in mode qtest');
  });

  it("places a later stage's refusal that names only an input where the file wrote that setting", async () => {
    const sha = 'a'.repeat(64);
    const config = await resolvedFrom(`[qemu]\nsha256 = "${sha}"\n[test]\ncommand = "x"\n`, { memory: '512M' });
    const mismatch = new ConfigError('the tarball does not match qemu-sha256', { location: { input: 'qemu-sha256' }, hint: 'check the sum' });
    expect(formatError(locateSettingError(mismatch, config))).toBe(
      `qfi.toml:2:10: error: the tarball does not match qemu-sha256\n2 | sha256 = "${sha}"\n  |          ^\nhint: check the sum`,
    );
    // Given as an input, never written, or already placed in a file: unchanged.
    const viaInput = new ConfigError('m', { location: { input: 'memory' } });
    expect(locateSettingError(viaInput, config)).toBe(viaInput);
    const unwritten = new ConfigError('m', { location: { input: 'qemu-patches' } });
    expect(locateSettingError(unwritten, config)).toBe(unwritten);
    const inFile = new ConfigError('m', { location: { input: 'qemu-sha256', file: '/x/patch.diff' } });
    expect(locateSettingError(inFile, config)).toBe(inFile);
    const other = new Error('not a config error');
    expect(locateSettingError(other, config)).toBe(other);
  });
});
