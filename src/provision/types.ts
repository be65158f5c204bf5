/** The provision stage's output: the binaries, firmware, guest and disk images a run boots (Provisioned). */
import type { DiskImage } from './disks.js';
import type { GuestIdentity } from './guest/index.js';

export interface Provisioned {
  qemuBinary: string;
  qemuVersion: string;
  /** `system`, `path`, `built`, `local-cache` or `remote-cache`. */
  qemuOrigin: string;
  /** Plugins to load: the user's (`plugin`) and qfi's own when the run has plugin rules. */
  plugins: Array<{ so: string; args: string[]; role: 'user' | 'qfi' }>;
  /** Folders given to QEMU with -L: the distribution's firmware, for a QEMU we built without blobs. */
  firmwareDirs: string[];
  /** Firmware image for -bios (qboot), if any. */
  bios: string | undefined;
  /** undefined when the firmware boots a disk. */
  kernel: string | undefined;
  initrd: string | undefined;
  /** e.g. `linux-image-6.1.0-40-cloud-amd64 6.1.153-1`, the custom kernel path, or the boot disk. */
  kernelDescription: string;
  /** The built-in guest's packages and hashes (its kernel or initramfs is booted); else undefined. */
  guest: GuestIdentity | undefined;
  /** The accelerator actually usable: `kvm` only after a probe succeeded. */
  accel: 'kvm' | 'tcg';
  /** The image file of each planned disk, in plan order. */
  disks: DiskImage[];
}
