/**
 * The real guest kernel and busybox, if an earlier run (an integration test, or the CLI) left
 * them in the default cache. Unit tests that need real files skip when they are absent.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { localCacheDir } from '../../../src/core/cache-dir.js';
import { KERNEL_MANIFEST, kernelFromManifest, type GuestKernel } from '../../../src/provision/guest/guest-kernel.js';

export const defaultCacheDir = localCacheDir;

export const NO_CACHED_KERNEL = 'no cached guest kernel: run the integration test (test/integration/builtin-guest.test.ts) once to download it';
export const NO_CACHED_ARM64_KERNEL = 'no cached arm64 guest kernel: run test/integration/builtin-guest-aarch64.test.ts once to download it';

/** Complete entries of a guest cache folder whose name starts with `prefix`, most recently made first. */
function entries(kind: 'kernel' | 'busybox', prefix: string): string[] {
  const root = join(defaultCacheDir(), 'guest', kind);
  let names: string[];
  try {
    names = readdirSync(root);
  } catch {
    return [];
  }
  return names
    .filter((n) => n.startsWith(prefix) && !n.includes('.partial-') && existsSync(join(root, n, '.complete')))
    .map((n) => join(root, n))
    .sort((a, b) => statSync(join(b, '.complete')).mtimeMs - statSync(join(a, '.complete')).mtimeMs);
}

/** The busybox-static of `debArch` that an earlier run unpacked, if any. */
export function findCachedBusybox(debArch: 'amd64' | 'arm64'): string | undefined {
  return entries('busybox', `${debArch}-`)
    .map((d) => join(d, 'busybox'))
    .find((p) => existsSync(p));
}

/** The newest complete cached kernel entry for `debArch`. */
export function findCachedKernel(debArch: 'amd64' | 'arm64' = 'amd64'): GuestKernel | undefined {
  for (const dir of entries('kernel', `${debArch}-`)) {
    if (!existsSync(join(dir, KERNEL_MANIFEST))) continue;
    return kernelFromManifest(dir, readFileSync(join(dir, KERNEL_MANIFEST), 'utf8'));
  }
  return undefined;
}
