import type { Arch } from '../core/types.js';

export interface ArchData {
  qemuBinaryName: string;
  machine: string;
  /** Firmware file for fast direct kernel boot (PVH), looked up in QEMU's data folders. */
  fastBios: string | undefined;
  /**
   * Kernel command line for a fast, quiet TCG boot (FACTS.md): serial console, panics still
   * printed and ending QEMU (with -no-reboot), no crypto self-tests, no mitigations, no PS/2
   * probing, no TSC calibration.
   */
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
