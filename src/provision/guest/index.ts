/**
 * The built-in guest: a distribution kernel plus an initramfs with busybox and the qfi agent,
 * assembled on the host from apt and busybox-static, with no image for the user to bring.
 * Everything lands in `${cacheDir}/guest/`; a warm call only checks markers and hashes inputs.
 */
import type { Logger } from '../../core/host.js';
import { ensureGuestKernel } from './guest-kernel.js';
import { ensureInitramfs } from './initramfs.js';

export interface BuiltinGuest {
  /** Uncompressed vmlinux ELF, booted through its PVH note (`-kernel`). */
  kernel: string;
  /** gzip'd newc cpio (`-initrd`). */
  initrd: string;
  /** e.g. `6.1.0-56-cloud-amd64` */
  kernelRelease: string;
  /** Package name and version, e.g. `linux-image-6.1.0-56-cloud-amd64 6.1.192-2`. */
  description: string;
}

export async function ensureBuiltinGuest(opts: { cacheDir: string; log: Logger; signal?: AbortSignal }): Promise<BuiltinGuest> {
  opts.signal?.throwIfAborted();
  const kernel = await ensureGuestKernel(opts);
  const initrd = await ensureInitramfs({ ...opts, kernel });
  return {
    kernel: kernel.vmlinux,
    initrd,
    kernelRelease: kernel.kernelRelease,
    description: kernel.description,
  };
}
