/** The hint for a QEMU that cannot find its firmware, on what the system QEMU really prints. */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { missingFirmwareHint } from '../../../src/run/exit-classification.js';

const qemu = 'qemu-system-x86_64';
const hasQemu = spawnSync(qemu, ['--version']).status === 0;
const stderrOf = (args: string[]) =>
  spawnSync(qemu, ['-nodefaults', '-display', 'none', '-machine', 'q35', ...args], { encoding: 'utf8', timeout: 20_000 })
    .stderr.trim()
    .split('\n');

describe.skipIf(!hasQemu)('missingFirmwareHint', () => {
  it('names the firmware packages for a missing BIOS or option ROM, and nothing else', () => {
    const bios = stderrOf(['-bios', '/nonexistent/bios-256k.bin']);
    expect(bios.join('\n')).toMatch(/could not load PC BIOS/);
    expect(missingFirmwareHint(bios)).toMatch(/apt-get install seabios ipxe-qemu qemu-system-data/);
    // -S: QEMU stops at the device's missing ROM before it would run anything.
    const rom = stderrOf(['-S', '-device', 'virtio-net-pci,romfile=nonexistent.rom']);
    expect(rom.join('\n')).toMatch(/failed to find romfile "nonexistent.rom"/);
    expect(missingFirmwareHint(rom)).not.toBe('');
    expect(missingFirmwareHint(stderrOf(['-m', 'lots']))).toBe('');
  });
});
