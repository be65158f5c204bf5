/**
 * Kernel modules the agent loads, found and ordered without depmod or modprobe: each module's
 * `.modinfo` section names its dependencies (`depends=a,b`), so we walk that graph ourselves and
 * load dependencies first. Modules the kernel has built in (modules.builtin) are skipped.
 * Debian ships plain `.ko`; other distributions compress them (.ko.xz, .ko.zst, .ko.gz), which we
 * undo because busybox insmod wants the plain ELF.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';
import { readElfSection } from './elf.js';
import { filterBytes } from './run-tool.js';

export class ModuleError extends Error {
  override name = 'ModuleError';
}

/** Module names use `_` and `-` interchangeably (file names vs KBUILD_MODNAME): compare with `_`. */
export function normalizeModuleName(name: string): string {
  return name.replace(/-/g, '_');
}

const MODULE_FILE = /^(.+)\.ko(\.xz|\.zst|\.gz)?$/;

/** `drivers/virtio/virtio_pci.ko.zst` -> `virtio_pci`; undefined when not a module file. */
export function moduleNameOfPath(path: string): string | undefined {
  const base = path.slice(path.lastIndexOf('/') + 1);
  const m = MODULE_FILE.exec(base);
  return m ? normalizeModuleName(m[1]!) : undefined;
}

/** The path a module has inside the initramfs: always uncompressed. */
export function uncompressedModulePath(path: string): string {
  return path.replace(/\.(xz|zst|gz)$/, '');
}

export interface ModInfo {
  name: string | undefined;
  depends: string[];
  vermagic: string | undefined;
}

/** Parse `.modinfo` bytes: NUL-separated `key=value` strings (with NUL padding between them). */
export function parseModinfo(section: Uint8Array): ModInfo {
  const info: ModInfo = { name: undefined, depends: [], vermagic: undefined };
  for (const entry of Buffer.from(section.buffer, section.byteOffset, section.byteLength).toString('latin1').split('\0')) {
    const eq = entry.indexOf('=');
    if (eq <= 0) continue;
    const key = entry.slice(0, eq);
    const value = entry.slice(eq + 1);
    if (key === 'name') info.name = normalizeModuleName(value);
    else if (key === 'vermagic') info.vermagic = value;
    else if (key === 'depends') info.depends = value.split(',').filter(Boolean).map(normalizeModuleName);
  }
  return info;
}

/** What ordering needs to know about a kernel's modules. */
export interface ModuleGraph {
  isBuiltin(name: string): boolean;
  /** The module's `depends=`; undefined when the kernel has no such loadable module. */
  dependsOf(name: string): Promise<string[] | undefined>;
}

/**
 * The loadable modules to insmod, dependencies before dependents, built-ins left out. Keeps the
 * order of `wanted` where dependencies allow, so the result is stable.
 */
