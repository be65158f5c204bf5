/**
 * The built-in guest's initramfs: busybox, the agent script as /init, and the kernel modules the
 * agent loads, as a newc cpio. Cached under `${cacheDir}/guest/initramfs/<key>/` where the key is
 * a sha256 over everything that goes in, so any change (agent, busybox, kernel) rebuilds it.
 *
 * Not compressed: the same inputs give the same bytes on every host and Node.js version (zlib
 * builds differ in their output), and the guest skips a decompression that costs time under TCG.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { Logger } from '../../core/host.js';
import { InfraError } from '../../core/errors.js';
import { packageRoot } from '../../core/package-root.js';
import type { StaticBusybox } from './busybox.js';
import { sha256Hex } from './debian-index.js';
import { ensureGuestEntry, guestCacheDir } from './guest-cache.js';
import { writeCpioNewc, type CpioEntry } from './cpio-newc.js';
import { X86_64_GUEST_MODULES } from './guest-arch.js';
import type { GuestKernel } from './guest-kernel.js';
import { ModuleError, ModuleTree, orderModules, parseModulesBuiltin, uncompressedModulePath, type LoadedModule } from './kernel-modules.js';

/** Bump when the layout below changes, so old cached archives are not reused. */
export const INITRAMFS_FORMAT = 4;

/** The x86_64 guest's modules; each architecture's list is in guest-arch.ts. */
export const GUEST_MODULES = X86_64_GUEST_MODULES;

export const INITRAMFS_FILE = 'initramfs.cpio';
const INITRAMFS_MANIFEST = 'initramfs.json';
/** In the guest: one module path per line, in load order. */
export const MODULE_LIST_PATH = 'etc/qfi/modules';

export function agentScriptPath(): string {
  return join(packageRoot(), 'guest', 'qfi-init.sh');
}

/** The built-in guest's fault-point helper, /usr/bin/qfi-fault. */
export function faultHelperPath(): string {
  return join(packageRoot(), 'guest', 'qfi-fault.sh');
}

interface InitramfsInputs {
  agent: Uint8Array;
  faultHelper: Uint8Array;
  busybox: Pick<StaticBusybox, 'bytes'>;
  kernelRelease: string;
  /** In load order. */
  modules: LoadedModule[];
}

/** The cache key: sha256 over every input, each length-prefixed so boundaries are unambiguous. */
export function initramfsKey(inputs: InitramfsInputs): string {
  const h = createHash('sha256');
  const part = (label: string, bytes: Uint8Array | string) => {
    const b = typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes;
    h.update(`${label}:${b.length}:`);
    h.update(b);
  };
  part('format', String(INITRAMFS_FORMAT));
  part('release', inputs.kernelRelease);
  part('agent', inputs.agent);
  part('fault-helper', inputs.faultHelper);
  part('busybox', inputs.busybox.bytes);
  for (const m of inputs.modules) {
    part('module-path', m.relPath);
    part('module', m.raw);
  }
  return h.digest('hex').slice(0, 32);
}

/** Every directory on the way to `path` (`a`, `a/b` for `a/b/c`), for a cpio that lists parents first. */
function parents(path: string): string[] {
  const parts = path.split('/');
  return parts.slice(0, -1).map((_, i) => parts.slice(0, i + 1).join('/'));
}

