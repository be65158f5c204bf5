/**
 * The guest kernel in the cache: the distribution package downloaded and unpacked once, its
 * vmlinux extracted for PVH direct boot, and an index of its module files, all under
 * `${cacheDir}/guest/kernel/<package>_<version>/` and reused until apt offers a newer kernel.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from '../../core/host.js';
import { InfraError, QfiError } from '../../core/errors.js';
import { extractVmlinux } from './bzimage.js';
import { ensureCacheEntry } from './cache-entry.js';
import type { Compression } from './compression.js';
import { downloadDebs, extractDeb } from './deb-fetch.js';
import { indexModuleFiles } from './kernel-modules.js';
import { resolveKernelPackageCached, type KernelPackage } from './kernel-package.js';

export interface GuestKernel {
  dir: string;
  /** Uncompressed kernel ELF. */
  vmlinux: string;
  /** The bzImage it came from (kept for inspection and tests). */
  vmlinuz: string;
  kernelRelease: string;
  /** `linux-image-6.1.0-56-cloud-amd64 6.1.192-2` */
  description: string;
  compression: Compression;
  /** Absolute lib/modules/<release> folder. */
  modulesDir: string;
  /** Module name -> file path relative to modulesDir. */
  moduleFiles: Record<string, string>;
}

/** What kernel.json records; paths relative to the entry folder. */
interface KernelManifest {
  description: string;
  kernelRelease: string;
  compression: Compression;
  vmlinuz: string;
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

async function buildKernelEntry(work: string, pkg: KernelPackage, log: Logger, signal?: AbortSignal): Promise<void> {
  const all = [pkg.image, ...pkg.extra];
  const label = all.map((p) => `${p.name} ${p.version}`).join(', ');
  let t = performance.now();
  log.info(`guest kernel: downloading ${label} with apt-get`);
  // Downloaded inside the work folder, so an interrupted run's leftovers go with it.
  const { dir: downloadDir, debs } = await downloadDebs(all, work, { signal });
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

  const image = await readFile(join(work, vmlinuzRel));
  const { vmlinux, compression } = await extractVmlinux(image, signal).catch((err: unknown) => {
    if (err instanceof QfiError || signal?.aborted) throw err;
    throw new InfraError(`cannot extract vmlinux from ${vmlinuzRel} of ${label}: ${(err as Error).message}`, {
      hint: 'set guest.kernel and guest.initrd to use a kernel of your own',
      cause: err,
    });
  });
  await writeFile(join(work, 'vmlinux'), vmlinux);
  const moduleFiles = await indexModuleFiles(join(work, modules.rel));
  const manifest: KernelManifest = {
    description: `${pkg.image.name} ${pkg.image.version}`,
    kernelRelease: modules.release,
    compression,
    vmlinuz: vmlinuzRel,
    modulesDir: modules.rel,
    moduleFiles,
  };
  await writeFile(join(work, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
  const mb = (n: number) => `${(n / 1048576).toFixed(1)} MiB`;
  log.info(
    `guest kernel: unpacked and decompressed (${compression}, ${mb(image.length)} -> ${mb(vmlinux.length)}) in ${seconds(t)}`,
  );
}

export async function ensureGuestKernel(opts: { cacheDir: string; log: Logger; signal?: AbortSignal }): Promise<GuestKernel> {
  const root = join(opts.cacheDir, 'guest', 'kernel');
  const pkg = await resolveKernelPackageCached(join(root, 'resolved.json'), { signal: opts.signal });
  const dir = join(root, `${safeName(pkg.image.name)}_${safeName(pkg.image.version)}`);
  const built = await ensureCacheEntry(dir, (work) => buildKernelEntry(work, pkg, opts.log, opts.signal));
  if (!built) opts.log.debug(`guest kernel: cached in ${dir}`);
  const m = JSON.parse(await readFile(join(dir, MANIFEST), 'utf8')) as KernelManifest;
  return {
    dir,
    vmlinux: join(dir, 'vmlinux'),
    vmlinuz: join(dir, m.vmlinuz),
    kernelRelease: m.kernelRelease,
    description: m.description,
    compression: m.compression,
    modulesDir: join(dir, m.modulesDir),
    moduleFiles: m.moduleFiles,
  };
}
