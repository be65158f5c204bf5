/**
 * What the built-in guest is made of, per guest architecture: the Debian architecture its
 * packages come from, the CPU its busybox must be built for, the kind of kernel file QEMU boots,
 * and the drivers the agent loads.
 */
import type { Arch } from '../../config/types.js';
import { ELF_MACHINE } from './elf.js';

export interface GuestArch {
  /** dpkg's architecture name. */
  debArch: 'amd64' | 'arm64';
  /** ELF e_machine of the guest's executables (busybox). */
  elfMachine: number;
  /**
   * The file `-kernel` takes, made from the package's boot/vmlinuz: `vmlinux` (the ELF inside
   * an x86 bzImage, booted through its PVH note) or `Image` (the arm64 Image, uncompressed).
   */
  bootKernel: 'vmlinux' | 'Image';
  /**
   * Modules the agent loads (with their dependencies): fw_cfg to read its inputs; virtio for
   * the disks, network and consoles fault rules act on.
   */
  modules: readonly string[];
}

/** The x86_64 guest's modules (its list before aarch64 existed: cached initramfs keys stay the same). */
export const X86_64_GUEST_MODULES = ['qemu_fw_cfg', 'virtio_pci', 'virtio_blk', 'virtio_net', 'virtio_console'] as const;

export const guestArch: Record<Arch, GuestArch> = {
  x86_64: { debArch: 'amd64', elfMachine: ELF_MACHINE.x86_64, bootKernel: 'vmlinux', modules: X86_64_GUEST_MODULES },
  // virt has both transports: PCI (virtio-*-pci, what qfi attaches) and virtio-mmio (virtio-*-device).
  aarch64: {
    debArch: 'arm64',
    elfMachine: ELF_MACHINE.aarch64,
    bootKernel: 'Image',
    modules: ['qemu_fw_cfg', 'virtio_pci', 'virtio_mmio', 'virtio_blk', 'virtio_net', 'virtio_console'],
  },
};
