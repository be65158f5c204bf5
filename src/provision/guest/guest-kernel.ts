/**
 * The guest kernel in the cache, made from the kernel package's .deb (read in-process, see
 * deb-archive.ts): the file QEMU boots (x86: the vmlinux inside boot/vmlinuz, for PVH direct
 * boot; arm64: the Image) and only the modules the agent loads with their dependencies — about
 * 60 MB instead of the package's 150 MB module tree. One entry per .deb sha256 and recipe, under
 * `${cacheDir}/guest/kernel/<debArch>-<sha16>-<recipe>/`.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Logger } from '../../core/host.js';
import { InfraError, QfiError } from '../../core/errors.js';
import { extractArm64Image } from './arm64-image.js';
import { extractVmlinux } from './bzimage.js';
import type { Compression } from './compression.js';
import { debControl, debTar, tarEntries } from './deb-archive.js';
import { sha256Hex } from './debian-index.js';
import type { GuestArch } from './guest-arch.js';
import { ensureGuestEntry, guestCacheDir } from './guest-cache.js';
import type { DebRef, PackageEntryOptions } from './guest-packages.js';
import { ModuleError, ModuleTree, moduleNameOfPath, orderModules, parseModulesBuiltin } from './kernel-modules.js';

/** Bumped when what an entry holds changes. */
export const KERNEL_ENTRY_FORMAT = 2;

export interface GuestKernel {
  dir: string;
  /** What `-kernel` takes: the uncompressed vmlinux ELF (x86) or Image (arm64). */
  bootKernel: string;
  /** sha256 of bootKernel. */
  bootKernelSha256: string;
  kernelRelease: string;
  /** `linux-image-6.1.0-50-cloud-amd64 6.1.176-1` */
  description: string;
  /** The package it came from, as its control file names it. */
  package: { name: string; version: string; sha256: string; filename: string };
  /** How boot/vmlinuz held the kernel (`none`: a plain arm64 Image). */
  compression: Compression | 'none';
  /** Absolute lib/modules/<release> folder: the kept modules and modules.builtin. */
  modulesDir: string;
  /** Module name -> file path relative to modulesDir (only the kept ones). */
  moduleFiles: Record<string, string>;
}

/** What kernel.json records; paths relative to the entry folder. */
interface KernelManifest {
  format: number;
  package: GuestKernel['package'];
  kernelRelease: string;
  compression: Compression | 'none';
  bootKernel: string;
  bootKernelSha256: string;
  debArch: string;
  modulesDir: string;
  moduleFiles: Record<string, string>;
}

export const KERNEL_MANIFEST = 'kernel.json';

/** The part of the entry name that changes with what qfi keeps (format, module list). */
export function kernelRecipe(arch: GuestArch): string {
  return createHash('sha256')
    .update(JSON.stringify({ format: KERNEL_ENTRY_FORMAT, modules: arch.modules }))
    .digest('hex')
    .slice(0, 8);
}

export function kernelEntryName(arch: GuestArch, deb: Pick<DebRef, 'sha256'>): string {
  return `${arch.debArch}-${deb.sha256.slice(0, 16)}-${kernelRecipe(arch)}`;
}

const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;
const mb = (n: number) => `${(n / 1048576).toFixed(1)} MiB`;

/** The file QEMU boots, made from boot/vmlinuz. */
async function makeBootKernel(arch: GuestArch, vmlinuz: Uint8Array, signal?: AbortSignal): Promise<{ bytes: Uint8Array; compression: Compression | 'none' }> {
  if (arch.bootKernel === 'Image') {
    const { image, compression } = await extractArm64Image(vmlinuz, signal);
    return { bytes: image, compression };
  }
  const { vmlinux, compression } = await extractVmlinux(vmlinuz, signal);
  return { bytes: vmlinux, compression };
}

