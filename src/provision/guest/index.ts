/**
 * The built-in guest: Debian's cloud kernel plus an initramfs with busybox and the qfi agent,
 * made on the host from two packages of one fixed Debian suite, fetched with Node from the
 * archive and read without dpkg or apt — so it is byte-identical on any Linux host. Everything
 * lands in `${cacheDir}/guest/`; a warm call reads three small manifests.
 */
import type { Arch } from '../../config/types.js';
import type { Logger, RemoteCache } from '../../core/host.js';
import { ensureGuestBusybox } from './busybox.js';
import { chooseMirror } from './debian-mirror.js';
import { guestArch } from './guest-arch.js';
import { pruneGuestCache } from './guest-cache.js';
import { ensureGuestKernel } from './guest-kernel.js';
import { fetchDeb, parseGuestPin, printGuestPin, resolveGuestPackages, type DebRef, type GuestPackages } from './guest-packages.js';
import { ensureInitramfs } from './initramfs.js';

/** What a run records of the built-in guest, so that a replay can boot the very same one. */
export interface GuestIdentity {
  arch: Arch;
  suite: string;
  mirror: string;
  /** How the package index was trusted (gpgv's signers, HTTPS only, or pinned). */
  trust: string;
  kernel: { package: string; version: string; debSha256: string; filename: string };
  busybox: { package: string; version: string; debSha256: string; filename: string };
  kernelRelease: string;
  /** sha256 of the file QEMU boots (`-kernel`). */
  kernelSha256: string;
  /** sha256 of the built-in initramfs (before a run's `files` are added). */
  initrdSha256: string;
  /** What `guest-pin` takes to boot this guest again. */
  pin: string;
}

export interface BuiltinGuest {
  arch: Arch;
  /**
   * What `-kernel` takes: x86_64 the uncompressed vmlinux ELF (booted through its PVH note),
   * aarch64 the uncompressed arm64 Image.
   */
  kernel: string;
  /** newc cpio (`-initrd`). */
  initrd: string;
  /** e.g. `6.1.0-50-cloud-amd64` */
  kernelRelease: string;
  /** Package name and version, e.g. `linux-image-6.1.0-50-cloud-amd64 6.1.176-1`. */
  description: string;
  identity: GuestIdentity;
}

export interface BuiltinGuestOptions {
  cacheDir: string;
  log: Logger;
  signal?: AbortSignal;
  arch?: Arch;
  /** `debian-mirror`: a Debian mirror's base URL. */
  mirror?: string | undefined;
  /** `guest-pin`: boot exactly these packages. */
  pin?: string | undefined;
  /** GitHub's Actions cache, for the unpacked kernel. */
  remoteCache?: RemoteCache | undefined;
}

export async function ensureBuiltinGuest(opts: BuiltinGuestOptions): Promise<BuiltinGuest> {
  opts.signal?.throwIfAborted();
  const archName = opts.arch ?? 'x86_64';
  const arch = guestArch[archName];
  const mirror = chooseMirror(opts.mirror);
  let packages: GuestPackages;
  let mirrorUrl = mirror.url;
  if (opts.pin) {
    packages = parseGuestPin(opts.pin, arch);
  } else {
    ({ packages, mirror: mirrorUrl } = await resolveGuestPackages({
      cacheDir: opts.cacheDir,
      arch,
      mirror,
      log: opts.log,
      ...(opts.signal ? { signal: opts.signal } : {}),
    }));
  }
  opts.log.debug(
    `guest packages: ${packages.kernel.name} ${packages.kernel.version}, ${packages.busybox.name} ${packages.busybox.version} (${mirror.why}: ${mirrorUrl})`,
  );
  const download = (ref: DebRef) =>
    fetchDeb(ref, { mirror: mirrorUrl, snapshot: packages.snapshot, log: opts.log, ...(opts.signal ? { signal: opts.signal } : {}) });
  const common = { cacheDir: opts.cacheDir, arch, download, remoteCache: opts.remoteCache, log: opts.log, ...(opts.signal ? { signal: opts.signal } : {}) };
  const [kernel, busybox] = await Promise.all([
    ensureGuestKernel({ ...common, ref: packages.kernel }),
    ensureGuestBusybox({ ...common, ref: packages.busybox }),
  ]);
  const initramfs = await ensureInitramfs({ ...opts, kernel, busybox, modules: arch.modules });

  const removed = await pruneGuestCache(opts.cacheDir, [
    kernel.dir,
    busybox.path.slice(0, busybox.path.lastIndexOf('/')),
    initramfs.path.slice(0, initramfs.path.lastIndexOf('/')),
  ]).catch(() => []);
  if (removed.length) opts.log.info(`guest cache: removed ${removed.length} unused entr${removed.length === 1 ? 'y' : 'ies'}`);

  const identity: GuestIdentity = {
    arch: archName,
    suite: packages.suite,
    mirror: mirrorUrl,
    trust: packages.trust,
    kernel: { package: kernel.package.name, version: kernel.package.version, debSha256: kernel.package.sha256, filename: kernel.package.filename },
    busybox: { package: busybox.package.name, version: busybox.package.version, debSha256: busybox.package.sha256, filename: busybox.package.filename },
    kernelRelease: kernel.kernelRelease,
    kernelSha256: kernel.bootKernelSha256,
    initrdSha256: initramfs.sha256,
    pin: printGuestPin(packages),
  };
  return { arch: archName, kernel: kernel.bootKernel, initrd: initramfs.path, kernelRelease: kernel.kernelRelease, description: kernel.description, identity };
}
