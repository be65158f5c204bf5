/**
 * The real kernel the built-in guest uses, if an earlier run (the integration test, or the CLI)
 * left it in the default cache. Unit tests that need real files skip when it is absent.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export interface CachedKernel {
  dir: string;
  vmlinuz: string;
  vmlinux: string;
  modulesDir: string;
  moduleFiles: Record<string, string>;
  kernelRelease: string;
}

export function defaultCacheDir(): string {
  return join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'qfi');
}

export const NO_CACHED_KERNEL =
  'no cached guest kernel: run the integration test (test/integration/builtin-guest.test.ts) once to download it';

export function findCachedKernel(): CachedKernel | undefined {
  const root = join(defaultCacheDir(), 'guest', 'kernel');
  let names: string[];
  try {
    names = readdirSync(root).sort().reverse();
  } catch {
    return undefined;
  }
  for (const name of names) {
    const dir = join(root, name);
    if (!existsSync(join(dir, '.complete')) || !existsSync(join(dir, 'kernel.json'))) continue;
    const m = JSON.parse(readFileSync(join(dir, 'kernel.json'), 'utf8')) as {
      vmlinuz: string;
      modulesDir: string;
      moduleFiles: Record<string, string>;
      kernelRelease: string;
    };
    return {
      dir,
      vmlinuz: join(dir, m.vmlinuz),
      vmlinux: join(dir, 'vmlinux'),
      modulesDir: join(dir, m.modulesDir),
      moduleFiles: m.moduleFiles,
      kernelRelease: m.kernelRelease,
    };
  }
  return undefined;
}
