/**
 * The guest's userland is one static busybox (Debian/Ubuntu `busybox-static`). It must be
 * static: the initramfs has no C library or dynamic loader for it. It must also be built for the
 * guest's CPU: a guest of the host's architecture takes the host's /bin/busybox; another
 * architecture's comes from its `busybox-static` package, downloaded with the private apt
 * (apt-source.ts) and unpacked once under `${cacheDir}/guest/busybox/`.
 */
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from '../../core/host.js';
import { InfraError } from '../../core/errors.js';
import { aptShow, aptStateFingerprint, type AptSource } from './apt-source.js';
import { ensureCacheEntry } from './cache-entry.js';
import { downloadDebs, extractDeb } from './deb-fetch.js';
import { elfMachine, hasProgramInterpreter, isElf } from './elf.js';
import { parseControlStanza, type DebPackage } from './kernel-package.js';
import { remembered } from './remembered.js';

export const BUSYBOX_CANDIDATES = ['/bin/busybox', '/usr/bin/busybox'];
export const BUSYBOX_PACKAGE = 'busybox-static';
const HINT = 'apt-get install busybox-static';

export interface StaticBusybox {
  path: string;
  bytes: Uint8Array;
}

/**
 * The first candidate that is a static ELF executable (for the CPU `machine`, an ELF e_machine
 * value, when given).
 */
export async function findStaticBusybox(candidates: readonly string[] = BUSYBOX_CANDIDATES, machine?: number): Promise<StaticBusybox> {
  const problems: string[] = [];
  for (const path of candidates) {
    let bytes: Buffer;
    try {
      bytes = await readFile(path);
    } catch {
      continue;
    }
    let problem: string | undefined;
    try {
      if (!isElf(bytes)) problem = 'is not an ELF executable';
      else if (hasProgramInterpreter(bytes)) problem = 'is dynamically linked';
      else if (machine !== undefined && elfMachine(bytes) !== machine) problem = `is for ELF machine ${elfMachine(bytes)}, not ${machine}`;
    } catch (err) {
      problem = `is not a 64-bit ELF executable (${(err as Error).message})`;
    }
    if (problem === undefined) return { path, bytes };
    problems.push(`${path} ${problem}`);
  }
  const found = problems.length > 0 ? `: ${problems.join('; ')}` : ` (looked at ${candidates.join(', ')})`;
  throw new InfraError(`no static busybox for the guest${found}`, { hint: HINT });
}

/** The busybox-static version apt offers, remembered while its lists stay the same. */
async function resolveBusyboxPackage(apt: AptSource, memoFile: string, signal?: AbortSignal): Promise<DebPackage> {
  const fingerprint = `v1\n${BUSYBOX_PACKAGE}:${apt.debArch}\n${await aptStateFingerprint(apt)}`;
  return remembered(memoFile, fingerprint, 'package', async () => {
    const text = await aptShow(BUSYBOX_PACKAGE, apt, { signal });
    const version = text === undefined ? undefined : parseControlStanza(text).get('Version');
    if (!version) {
      throw new InfraError(`apt knows no ${apt.debArch} ${BUSYBOX_PACKAGE} package`, {
        hint: `check the apt sources of this host carry ${apt.debArch} packages`,
      });
    }
    return { name: BUSYBOX_PACKAGE, version };
  });
}

function safeName(s: string): string {
  return s.replace(/[^A-Za-z0-9.+~_-]/g, '_');
}

/**
 * busybox-static of another architecture: downloaded with `apt` (a private apt state), unpacked
 * into `${cacheDir}/guest/busybox/busybox-static_<version>_<debArch>/`, checked to be a static
 * executable for `machine`.
 */
export async function ensurePackagedBusybox(opts: {
  apt: AptSource;
  machine: number;
  cacheDir: string;
  log: Logger;
  signal?: AbortSignal;
}): Promise<StaticBusybox> {
  const root = join(opts.cacheDir, 'guest', 'busybox');
  const pkg = await resolveBusyboxPackage(opts.apt, join(root, `resolved-${opts.apt.debArch}.json`), opts.signal);
  const dir = join(root, `${pkg.name}_${safeName(pkg.version)}_${opts.apt.debArch}`);
  await ensureCacheEntry(dir, async (work) => {
    opts.log.info(`guest busybox: downloading ${opts.apt.debArch} ${pkg.name} ${pkg.version} with apt-get`);
    const { dir: downloadDir, debs } = await downloadDebs([pkg], work, { apt: opts.apt, signal: opts.signal });
    try {
      await extractDeb(debs[0]!, join(work, 'root'), { signal: opts.signal });
    } finally {
      await rm(downloadDir, { recursive: true, force: true });
    }
    // Fail here, not at boot, when the package did not hold what we need.
    await findStaticBusybox(BUSYBOX_CANDIDATES.map((p) => join(work, 'root', p)), opts.machine);
  });
  return findStaticBusybox(BUSYBOX_CANDIDATES.map((p) => join(dir, 'root', p)), opts.machine);
}