/** Unpack the .deb's kernel and the modules `arch` needs into `work`. */
export async function buildKernelEntry(work: string, debBytes: Uint8Array, ref: DebRef, arch: GuestArch, log: Logger, signal?: AbortSignal): Promise<void> {
  const t = performance.now();
  const control = await debControl(debBytes, signal);
  const name = control.get('Package') ?? ref.name;
  const version = control.get('Version') ?? ref.version;
  const label = `${name} ${version}`;
  if (control.get('Architecture') !== arch.debArch) throw new InfraError(`${label} is for ${control.get('Architecture')}, not ${arch.debArch}`);

  // Files by path; module files also by name. The tar stays in memory (~110 MB) only while we pick from it.
  const files = new Map<string, Uint8Array>();
  for (const entry of tarEntries(await debTar(debBytes, 'data', signal))) {
    if (entry.type === 'file') files.set(entry.path, entry.data);
  }
  const release = [...files.keys()].map((p) => /^(?:usr\/)?lib\/modules\/([^/]+)\/kernel\//.exec(p)?.[1]).find((r) => r !== undefined);
  if (!release) throw new InfraError(`${label} has no lib/modules/<release>/kernel folder`);
  const modulesRel =
    [...files.keys()].find((p) => p.endsWith(`lib/modules/${release}/modules.builtin`))?.replace(/\/modules\.builtin$/, '') ?? `lib/modules/${release}`;
  const vmlinuz = files.get(`boot/vmlinuz-${release}`);
  if (!vmlinuz) throw new InfraError(`${label} has no boot/vmlinuz-${release}`);

  const boot = await makeBootKernel(arch, vmlinuz, signal).catch((err: unknown) => {
    if (err instanceof QfiError || signal?.aborted) throw err;
    throw new InfraError(`cannot make the ${arch.bootKernel} QEMU boots from boot/vmlinuz-${release} of ${label}: ${(err as Error).message}`, {
      hint: 'set guest.kernel and guest.initrd to use a kernel of your own',
      cause: err,
    });
  });

  const index: Record<string, string> = {};
  for (const path of [...files.keys()].sort()) {
    if (!path.startsWith(`${modulesRel}/`)) continue;
    const rel = path.slice(modulesRel.length + 1);
    const modName = moduleNameOfPath(rel);
    if (modName) index[modName] ??= rel;
  }
  const builtinText = Buffer.from(files.get(`${modulesRel}/modules.builtin`) ?? new Uint8Array()).toString('utf8');
  const tree = new ModuleTree(async (rel) => files.get(`${modulesRel}/${rel}`)!, index, parseModulesBuiltin(builtinText), signal);
  let keep: string[];
  try {
    keep = await orderModules(arch.modules, tree);
  } catch (err) {
    if (err instanceof ModuleError)
      throw new InfraError(`guest kernel ${label}: ${err.message}`, { hint: 'set guest.kernel and guest.initrd to use another kernel', cause: err });
    throw err;
  }
  const moduleFiles: Record<string, string> = {};
  for (const modName of keep) {
    const rel = index[modName]!;
    const dest = join(work, modulesRel, rel);
    await mkdir(dirname(dest), { recursive: true });
    await writeFile(dest, files.get(`${modulesRel}/${rel}`)!);
    moduleFiles[modName] = rel;
  }
  await mkdir(join(work, modulesRel), { recursive: true });
  await writeFile(join(work, modulesRel, 'modules.builtin'), builtinText);
  await writeFile(join(work, arch.bootKernel), boot.bytes);

  const manifest: KernelManifest = {
    format: KERNEL_ENTRY_FORMAT,
    package: { name, version, sha256: ref.sha256, filename: ref.filename },
    kernelRelease: release,
    compression: boot.compression,
    bootKernel: arch.bootKernel,
    bootKernelSha256: sha256Hex(boot.bytes),
    debArch: arch.debArch,
    modulesDir: modulesRel,
    moduleFiles,
  };
  await writeFile(join(work, KERNEL_MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
  log.info(
    `guest kernel: ${label} unpacked in ${seconds(t)}: ${arch.bootKernel} (${boot.compression}, ${mb(vmlinuz.length)} -> ${mb(boot.bytes.length)}) and ${keep.length} modules (${keep.join(', ')})`,
  );
}

export async function readKernelEntry(dir: string): Promise<GuestKernel> {
  return kernelFromManifest(dir, await readFile(join(dir, KERNEL_MANIFEST), 'utf8'));
}

/** The GuestKernel an entry's kernel.json describes. */
export function kernelFromManifest(dir: string, manifestText: string): GuestKernel {
  const m = JSON.parse(manifestText) as KernelManifest;
  return {
    dir,
    bootKernel: join(dir, m.bootKernel),
    bootKernelSha256: m.bootKernelSha256,
    kernelRelease: m.kernelRelease,
    description: `${m.package.name} ${m.package.version}`,
    package: m.package,
    compression: m.compression,
    modulesDir: join(dir, m.modulesDir),
    moduleFiles: m.moduleFiles,
  };
}

/** The kernel entry of `ref`: from the cache, the Actions cache, or built from the downloaded .deb. */
export async function ensureGuestKernel(opts: PackageEntryOptions): Promise<GuestKernel> {
  const name = kernelEntryName(opts.arch, opts.ref);
  const dir = join(guestCacheDir(opts.cacheDir, 'kernel'), name);
  const how = await ensureGuestEntry(dir, `qfi-guest-kernel-${name}`, opts, async (work) => {
    const deb = await opts.download(opts.ref);
    await buildKernelEntry(work, deb, opts.ref, opts.arch, opts.log, opts.signal);
  });
  if (how === 'restored') opts.log.info(`guest kernel: restored from the Actions cache (${name})`);
  else if (how === 'cached') opts.log.debug(`guest kernel: cached in ${dir}`);
  return readKernelEntry(dir);
}
