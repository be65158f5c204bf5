/**
 * The guest kernel in the cache: the distribution package downloaded and unpacked once, the file
 * QEMU boots made from its boot/vmlinuz (x86: the vmlinux inside the bzImage, for PVH direct
 * boot; arm64: the uncompressed Image), and an index of its module files, all under
 * `${cacheDir}/guest/kernel/<package>_<version>[_<debArch>]/` (no suffix for amd64) and reused
 * until apt offers a newer kernel.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from '../../core/host.js';
import { InfraError, QfiError } from '../../core/errors.js';
import type { AptSource } from './apt-source.js';
import { extractArm64Image } from './arm64-image.js';
import { extractVmlinux } from './bzimage.js';
import { ensureCacheEntry } from './cache-entry.js';
import type { Compression } from './compression.js';
import { downloadDebs, extractDeb } from './deb-fetch.js';
import type { GuestArch } from './guest-arch.js';
import { indexModuleFiles } from './kernel-modules.js';
import { resolveKernelPackageCached, type KernelPackage } from './kernel-package.js';

export interface GuestKernel {
  dir: string;
  /** What `-kernel` takes: the uncompressed vmlinux ELF (x86) or Image (arm64). */
  bootKernel: string;
  /** The package's boot/vmlinuz it came from (kept for inspection and tests). */
  vmlinuz: string;
  kernelRelease: string;
  /** `linux-image-6.1.0-56-cloud-amd64 6.1.192-2` */
  description: string;
  /** How boot/vmlinuz held the kernel (`none`: a plain arm64 Image). */
  compression: Compression | 'none';
  /** Absolute lib/modules/<release> folder. */
  modulesDir: string;
  /** Module name -> file path relative to modulesDir. */
  moduleFiles: Record<string, string>;
}

/** What kernel.json records; paths relative to the entry folder. */
interface KernelManifest {
  description: string;
  kernelRelease: string;
  compression: Compression | 'none';
  vmlinuz: string;
  /** What -kernel takes, relative. Absent in entries made before aarch64 existed: `vmlinux`. */
  bootKernel?: string;
  /** Absent in entries made before aarch64 existed: `amd64`. */
  debArch?: string;
  modulesDir: string;
  moduleFiles: Record<string, string>;
}

const MANIFEST = 'kernel.json';

/** File-name-safe form of a package name or version (versions may hold `:` epochs). */
function safeName(s: string): string {
  return s.replace(/[^A-Za-z0-9.+~_-]/g, '_');
}

const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

/** The lib/modules/<release> folder of an unpacked kernel (Debian: lib/, merged-/usr distros: usr/lib/). */
async function findModulesDir(root: string): Promise<{ rel: string; release: string } | undefined> {
  for (const base of ['lib/modules', 'usr/lib/modules']) {
    let names: string[];
    try {
      names = await readdir(join(root, base));
    } catch {
      continue;
    }
    const release = names.sort().find((n) => existsSync(join(root, base, n, 'kernel')));
    if (release) return { rel: `${base}/${release}`, release };
  }
  return undefined;
}

/** The file QEMU boots, made from boot/vmlinuz. */
async function makeBootKernel(arch: GuestArch, vmlinuz: Uint8Array, signal?: AbortSignal): Promise<{ bytes: Uint8Array; compression: Compression | 'none' }> {
  if (arch.bootKernel === 'Image') {
    const { image, compression } = await extractArm64Image(vmlinuz, signal);
    return { bytes: image, compression };
  }
  const { vmlinux, compression } = await extractVmlinux(vmlinuz, signal);
  return { bytes: vmlinux, compression };
}

