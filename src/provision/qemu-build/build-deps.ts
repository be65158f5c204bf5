import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { InfraError } from '../../core/errors.js';
import type { Logger } from '../../core/host.js';

/** One thing the build needs, how to tell it is there, and the Debian/Ubuntu package that brings it. */
interface BuildDep {
  what: string;
  debianPackage: string;
  present: () => Promise<boolean>;
}

export interface MissingDep {
  what: string;
  debianPackage: string;
}

const quiet = { reject: false, stdin: 'ignore' as const, timeout: 20_000 };

async function commandWorks(cmd: string, args: string[] = ['--version']): Promise<boolean> {
  const r = await execa(cmd, args, quiet).catch(() => undefined);
  return r?.exitCode === 0;
}

async function pkgConfigHas(module: string): Promise<boolean> {
  return commandWorks('pkg-config', ['--exists', module]);
}

/** The Python QEMU's configure should use: the system one, which Debian's meson and venv packages serve. */
export function systemPython(): string {
  return existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
}

/** `meson_version: '>=1.5.0'` in the source's top meson.build. */
export function requiredMesonVersion(srcDir: string): string | undefined {
  const text = readFileSync(join(srcDir, 'meson.build'), 'utf8');
  return /meson_version\s*:\s*'>=\s*([\d.]+)'/.exec(text)?.[1];
}

export function versionAtLeast(have: string, want: string): boolean {
  const a = have.split('.').map(Number);
  const b = want.split('.').map(Number);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (x !== y) return x > y;
  }
  return true;
}

async function mesonVersion(): Promise<string | undefined> {
  const r = await execa('meson', ['--version'], quiet).catch(() => undefined);
  return r?.exitCode === 0 ? r.stdout.trim() : undefined;
}

function buildDeps(srcDir: string, opts: { fdt: boolean; slirp: boolean; patches: boolean }): BuildDep[] {
  const python = systemPython();
  const wantMeson = requiredMesonVersion(srcDir);
  const deps: BuildDep[] = [
    { what: 'a C compiler (cc)', debianPackage: 'gcc', present: () => commandWorks('cc') },
    { what: 'ninja', debianPackage: 'ninja-build', present: () => commandWorks('ninja') },
    {
      what: `meson${wantMeson ? ` >= ${wantMeson}` : ''}`,
      debianPackage: 'meson',
      present: async () => {
        const have = await mesonVersion();
        return have !== undefined && (!wantMeson || versionAtLeast(have, wantMeson));
      },
    },
    { what: `${python} with venv`, debianPackage: 'python3-venv', present: () => commandWorks(python, ['-c', 'import venv, ensurepip']) },
    { what: 'pycotap for Python', debianPackage: 'python3-pycotap', present: () => commandWorks(python, ['-c', 'import pycotap']) },
    { what: 'pkg-config', debianPackage: 'pkg-config', present: () => commandWorks('pkg-config') },
    { what: 'flex', debianPackage: 'flex', present: () => commandWorks('flex') },
    { what: 'bison', debianPackage: 'bison', present: () => commandWorks('bison') },
    { what: 'glib-2.0 headers', debianPackage: 'libglib2.0-dev', present: () => pkgConfigHas('glib-2.0') },
    { what: 'pixman headers', debianPackage: 'libpixman-1-dev', present: () => pkgConfigHas('pixman-1') },
    { what: 'zlib headers', debianPackage: 'zlib1g-dev', present: () => pkgConfigHas('zlib') },
  ];
  if (opts.slirp) deps.push({ what: 'libslirp headers (user networking)', debianPackage: 'libslirp-dev', present: () => pkgConfigHas('slirp') });
  // libfdt ships no .pc file on Debian; its header is the tell.
  if (opts.fdt) deps.push({ what: 'libfdt headers', debianPackage: 'libfdt-dev', present: async () => existsSync('/usr/include/libfdt.h') });
  if (opts.patches) deps.push({ what: 'patch', debianPackage: 'patch', present: () => commandWorks('patch') });
  return deps;
}

export async function findMissingBuildDeps(srcDir: string, opts: { fdt: boolean; slirp: boolean; patches: boolean }): Promise<MissingDep[]> {
  const deps = buildDeps(srcDir, opts);
  const present = await Promise.all(deps.map((d) => d.present()));
  return deps.filter((_, i) => !present[i]).map(({ what, debianPackage }) => ({ what, debianPackage }));
}

async function canInstall(): Promise<string[] | undefined> {
  if (!existsSync('/usr/bin/apt-get')) return undefined;
  if (process.getuid?.() === 0) return [];
  return (await commandWorks('sudo', ['-n', 'true'])) ? ['sudo', '-n'] : undefined;
}

function codename(): string | undefined {
  try {
    return /^VERSION_CODENAME=(\S+)$/m.exec(readFileSync('/etc/os-release', 'utf8'))?.[1];
  } catch {
    return undefined;
  }
}

/**
 * Checks the build dependencies before configure. Missing ones are installed with apt-get
 * when allowed (install-deps: true, root or passwordless sudo), else named with their
 * packages in one error. An old meson is retried from <codename>-backports when that suite
 * is configured (Debian bookworm's own meson is too old for QEMU 10).
 */
export async function ensureBuildDeps(
  srcDir: string,
  opts: { fdt: boolean; slirp: boolean; patches: boolean; install: boolean },
  log: Logger,
): Promise<void> {
  let missing = await findMissingBuildDeps(srcDir, opts);
  if (missing.length === 0) return;
  const packages = [...new Set(missing.map((m) => m.debianPackage))];
  const list = missing.map((m) => `${m.what} (${m.debianPackage})`).join(', ');
  const sudo = opts.install ? await canInstall() : undefined;
  if (!opts.install || !sudo) {
    throw new InfraError(`building QEMU needs: ${list}`, {
      hint: opts.install
        ? `install-deps is on, but apt-get cannot run here (needs Debian/Ubuntu and root or passwordless sudo); install by hand: apt-get install ${packages.join(' ')}`
        : `install them (apt-get install ${packages.join(' ')}), or set install-deps: true to let qfi do it`,
    });
  }
  log.info(`installing QEMU build dependencies: ${packages.join(' ')}`);
  const run = (args: string[]) => execa(sudo[0] ?? 'apt-get', [...sudo.slice(1), ...(sudo.length ? ['apt-get'] : []), ...args], {
    stdin: 'ignore',
    env: { DEBIAN_FRONTEND: 'noninteractive' },
    reject: false,
    all: true,
  });
  await run(['update', '-q']);
  const install = await run(['install', '-y', '-q', '--no-install-recommends', ...packages]);
  if (install.exitCode !== 0) log.warn(`apt-get install failed: ${(install.all ?? '').trim().split('\n').slice(-3).join(' | ')}`);
  missing = await findMissingBuildDeps(srcDir, opts);
  const cn = codename();
  if (missing.some((m) => m.debianPackage === 'meson') && cn) {
    log.info(`meson is too old; trying ${cn}-backports`);
    await run(['install', '-y', '-q', '--no-install-recommends', '-t', `${cn}-backports`, 'meson']);
    missing = await findMissingBuildDeps(srcDir, opts);
  }
  if (missing.length) {
    throw new InfraError(`building QEMU still needs: ${missing.map((m) => `${m.what} (${m.debianPackage})`).join(', ')}`, {
      hint: missing.some((m) => m.debianPackage === 'meson')
        ? `add ${cn ?? '<codename>'}-backports to the apt sources for a newer meson, or install meson with pip`
        : 'install them by hand and run again',
    });
  }
}
