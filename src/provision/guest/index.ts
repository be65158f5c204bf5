/**
 * The built-in guest: a distribution kernel plus an initramfs with busybox and the qfi agent,
 * assembled on the host from apt and busybox-static, with no image for the user to bring.
 * Everything lands in `${cacheDir}/guest/`; a warm call only checks markers and hashes inputs.
 *
 * A guest of the host's architecture uses the host's apt and /bin/busybox. Another architecture
 * (aarch64 on x86_64) takes both from its own Debian packages through a private apt state.
 */
import type { Arch } from '../../core/types.js';
import type { Logger } from '../../core/host.js';
import { aptSourceFor, ensurePrivateLists, retryWithFreshLists } from './apt-source.js';
import { ensurePackagedBusybox, findStaticBusybox, BUSYBOX_CANDIDATES } from './busybox.js';
import { guestArch } from './guest-arch.js';
import { ensureGuestKernel } from './guest-kernel.js';
import { ensureInitramfs } from './initramfs.js';

export interface BuiltinGuest {
  arch: Arch;
  /**
   * What `-kernel` takes: x86_64 the uncompressed vmlinux ELF (booted through its PVH note),
   * aarch64 the uncompressed arm64 Image.
   */
  kernel: string;
  /** gzip'd newc cpio (`-initrd`). */
  initrd: string;
  /** e.g. `6.1.0-56-cloud-amd64` */
  kernelRelease: string;
  /** Package name and version, e.g. `linux-image-6.1.0-56-cloud-amd64 6.1.192-2`. */
  description: string;
}

export async function ensureBuiltinGuest(opts: { cacheDir: string; log: Logger; signal?: AbortSignal; arch?: Arch }): Promise<BuiltinGuest> {
  opts.signal?.throwIfAborted();
  const archName = opts.arch ?? 'x86_64';
  const arch = guestArch[archName];
  const apt = aptSourceFor(opts.cacheDir, arch.debArch);
  await ensurePrivateLists(apt, opts);
  // One after the other: a retry refreshes the private lists, and two refreshes would collide.
  const kernel = await retryWithFreshLists(apt, opts, () => ensureGuestKernel({ ...opts, arch, apt }));
  const busybox =
    apt.privateRoot === undefined
      ? await findStaticBusybox(BUSYBOX_CANDIDATES, arch.elfMachine)
      : await retryWithFreshLists(apt, opts, () => ensurePackagedBusybox({ ...opts, apt, machine: arch.elfMachine }));
  const initrd = await ensureInitramfs({ ...opts, kernel, busybox, modules: arch.modules });
  return {
    arch: archName,
    kernel: kernel.bootKernel,
    initrd,
    kernelRelease: kernel.kernelRelease,
    description: kernel.description,
  };
}