export async function orderModules(wanted: readonly string[], graph: ModuleGraph): Promise<string[]> {
  const order: string[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = async (name: string, path: string[]): Promise<void> => {
    if (graph.isBuiltin(name)) return;
    const seen = state.get(name);
    if (seen === 'done') return;
    if (seen === 'visiting') throw new ModuleError(`module dependency cycle: ${[...path, name].join(' -> ')}`);
    state.set(name, 'visiting');
    const depends = await graph.dependsOf(name);
    if (depends === undefined) {
      const via = path.length > 0 ? ` (needed by ${path[path.length - 1]})` : '';
      throw new ModuleError(`the kernel has no module ${name}${via}, and it is not built in`);
    }
    for (const dep of depends) await visit(dep, [...path, name]);
    state.set(name, 'done');
    order.push(name);
  };
  for (const name of wanted) await visit(normalizeModuleName(name), []);
  return order;
}

/** Names in `modules.builtin` (one `kernel/.../name.ko` path per line). */
export function parseModulesBuiltin(text: string): Set<string> {
  const names = new Set<string>();
  for (const line of text.split('\n')) {
    const name = moduleNameOfPath(line.trim());
    if (name) names.add(name);
  }
  return names;
}

/** Every module file under a `lib/modules/<release>` folder: name -> path relative to it. */
export async function indexModuleFiles(modulesDir: string): Promise<Record<string, string>> {
  const index: Record<string, string> = {};
  const entries = await readdir(modulesDir, { recursive: true, withFileTypes: true });
  const found: string[] = [];
  for (const e of entries) {
    if (!e.isFile()) continue;
    const rel = join(e.parentPath, e.name).slice(modulesDir.length + 1);
    if (moduleNameOfPath(rel)) found.push(rel);
  }
  // Sorted so that a name present twice (e.g. under updates/) resolves the same way every time.
  for (const rel of found.sort()) index[moduleNameOfPath(rel)!] ??= rel;
  return index;
}

const gunzipAsync = promisify(gunzip);

/** A module's ELF bytes, decompressed when its file name (`path`) says it is compressed. */
export async function moduleElf(path: string, raw: Uint8Array, signal?: AbortSignal): Promise<Uint8Array> {
  if (path.endsWith('.ko')) return raw;
  if (path.endsWith('.ko.gz')) return gunzipAsync(raw);
  if (path.endsWith('.ko.xz')) return filterBytes('xz', ['-dc'], raw, { signal, missingHint: 'install xz (xz-utils)' });
  if (path.endsWith('.ko.zst')) return filterBytes('zstd', ['-dcq'], raw, { signal, missingHint: 'install zstd' });
  throw new ModuleError(`not a kernel module file: ${path}`);
}

/** A module file's ELF bytes, decompressed when its name says it is compressed. */
export async function readModuleFile(path: string, signal?: AbortSignal): Promise<Uint8Array> {
  return moduleElf(path, await readFile(path), signal);
}

/** A module's `.modinfo`, read from its ELF bytes. */
export function modinfoOf(relPath: string, elf: Uint8Array): ModInfo {
  let section: Uint8Array | undefined;
  try {
    section = readElfSection(elf, '.modinfo');
  } catch (err) {
    throw new ModuleError(`${relPath}: ${(err as Error).message}`);
  }
  if (!section) throw new ModuleError(`${relPath} has no .modinfo section`);
  return parseModinfo(section);
}

export interface LoadedModule {
  name: string;
  /** Path relative to lib/modules/<release>, as shipped (maybe compressed). */
  relPath: string;
  /** As shipped: what the initramfs cache key hashes. */
  raw: Uint8Array;
  /** Decompressed ELF: what goes into the initramfs. */
  elf: Uint8Array;
  info: ModInfo;
}

/**
 * The modules of one kernel (unpacked in a folder, or still in its package's tar): a ModuleGraph
 * that reads each module once and keeps its bytes for the initramfs.
 */
export class ModuleTree implements ModuleGraph {
  private readonly loaded = new Map<string, LoadedModule>();

  /** `source`: a lib/modules/<release> folder, or a function giving a module file's bytes by relative path. */
  constructor(
    source: string | ((relPath: string) => Promise<Uint8Array>),
    private readonly index: Record<string, string>,
    private readonly builtin: Set<string>,
    private readonly signal?: AbortSignal,
  ) {
    this.read = typeof source === 'string' ? (relPath) => readFile(join(source, relPath)) : source;
  }

  private readonly read: (relPath: string) => Promise<Uint8Array>;

  isBuiltin(name: string): boolean {
    return this.builtin.has(name);
  }

  async load(name: string): Promise<LoadedModule | undefined> {
    const cached = this.loaded.get(name);
    if (cached) return cached;
    const relPath = this.index[name];
    if (relPath === undefined) return undefined;
    const raw = await this.read(relPath);
    const elf = await moduleElf(relPath, raw, this.signal);
    const mod: LoadedModule = { name, relPath, raw, elf, info: modinfoOf(relPath, elf) };
    this.loaded.set(name, mod);
    return mod;
  }

  async dependsOf(name: string): Promise<string[] | undefined> {
    return (await this.load(name))?.info.depends;
  }
}
