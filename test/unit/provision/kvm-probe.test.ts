import { mkdtempSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { probeKvm, probeKvmCached } from '../../../src/provision/kvm-probe.js';
import { locateQemu } from '../../../src/provision/qemu-system.js';

describe('KVM probe (runs the system QEMU for a few milliseconds)', () => {
  const qemu = locateQemu('system', 'x86_64').binary;

  it('answers from running guest code, and remembers the answer for this boot and binary', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qfi-kvm-'));
    const fresh = await probeKvm(qemu, dir);
    const first = await probeKvmCached(qemu, dir, dir);
    expect(first).toEqual(fresh);
    expect(JSON.parse(readFileSync(join(dir, 'kvm-probe.json'), 'utf8'))).toMatchObject({ usable: fresh.usable });
    const second = await probeKvmCached(qemu, dir, dir);
    expect(second.usable).toBe(fresh.usable);
    expect(second.reason).toMatch(/probed earlier this boot/);
  });

  it('probes again for another QEMU binary', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qfi-kvm-'));
    await probeKvmCached(qemu, dir, dir);
    const other = join(dir, 'qemu-system-x86_64');
    symlinkSync(qemu, other);
    expect((await probeKvmCached(other, dir, dir)).reason).not.toMatch(/earlier/);
  });
});
