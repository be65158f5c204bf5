import { resolve } from 'node:path';
import type { Host } from '../core/host.js';
import { InfraError } from '../core/errors.js';
import type { Plan, Provisioned, ResolvedConfig } from '../core/types.js';
import { archData } from '../plan/arch.js';
import { ensureBuiltinGuest } from './guest/index.js';
import { probeKvmCached } from './kvm-probe.js';
import { findFirmware, locateQemu, readQemuVersion } from './qemu-system.js';

async function chooseAccel(config: ResolvedConfig, qemuBinary: string, workDir: string, host: Host, signal?: AbortSignal): Promise<'kvm' | 'tcg'> {
  if (config.qemu.accel === 'tcg') return 'tcg';
  const result = await probeKvmCached(qemuBinary, host.cacheDir, workDir, signal);
  if (result.usable) return 'kvm';
  if (config.qemu.accel === 'kvm') {
    throw new InfraError(`accel = kvm was asked for, but KVM cannot run guests here: ${result.reason}`, {
      hint: 'use accel = auto (falls back to TCG) or accel = tcg',
    });
  }
  host.log.info(`KVM not usable (${result.reason}); using TCG`);
  return 'tcg';
}

interface GuestFiles {
  kernel: string;
  initrd: string | undefined;
  kernelDescription: string;
}

/** A custom kernel+initrd pair as given; otherwise the built-in initramfs, with the built-in or a custom kernel. */
async function provisionGuest(config: ResolvedConfig, host: Host, signal?: AbortSignal): Promise<GuestFiles> {
  if (config.guest.kernel && config.guest.initrd) {
    const kernel = resolve(config.guest.kernel);
    return { kernel, initrd: resolve(config.guest.initrd), kernelDescription: `custom kernel ${kernel}` };
  }
  const builtin = await host.log.group('Built-in guest', () => ensureBuiltinGuest({ cacheDir: host.cacheDir, log: host.log, ...(signal ? { signal } : {}) }));
  if (config.guest.kernel) {
    const kernel = resolve(config.guest.kernel);
    return { kernel, initrd: builtin.initrd, kernelDescription: `custom kernel ${kernel} with the built-in initramfs` };
  }
  return { kernel: builtin.kernel, initrd: builtin.initrd, kernelDescription: builtin.description };
}

/**
 * Gets everything the run needs onto this machine: QEMU, firmware, the guest kernel and
 * initramfs, and the accelerator that really works here.
 */
export async function provision(config: ResolvedConfig, plan: Plan, host: Host, workDir: string, signal?: AbortSignal): Promise<Provisioned> {
  const qemu = locateQemu(config.qemu.binary, plan.arch);
  // Each of these starts a process or reads the cache; none needs another's answer.
  const [version, accel, guest] = await Promise.all([
    readQemuVersion(qemu.binary),
    chooseAccel(config, qemu.binary, workDir, host, signal),
    provisionGuest(config, host, signal),
  ]);
  host.log.info(`QEMU ${version}: ${qemu.binary}`);

  const fastBios = archData[plan.arch].fastBios;
  const bios = fastBios ? findFirmware(qemu, fastBios) : undefined;
  if (fastBios && !bios) host.log.warn(`${fastBios} not found next to QEMU (${qemu.dataDirs.join(', ') || 'no data folder'}); booting with the default firmware, which is slower`);

  const { kernel, initrd, kernelDescription } = guest;
  return { qemuBinary: qemu.binary, qemuVersion: version, firmwareDir: undefined, bios, kernel, initrd, kernelDescription, accel };
}