/** The archive's entries: a fixed skeleton, then busybox, the agent, and the modules. */
export function initramfsEntries(inputs: InitramfsInputs): CpioEntry[] {
  const entries: CpioEntry[] = [];
  const dirs = new Set<string>();
  const dir = (path: string, mode = 0o755) => {
    for (const p of [...parents(path), path]) {
      if (dirs.has(p)) continue;
      dirs.add(p);
      entries.push({ type: 'dir', path: p, mode: p === path ? mode : 0o755 });
    }
  };
  for (const d of ['bin', 'sbin', 'usr/bin', 'usr/sbin', 'dev', 'proc', 'sys', 'run', 'etc/qfi']) dir(d);
  dir('tmp', 0o1777);
  dir('root', 0o700);
  entries.push({ type: 'file', path: 'bin/busybox', data: inputs.busybox.bytes, mode: 0o755 });
  entries.push({ type: 'symlink', path: 'bin/sh', target: 'busybox' });
  entries.push({ type: 'file', path: 'init', data: inputs.agent, mode: 0o755 });
  entries.push({ type: 'file', path: 'usr/bin/qfi-fault', data: inputs.faultHelper, mode: 0o755 });
  const guestPaths: string[] = [];
  for (const m of inputs.modules) {
    const path = `lib/modules/${inputs.kernelRelease}/${uncompressedModulePath(m.relPath)}`;
    dir(path.slice(0, path.lastIndexOf('/')));
    entries.push({ type: 'file', path, data: m.elf, mode: 0o644 });
    guestPaths.push(`/${path}`);
  }
  entries.push({ type: 'file', path: MODULE_LIST_PATH, data: Buffer.from(guestPaths.map((p) => `${p}\n`).join('')), mode: 0o644 });
  // The release the modules were built for: the agent skips them under another (custom) kernel.
  entries.push({ type: 'file', path: 'etc/qfi/kernel-release', data: Buffer.from(`${inputs.kernelRelease}\n`), mode: 0o644 });
  return entries;
}

/** The modules `wanted` and their dependencies from `kernel`, in load order, built-ins left out. */
export async function loadModules(kernel: GuestKernel, wanted: readonly string[], signal?: AbortSignal): Promise<LoadedModule[]> {
  let builtinText = '';
  try {
    builtinText = await readFile(join(kernel.modulesDir, 'modules.builtin'), 'utf8');
  } catch {
    // no list: assume nothing is built in; a missing module then fails loudly below
  }
  const tree = new ModuleTree(kernel.modulesDir, kernel.moduleFiles, parseModulesBuiltin(builtinText), signal);
  try {
    const order = await orderModules(wanted, tree);
    return await Promise.all(order.map(async (name) => (await tree.load(name))!));
  } catch (err) {
    if (err instanceof ModuleError) {
      throw new InfraError(`guest kernel ${kernel.description}: ${err.message}`, {
        hint: 'the built-in guest needs these drivers; set guest.kernel and guest.initrd to use another kernel',
        cause: err,
      });
    }
    throw err;
  }
}

export interface BuiltInitramfs {
  path: string;
  sha256: string;
}

export async function ensureInitramfs(opts: {
  cacheDir: string;
  kernel: GuestKernel;
  /** Built for the guest's CPU. */
  busybox: StaticBusybox;
  /** Module names the agent loads (guest-arch.ts). */
  modules: readonly string[];
  log: Logger;
  signal?: AbortSignal;
}): Promise<BuiltInitramfs> {
  const busybox = opts.busybox;
  const [agent, faultHelper, modules] = await Promise.all([
    readFile(agentScriptPath()),
    readFile(faultHelperPath()),
    loadModules(opts.kernel, opts.modules, opts.signal),
  ]);
  const inputs: InitramfsInputs = { agent, faultHelper, busybox, kernelRelease: opts.kernel.kernelRelease, modules };
  const dir = join(guestCacheDir(opts.cacheDir, 'initramfs'), initramfsKey(inputs));
  // Quick to make again: not worth a round trip to the Actions cache.
  const how = await ensureGuestEntry(dir, '', { log: opts.log }, async (work) => {
    const t = performance.now();
    opts.signal?.throwIfAborted();
    const cpio = writeCpioNewc(initramfsEntries(inputs));
    await writeFile(join(work, INITRAMFS_FILE), cpio);
    const manifest = { sha256: sha256Hex(cpio), busybox: busybox.description, kernel: opts.kernel.description, modules: modules.map((m) => m.relPath) };
    await writeFile(join(work, INITRAMFS_MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
    opts.log.info(
      `guest initramfs: ${modules.length} modules + busybox, ${(cpio.length / 1024).toFixed(0)} KiB, built in ${(performance.now() - t).toFixed(0)} ms`,
    );
  });
  if (how === 'cached') opts.log.debug(`guest initramfs: cached in ${dir}`);
  const { sha256 } = JSON.parse(await readFile(join(dir, INITRAMFS_MANIFEST), 'utf8')) as { sha256: string };
  return { path: join(dir, INITRAMFS_FILE), sha256 };
}
