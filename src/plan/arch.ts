import type { Arch } from '../config/types.js';

export interface ArchData {
  qemuBinaryName: string;
  /** `-machine` value, its options included. */
  machine: string;
  /**
   * `-cpu` under TCG; undefined leaves QEMU's default. Under KVM the argv builder passes `host`.
   * x86_64: QEMU's default (qemu64), as qfi always ran it. aarch64: virt's default CPU is a
   * 32-bit cortex-a15, which cannot run a 64-bit kernel, so `-cpu` is always needed there.
   */
  cpu: string | undefined;
  /** Firmware file for fast direct kernel boot (PVH), looked up in QEMU's data folders. */
  fastBios: string | undefined;
  /** The guest's serial console device (the one `-serial stdio` is wired to). */
  console: string;
  /**
   * Kernel command line for a fast, quiet TCG boot (FACTS.md): serial console, panics still
   * printed and ending QEMU (with -no-reboot), no crypto self-tests, no mitigations; on x86 no
   * PS/2 probing and no TSC calibration.
   */
  defaultAppend: string[];
  /** Debian package that provides the system QEMU for this arch. */
  debianQemuPackage: string;
  /** `process.arch` of hosts that run this arch natively: KVM can only work there. */
  nativeNodeArch: NodeJS.Architecture;
  /**
   * How the guest ends QEMU. `poweroff`: the agent's `poweroff -f` makes QEMU exit with 0
   * (x86: ACPI; aarch64 virt: PSCI SYSTEM_OFF), `-no-reboot` turns a reboot or panic into an
   * exit too. x86 also has isa-debug-exit (exit code (value << 1) | 1); aarch64 virt has no
   * such device.
   */
  debugExitDevice: string | undefined;
}

export const archData: Record<Arch, ArchData> = {
  x86_64: {
    qemuBinaryName: 'qemu-system-x86_64',
    machine: 'q35',
    cpu: undefined,
    fastBios: 'qboot.rom',
    console: 'ttyS0',
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
    nativeNodeArch: 'x64',
    debugExitDevice: 'isa-debug-exit,iobase=0xf4,iosize=0x04',
  },
  aarch64: {
    qemuBinaryName: 'qemu-system-aarch64',
    // GICv3: GICv2 (virt's default) stops at 8 vCPUs; qfi allows up to 64.
    machine: 'virt,gic-version=3',
    cpu: 'cortex-a57',
    // No qboot: QEMU boots an arm64 Image directly (-kernel) and provides PSCI itself.
    fastBios: undefined,
    console: 'ttyAMA0',
    defaultAppend: ['console=ttyAMA0', 'quiet', 'panic=-1', 'cryptomgr.notests', 'mitigations=off'],
    debianQemuPackage: 'qemu-system-arm',
    nativeNodeArch: 'arm64',
    debugExitDevice: undefined,
  },
};
