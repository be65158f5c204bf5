/** The decisions the Plan carries so that provision reads no config: guest source, accelerator, firmware, qtest's QEMU. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveConfig, type RawInputs } from '../../../src/config/index.js';
import { makePlan, type PlanOptions } from '../../../src/plan/make-plan.js';

const cwd = mkdtempSync(join(tmpdir(), 'qfi-plan-decisions-'));
for (const name of ['vmlinuz', 'initrd.img', 'root.qcow2', 'OVMF.fd', 'probe.so', 'x.qtest']) writeFileSync(join(cwd, name), '');

async function planFor(inputs: RawInputs, opts: PlanOptions = {}) {
  const { config } = await resolveConfig({ inputs, cwd, ...(opts.qtest ? { needsCommand: false } : {}) });
  return makePlan(config, 'token', opts);
}

describe('the guest a plan boots', () => {
  it('is the built-in initramfs by default, with your kernel when one is given', async () => {
    expect((await planFor({ command: 'x' })).guest).toEqual({ kind: 'builtin', kernel: undefined });
    expect((await planFor({ command: 'x', kernel: 'vmlinuz' })).guest).toEqual({ kind: 'builtin', kernel: join(cwd, 'vmlinuz') });
  });

  it('is your kernel and initrd as given, or your kernel alone without an agent', async () => {
    expect((await planFor({ kernel: 'vmlinuz', initrd: 'initrd.img', 'success-marker': 'ok' })).guest).toEqual({
      kind: 'custom',
      kernel: join(cwd, 'vmlinuz'),
      initrd: join(cwd, 'initrd.img'),
    });
    expect((await planFor({ kernel: 'vmlinuz', agent: 'none', 'success-marker': 'ok' })).guest).toEqual({
      kind: 'custom',
      kernel: join(cwd, 'vmlinuz'),
      initrd: undefined,
    });
  });

  it('is the boot=true disk, booted by your firmware', async () => {
    const plan = await planFor({ command: 'x', agent: 'qemu-guest-agent', disks: `id=root path=${join(cwd, 'root.qcow2')} boot=true`, bios: 'OVMF.fd' });
    expect(plan.guest).toEqual({ kind: 'disk', id: 'root', path: join(cwd, 'root.qcow2') });
    expect(plan.bios).toBe(join(cwd, 'OVMF.fd'));
  });

  it("carries the built-in packages' mirror and pin, and the results folder", async () => {
    const plan = await planFor({ command: 'x', 'debian-mirror': 'http://deb.example.org/debian', 'results-dir': 'out' });
    expect(plan.builtinPackages).toEqual({ mirror: 'http://deb.example.org/debian', pin: undefined });
    expect(plan.resultsDir).toBe(join(cwd, 'out'));
  });
});

describe('the accelerator a plan asks for', () => {
  it('keeps auto and kvm for provision to probe, and says why TCG when only TCG can run the run', async () => {
    expect((await planFor({ command: 'x' })).accel).toEqual({ want: 'auto', reason: 'accel = auto: KVM when it works here, else TCG' });
    expect((await planFor({ command: 'x', accel: 'kvm' })).accel).toEqual({ want: 'kvm', reason: 'accel = kvm' });
    expect((await planFor({ command: 'x', accel: 'tcg' })).accel).toEqual({ want: 'tcg', reason: 'accel = tcg' });
    expect((await planFor({ command: 'x', faults: 'mem.flip[at=insn:1000]=fail' })).accel).toEqual({ want: 'tcg', reason: 'the run loads a TCG plugin' });
    expect((await planFor({ command: 'x', plugin: 'probe.so' })).accel).toEqual({ want: 'tcg', reason: 'the run loads a TCG plugin' });
    expect((await planFor({ command: 'x' }, { snapshot: { at: { kind: 'start' } } })).accel.want).toBe('tcg');
  });
});

describe('the QEMU of a qtest plan', () => {
  it('tries the system QEMU with auto and plans a build to fall back on', async () => {
    const plan = await planFor({ 'qtest-script': 'x.qtest' }, { qtest: true });
    expect(plan.qemu).toEqual({ kind: 'system' });
    expect(plan.qemuFallback).toMatchObject({ kind: 'build', reason: 'the system QEMU has no qtest accelerator' });
  });

  it('uses system, build or a path as given, with no fallback', async () => {
    const system = await planFor({ 'qtest-script': 'x.qtest', qemu: 'system' }, { qtest: true });
    expect([system.qemu, system.qemuFallback]).toEqual([{ kind: 'system' }, undefined]);
    expect((await planFor({ 'qtest-script': 'x.qtest', qemu: 'build' }, { qtest: true })).qemu).toMatchObject({ kind: 'build', reason: 'qemu: build' });
  });

  it("does not change a snapshot plan's host plan in place: the wait for the state is added to a copy", async () => {
    const plan = await planFor({ command: 'x' }, { snapshot: { at: { kind: 'start' } } });
    expect(plan.host.syncTestStart).toBe(true);
    expect(plan.append).toContain('qfi.sync=1');
  });
});
