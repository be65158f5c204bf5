import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveConfig, type RawInputs } from '../../../src/config/index.js';
import { formatError } from '../../../src/core/errors.js';
import { chooseQemu } from '../../../src/plan/make-plan.js';

const dir = mkdtempSync(join(tmpdir(), 'qfi-choose-'));
const pluginC = join(dir, 'p.c');
const pluginSo = join(dir, 'p.so');
writeFileSync(pluginC, '');
writeFileSync(pluginSo, '');

async function choose(inputs: RawInputs) {
  const { config } = await resolveConfig({ inputs: { command: 'true', ...inputs }, cwd: dir });
  return chooseQemu(config);
}

describe('chooseQemu', () => {
  it('auto uses the system QEMU unless a plugin source needs a build', async () => {
    expect(await choose({})).toEqual({ kind: 'system' });
    expect(await choose({ plugin: pluginSo })).toEqual({ kind: 'system' });
    expect(await choose({ plugin: pluginC })).toMatchObject({
      kind: 'build',
      version: '10.2.2',
      targets: ['x86_64-softmmu'],
      reason: expect.stringContaining('qemu-plugin.h'),
    });
  });

  it('build carries every build setting', async () => {
    const patch = join(dir, 'x.patch');
    writeFileSync(patch, '');
    expect(await choose({ qemu: 'build', 'qemu-configure-flags': ['--enable-debug-tcg'], 'qemu-patches': [patch], 'install-deps': 'true' })).toMatchObject({
      kind: 'build',
      reason: 'qemu: build',
      configureFlags: ['--enable-debug-tcg'],
      patches: [patch],
      installDeps: true,
    });
  });

  it('refuses a plugin source with the system QEMU, naming the fix', async () => {
    await expect(choose({ qemu: 'system', plugin: pluginC })).rejects.toThrow(/needs a QEMU build's qemu-plugin.h/);
  });

  it('refuses to build an unknown release without a checksum or a local source', async () => {
    const err = await choose({ qemu: 'build', 'qemu-version': '9.9.9' }).catch((e: unknown) => e);
    expect(formatError(err)).toMatch(/^input qemu-version: error: QEMU 9\.9\.9 is not in qfi's release table[\s\S]*hint: give its sha256 with qemu-sha256/);
    expect(await choose({ qemu: 'build', 'qemu-version': '9.9.9', 'qemu-sha256': 'a'.repeat(64) })).toMatchObject({ kind: 'build', sha256: 'a'.repeat(64) });
  });

  it('checks the new inputs where they are given', async () => {
    await expect(choose({ 'qemu-sha256': 'xyz' })).rejects.toThrow(/not a sha256/);
    await expect(choose({ 'qemu-targets': ['x86_64'] })).rejects.toThrow(/bad QEMU target "x86_64"/);
    await expect(choose({ 'qemu-configure-flags': ['enable-foo'] })).rejects.toThrow(/does not start with --/);
    await expect(choose({ 'plugin-args': ['noequals'] })).rejects.toThrow(/not key=value/);
    await expect(choose({ plugin: join(dir, 'missing.c') })).rejects.toThrow(/missing\.c/);
  });
});
