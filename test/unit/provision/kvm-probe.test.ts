import { mkdtempSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { probeKvm, probeKvmCached } from '../../../src/provision/kvm-probe.js';
import { locateQemu } from '../../../src/provision/qemu-system.js';

describe('KVM probe (runs the system QEMU for a few milliseconds)', () => {
  const qemu = locateQemu('system', 'x86_64').binary;
  const target = (qemuBinary: string) => ({ qemuBinary, kernel: undefined, bios: undefined, firmwareDirs: [] });

  it('answers from running guest code, and remembers the answer for this boot and binary', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qfi-kvm-'));
    const fresh = await probeKvm(target(qemu), dir);
    const first = await probeKvmCached(target(qemu), dir, dir);
    expect(first).toEqual(fresh);
    expect(Object.values(JSON.parse(readFileSync(join(dir, 'kvm-probe.json'), 'utf8')) as object)).toEqual([fresh]);
    const second = await probeKvmCached(target(qemu), dir, dir);
    expect(second.usable).toBe(fresh.usable);
    expect(second.reason).toMatch(/probed earlier this boot/);
  });

  it('probes again for another QEMU binary', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qfi-kvm-'));
    await probeKvmCached(target(qemu), dir, dir);
    const other = join(dir, 'qemu-system-x86_64');
    symlinkSync(qemu, other);
    expect((await probeKvmCached(target(other), dir, dir)).reason).not.toMatch(/earlier/);
    // both answers are kept: going back to the first binary does not probe again
    expect((await probeKvmCached(target(qemu), dir, dir)).reason).toMatch(/earlier/);
  });
});