async function buildKernelEntry(work: string, pkg: KernelPackage, arch: GuestArch, apt: AptSource, log: Logger, signal?: AbortSignal): Promise<void> {
  const all = [pkg.image, ...pkg.extra];
  const label = all.map((p) => `${p.name} ${p.version}`).join(', ');
  let t = performance.now();
  log.info(`guest kernel: downloading ${label} (${arch.debArch}) with apt-get`);
  // Downloaded inside the work folder, so an interrupted run's leftovers go with it.
  const { dir: downloadDir, debs } = await downloadDebs(all, work, { apt, signal });
  try {
    log.info(`guest kernel: downloaded in ${seconds(t)}; unpacking`);
    t = performance.now();
    for (const deb of debs) await extractDeb(deb, work, { signal });
  } finally {
    await rm(downloadDir, { recursive: true, force: true });
  }
  // Only boot/ and the modules matter; the documentation under usr/share is dropped.
  await rm(join(work, 'usr', 'share'), { recursive: true, force: true });

  const modules = await findModulesDir(work);
  if (!modules) throw new InfraError(`${label} has no lib/modules/<release> folder`);
  const vmlinuzRel = `boot/vmlinuz-${modules.release}`;
  if (!existsSync(join(work, vmlinuzRel))) throw new InfraError(`${label} has no ${vmlinuzRel}`);

  const vmlinuz = await readFile(join(work, vmlinuzRel));
  const boot = await makeBootKernel(arch, vmlinuz, signal).catch((err: unknown) => {
    if (err instanceof QfiError || signal?.aborted) throw err;
    throw new InfraError(`cannot make the ${arch.bootKernel} QEMU boots from ${vmlinuzRel} of ${label}: ${(err as Error).message}`, {
      hint: 'set guest.kernel and guest.initrd to use a kernel of your own',
      cause: err,
    });
  });
  // A plain arm64 Image is booted as the package ships it: no second copy.
  const bootKernelRel = boot.compression === 'none' ? vmlinuzRel : arch.bootKernel;
  if (boot.compression !== 'none') await writeFile(join(work, bootKernelRel), boot.bytes);
  const moduleFiles = await indexModuleFiles(join(work, modules.rel));
  const manifest: KernelManifest = {
    description: `${pkg.image.name} ${pkg.image.version}`,
    kernelRelease: modules.release,
    compression: boot.compression,
    vmlinuz: vmlinuzRel,
    bootKernel: bootKernelRel,
    debArch: arch.debArch,
    modulesDir: modules.rel,
    moduleFiles,
  };
  await writeFile(join(work, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
  const mb = (n: number) => `${(n / 1048576).toFixed(1)} MiB`;
  log.info(
    `guest kernel: unpacked and made ${arch.bootKernel} (${boot.compression}, ${mb(vmlinuz.length)} -> ${mb(boot.bytes.length)}) in ${seconds(t)}`,
  );
}

/** amd64 keeps the names it had before other architectures existed, so its cache stays warm. */
function archSuffix(debArch: string): string {
  return debArch === 'amd64' ? '' : `-${debArch}`;
}

export async function ensureGuestKernel(opts: {
  cacheDir: string;
  arch: GuestArch;
  apt: AptSource;
  log: Logger;
  signal?: AbortSignal;
}): Promise<GuestKernel> {
  const { arch, apt } = opts;
  const root = join(opts.cacheDir, 'guest', 'kernel');
  const pkg = await resolveKernelPackageCached(join(root, `resolved${archSuffix(arch.debArch)}.json`), { apt, signal: opts.signal });
  const entryName = `${safeName(pkg.image.name)}_${safeName(pkg.image.version)}`;
  // Ubuntu's package names (linux-image-6.8.0-51-generic) do not say the architecture.
  const dir = join(root, arch.debArch === 'amd64' ? entryName : `${entryName}_${arch.debArch}`);
  const built = await ensureCacheEntry(dir, (work) => buildKernelEntry(work, pkg, arch, apt, opts.log, opts.signal));
  if (!built) opts.log.debug(`guest kernel: cached in ${dir}`);
  const m = JSON.parse(await readFile(join(dir, MANIFEST), 'utf8')) as KernelManifest;
  return {
    dir,
    bootKernel: join(dir, m.bootKernel ?? 'vmlinux'),
    vmlinuz: join(dir, m.vmlinuz),
    kernelRelease: m.kernelRelease,
    description: m.description,
    compression: m.compression,
    modulesDir: join(dir, m.modulesDir),
    moduleFiles: m.moduleFiles,
  };
}
