/**
 * The guest's userland is one static busybox from Debian's `busybox-static` package of the
 * guest's architecture, taken from the .deb (never from the host, whose busybox differs from
 * distribution to distribution), checked to be a static executable for the guest's CPU, and
 * kept under `${cacheDir}/guest/busybox/<debArch>-<sha16>/`.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { InfraError } from '../../core/errors.js';
import { debControl, debTar, tarEntries } from './deb-archive.js';
import { elfMachine, hasProgramInterpreter, isElf } from './elf.js';
import { ensureGuestEntry, guestCacheDir } from './guest-cache.js';
import type { PackageEntryOptions } from './guest-packages.js';

export const BUSYBOX_PATHS = ['bin/busybox', 'usr/bin/busybox'];

export interface StaticBusybox {
  path: string;
  bytes: Uint8Array;
  /** `busybox-static 1:1.35.0-4+deb12u1+b1` */
  description: string;
  package: { name: string; version: string; sha256: string; filename: string };
}

/** Why `bytes` cannot be the guest's busybox, or undefined when it can. */
export function staticBusyboxProblem(bytes: Uint8Array, machine: number): string | undefined {
  try {
    if (!isElf(bytes)) return 'is not an ELF executable';
    if (hasProgramInterpreter(bytes)) return 'is dynamically linked';
    if (elfMachine(bytes) !== machine) return `is for ELF machine ${elfMachine(bytes)}, not ${machine}`;
  } catch (err) {
    return `is not a 64-bit ELF executable (${(err as Error).message})`;
  }
  return undefined;
}

interface BusyboxManifest {
  package: StaticBusybox['package'];
}

export async function ensureGuestBusybox(opts: PackageEntryOptions): Promise<StaticBusybox> {
  const name = `${opts.arch.debArch}-${opts.ref.sha256.slice(0, 16)}`;
  const dir = join(guestCacheDir(opts.cacheDir, 'busybox'), name);
  await ensureGuestEntry(dir, `qfi-guest-busybox-${name}`, opts, async (work) => {
    const deb = await opts.download(opts.ref);
    const control = await debControl(deb, opts.signal);
    const label = `${control.get('Package') ?? opts.ref.name} ${control.get('Version') ?? opts.ref.version}`;
    let bytes: Uint8Array | undefined;
    for (const entry of tarEntries(await debTar(deb, 'data', opts.signal))) {
      if (entry.type === 'file' && BUSYBOX_PATHS.includes(entry.path)) bytes = entry.data;
    }
    if (!bytes) throw new InfraError(`${label} holds no ${BUSYBOX_PATHS.join(' or ')}`);
    const problem = staticBusyboxProblem(bytes, opts.arch.elfMachine);
    if (problem) throw new InfraError(`the busybox of ${label} ${problem}`, { hint: 'set guest.initrd to an initramfs of your own' });
    await writeFile(join(work, 'busybox'), bytes, { mode: 0o755 });
    const manifest: BusyboxManifest = {
      package: {
        name: control.get('Package') ?? opts.ref.name,
        version: control.get('Version') ?? opts.ref.version,
        sha256: opts.ref.sha256,
        filename: opts.ref.filename,
      },
    };
    await writeFile(join(work, 'busybox.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    opts.log.info(`guest busybox: ${label} unpacked (${(bytes.length / 1024).toFixed(0)} KiB)`);
  });
  const manifest = JSON.parse(await readFile(join(dir, 'busybox.json'), 'utf8')) as BusyboxManifest;
  const path = join(dir, 'busybox');
  return { path, bytes: await readFile(path), description: `${manifest.package.name} ${manifest.package.version}`, package: manifest.package };
}
