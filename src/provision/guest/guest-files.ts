/**
 * `files`: host files put into the built-in guest. They travel as a second cpio archive
 * appended to the cached initramfs (the kernel unpacks concatenated archives in order), so the
 * cached one is never rebuilt for them. A dynamic ELF program brings its loader and the shared
 * libraries it needs, found the way the loader would find them (RUNPATH/RPATH, then the
 * system's library folders), so a program built on the host runs in the guest.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { dirname, join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ConfigError } from '../../core/errors.js';
import type { Arch } from '../../config/types.js';
import type { FileSpec } from '../../config/file-spec.js';
import { writeCpioNewc, type CpioEntry } from './cpio-newc.js';
import { isElf } from './elf.js';
import { readElfDynamic, type ElfDynamicInfo } from './elf-dynamic.js';
import { guestArch } from './guest-arch.js';

/** Debian's multiarch triplet of a guest arch: library folders and cross-toolchain sysroots are named by it. */
const triplet = (arch: Arch): string => `${arch}-linux-gnu`;

/** Where libraries of `arch` are looked for on the host, in order. */
export function librarySearchDirs(arch: Arch): string[] {
  const t = triplet(arch);
  // A cross toolchain's sysroot (e.g. gcc-aarch64-linux-gnu's libc6-arm64-cross) comes last.
  return [`/lib/${t}`, `/usr/lib/${t}`, ...(arch === 'x86_64' ? ['/lib64', '/usr/lib64'] : []), '/lib', '/usr/lib', '/usr/local/lib', `/usr/${t}/lib`];
}

/** A file placed into the guest: where, and from which host file. */
export interface PlacedFile {
  dest: string;
  source: string;
  mode: number;
  /** Why it is there: given by the user, or needed by (the program that needs it). */
  neededBy: string | undefined;
}

/**
 * Every file that goes in: the given ones, then the loader and libraries of each dynamic
 * program (each once). Throws ConfigError when a program is for another architecture or a
 * library is nowhere to be found.
 */
export function resolveGuestFiles(files: readonly FileSpec[], arch: Arch): PlacedFile[] {
  const placed = new Map<string, PlacedFile>();
  const machine = guestArch[arch].elfMachine;
  const add = (file: PlacedFile) => {
    if (!placed.has(file.dest)) placed.set(file.dest, file);
  };
  for (const file of files) {
    add({ dest: file.dest, source: file.path, mode: file.mode ?? statSync(file.path).mode & 0o7777, neededBy: undefined });
    const bytes = readFileSync(file.path);
    if (!isElf(bytes)) continue;
    const info = readElfDynamic(bytes);
    if (info.machine !== machine) {
      throw new ConfigError(`files: ${file.path} is a program for another CPU (ELF machine ${info.machine}), but the guest is ${arch}`, {
        location: { input: 'files' },
        hint: `build it for ${arch} (a cross compiler, e.g. ${triplet(arch)}-gcc), or set arch to match`,
      });
    }
    for (const lib of dependencies(file.path, file.dest, info, arch)) add(lib);
  }
  return [...placed.values()];
}

