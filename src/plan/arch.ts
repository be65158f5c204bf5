import type { Arch } from '../core/types.js';

export interface ArchData {
  qemuBinaryName: string;
  machine: string;
  /** Firmware file for fast direct kernel boot (PVH), looked up in QEMU's data folders. */
  fastBios: string | undefined;
  /** Kernel command line the built-in guest boots with (FACTS.md: fastest reliable under TCG). */
  defaultAppend: string[];
  /** Debian package that provides the system QEMU for this arch. */
  debianQemuPackage: string;
}

export const archData: Record<Arch, ArchData> = {
  x86_64: {
    qemuBinaryName: 'qemu-system-x86_64',
    machine: 'q35',
    fastBios: 'qboot.rom',
    defaultAppend: [
      'console=ttyS0',
      'quiet',
      'panic=-1',
      'cryptomgr.notests',
      'mitigations=off',
      'i8042.noaux',
      'i8042.nokbd',
      'tsc=reliable',
      'no_timer_check',
    ],
    debianQemuPackage: 'qemu-system-x86',
  },
};
