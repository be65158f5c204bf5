/**
 * The real kernel the built-in guest uses, if an earlier run (the integration test, or the CLI)
 * left it in the default cache. Unit tests that need real files skip when it is absent.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { localCacheDir } from '../../../src/core/cache-dir.js';

export interface CachedKernel {
  dir: string;
  vmlinuz: string;
  /** x86: the extracted vmlinux. */
  vmlinux: string;
  /** What -kernel takes (x86: vmlinux; arm64: the Image). */
  bootKernel: string;
  debArch: string;
  modulesDir: string;
  moduleFiles: Record<string, string>;
  kernelRelease: string;
}

export const defaultCacheDir = localCacheDir;

/** Entries of a cache folder, newest name first (none when the folder does not exist). */
function newestFirst(root: string): string[] {
  try {
    return readdirSync(root).sort().reverse();
  } catch {
    return [];
  }
}

export const NO_CACHED_KERNEL =
  'no cached guest kernel: run the integration test (test/integration/builtin-guest.test.ts) once to download it';
export const NO_CACHED_ARM64_KERNEL =
  'no cached arm64 guest kernel: run test/integration/builtin-guest-aarch64.test.ts once to download it';

/** The arm64 busybox-static unpacked by an earlier aarch64 run, if any. */
export function findCachedArm64Busybox(): string | undefined {
  const root = join(defaultCacheDir(), 'guest', 'busybox');
  for (const name of newestFirst(root)) {
    const path = join(root, name, 'root', 'bin', 'busybox');
    if (name.endsWith('_arm64') && existsSync(join(root, name, '.complete')) && existsSync(path)) return path;
  }
  return undefined;
}

/** The private arm64 apt state's folder, when an earlier aarch64 run made one. */
export function findCachedArm64Apt(): string | undefined {
  const root = join(defaultCacheDir(), 'guest', 'apt', 'arm64');
  return existsSync(join(root, 'updated')) ? root : undefined;
}

/** The newest complete cached kernel entry for `debArch` (amd64 entries made before arm64 existed say none). */
export function findCachedKernel(debArch = 'amd64'): CachedKernel | undefined {
  const root = join(defaultCacheDir(), 'guest', 'kernel');
  for (const name of newestFirst(root)) {
    const dir = join(root, name);
    if (!existsSync(join(dir, '.complete')) || !existsSync(join(dir, 'kernel.json'))) continue;
    const m = JSON.parse(readFileSync(join(dir, 'kernel.json'), 'utf8')) as {
      vmlinuz: string;
      bootKernel?: string;
      debArch?: string;
      modulesDir: string;
      moduleFiles: Record<string, string>;
      kernelRelease: string;
    };
    if ((m.debArch ?? 'amd64') !== debArch) continue;
    return {
      dir,
      vmlinuz: join(dir, m.vmlinuz),
      vmlinux: join(dir, 'vmlinux'),
      bootKernel: join(dir, m.bootKernel ?? 'vmlinux'),
      debArch,
      modulesDir: join(dir, m.modulesDir),
      moduleFiles: m.moduleFiles,
      kernelRelease: m.kernelRelease,
    };
  }
  return undefined;
}