/** The loader and the transitive DT_NEEDED closure of one program placed at `dest` in the guest. */
function dependencies(program: string, dest: string, info: ElfDynamicInfo, arch: Arch): PlacedFile[] {
  const out: PlacedFile[] = [];
  const dirs = librarySearchDirs(arch);
  const t = triplet(arch);
  /** A system library keeps its path; one from a cross sysroot goes to the guest's own multiarch folder. */
  const systemGuestPath = (hostPath: string) => (hostPath.startsWith(`/usr/${t}/lib/`) ? `/lib/${t}/${posix.basename(hostPath)}` : hostPath);
  if (info.interpreter) {
    const host = [info.interpreter, ...dirs.map((d) => join(d, posix.basename(info.interpreter!)))].find((p) => existsSync(p));
    if (!host) throw missingLibrary(program, info.interpreter, [dirname(info.interpreter), ...dirs]);
    out.push({ dest: info.interpreter, source: host, mode: 0o755, neededBy: program });
  }
  interface Wanted {
    name: string;
    by: string;
    /** The needing object's folder on the host and in the guest: $ORIGIN in each. */
    hostOrigin: string;
    guestOrigin: string;
    searchPaths: string[];
  }
  // libc names the loader as needed too: the one already placed serves (it is loaded first, by its soname).
  const seen = new Set<string>(info.interpreter ? [posix.basename(info.interpreter)] : []);
  const queue: Wanted[] = info.needed.map((name) => ({
    name,
    by: program,
    hostOrigin: dirname(program),
    guestOrigin: posix.dirname(dest),
    searchPaths: info.searchPaths,
  }));
  while (queue.length > 0) {
    const want = queue.shift()!;
    if (seen.has(want.name)) continue;
    seen.add(want.name);
    // Candidates as (host path, guest path): the object's own search path first, $ORIGIN read
    // on each side, so a library beside the program stays beside it in the guest.
    const origin = (p: string, o: string) => p.replaceAll('${ORIGIN}', o).replaceAll('$ORIGIN', o);
    const candidates: Array<[string, string]> = want.name.includes('/')
      ? [[want.name, want.name]]
      : [
          ...want.searchPaths.map((p): [string, string] => [join(origin(p, want.hostOrigin), want.name), posix.join(origin(p, want.guestOrigin), want.name)]),
          ...dirs.map((d): [string, string] => [join(d, want.name), systemGuestPath(join(d, want.name))]),
        ];
    let found: { host: string; guest: string; lib: ElfDynamicInfo } | undefined;
    for (const [host, guest] of candidates) {
      const lib = existsSync(host) && statSync(host).isFile() ? libraryFor(host, arch) : undefined;
      if (lib) {
        found = { host, guest, lib };
        break;
      }
    }
    if (!found) throw missingLibrary(want.by, want.name, want.name.includes('/') ? [] : candidates.map(([host]) => dirname(host)));
    const { host, guest, lib } = found;
    out.push({ dest: guest, source: host, mode: 0o755, neededBy: want.by });
    for (const next of lib.needed)
      queue.push({ name: next, by: host, hostOrigin: dirname(host), guestOrigin: posix.dirname(guest), searchPaths: lib.searchPaths });
  }
  return out;
}

/** The library's dynamic info; undefined for a same-named file of another architecture (a multilib folder), which the loader skips too. */
function libraryFor(path: string, arch: Arch): ElfDynamicInfo | undefined {
  const bytes = readFileSync(path);
  if (!isElf(bytes) || bytes[4] !== 2) return undefined;
  const info = readElfDynamic(bytes);
  return info.machine === guestArch[arch].elfMachine ? info : undefined;
}

function missingLibrary(program: string, name: string, searched: string[]): ConfigError {
  return new ConfigError(
    `files: ${program} needs ${name}, which is not on this host${searched.length ? ` (looked in ${[...new Set(searched)].join(', ')})` : ''}`,
    {
      location: { input: 'files' },
      hint: 'install the package that has it on the runner, add the library itself to files, or link the program statically (-static)',
    },
  );
}

/** The cpio entries for the placed files, with their parent folders. */
export function guestFileEntries(placed: readonly PlacedFile[]): CpioEntry[] {
  const dirs = new Set<string>();
  for (const file of placed) {
    for (let d = posix.dirname(file.dest); d !== '/' && d !== '.'; d = posix.dirname(d)) dirs.add(d);
  }
  const entries: CpioEntry[] = [...dirs].sort().map((d) => ({ type: 'dir', path: d, mode: 0o755 }));
  for (const file of placed) entries.push({ type: 'file', path: file.dest, mode: file.mode, data: readFileSync(file.source) });
  return entries;
}

/** Writes `base` + an archive of the files to `out`: the initrd QEMU boots. */
export async function initrdWithFiles(base: string, placed: readonly PlacedFile[], out: string): Promise<void> {
  await writeFile(out, Buffer.concat([readFileSync(base), gzipSync(writeCpioNewc(guestFileEntries(placed)))]), { mode: 0o600 });
}
