import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { InfraError } from '../../core/errors.js';
import type { Logger } from '../../core/host.js';
import { buildPackage, packageForPythonDistribution, type HostPackage } from './package-list.js';
import {
  fromEnsurepip,
  hasBundledWheels,
  probePython,
  pythonRequirements,
  satisfies,
  versionAtLeast,
  type PythonProbe,
  type PythonRequirement,
} from './python-deps.js';

export { requiredMesonVersion, versionAtLeast } from './python-deps.js';

/** One thing the build needs, how to tell it is there, and the package (packages.json's build group) that brings it. */
interface BuildDep {
  what: string;
  /** Why it is needed, when that is not obvious (shown after the name). */
  detail?: string;
  pkg: HostPackage | undefined;
  present: () => Promise<boolean>;
}

export interface MissingDep {
  what: string;
  detail?: string;
  /** undefined: no Debian package is known for it (a Python package a newer QEMU asks for). */
  debianPackage: string | undefined;
  /** On Debian it comes from <codename>-backports. */
  backports: boolean;
}

export interface BuildDepOptions {
  fdt: boolean;
  slirp: boolean;
  patches: boolean;
  /** The Python configure will run (--python); default the system one. */
  python?: string;
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

/** pc-bios/dtb/*.dtb named in its meson.build but absent (Debian's +ds tarball): configure then compiles them with dtc. */
export function missingPrebuiltDtbs(srcDir: string): string[] {
  const mesonFile = join(srcDir, 'pc-bios', 'dtb', 'meson.build');
  if (!existsSync(mesonFile)) return [];
  const names = [...readFileSync(mesonFile, 'utf8').matchAll(/'([\w.-]+\.dtb)'/g)].map((m) => m[1]!);
  return names.filter((name) => !existsSync(join(srcDir, 'pc-bios', 'dtb', name)));
}

/** A dependency whose presence is already known (from the one probe of the Python). */
const decided = (pkg: HostPackage | undefined, present: boolean) => ({ pkg, present: async () => present });

/** What configure needs from its Python (see python-deps.ts), judged from one probe of it. */
export function pythonDeps(
  python: string,
  probe: PythonProbe,
  requirements: PythonRequirement[],
  source: { hasDepsFile: boolean; hasWheels: boolean },
): BuildDep[] {
  const { hasDepsFile, hasWheels } = source;
  if (!probe.version || !versionAtLeast(probe.version, '3.9')) {
    return [
      { what: `Python >= 3.9 at ${python}`, detail: probe.version ? `it is ${probe.version}` : 'it does not run', ...decided(buildPackage('python3'), false) },
    ];
  }
  const deps: BuildDep[] = [
    // mkvenv skips ensurepip when pip and setuptools are there already.
    {
      what: `${python} with venv (ensurepip, or pip and setuptools)`,
      ...decided(buildPackage('python3-venv'), probe.ensurepip || (probe.pip && probe.setuptools)),
    },
  ];
  if (hasDepsFile)
    deps.push({ what: `tomllib or tomli for ${python} (configure reads pythondeps.toml)`, ...decided(buildPackage('python3-tomli'), probe.tomllib) });
  for (const req of requirements) {
    const have = probe.distributions[req.name];
    const fromSystem = have !== undefined && satisfies(have, req.accepted);
    const venvHasIt = probe.ensurepip && fromEnsurepip(req.name, probe.version);
    const noWheel = hasWheels ? 'python/wheels has none that fits' : "the source has no python/wheels (Debian's +ds tarballs strip them)";
    deps.push({
      what: `${req.name}${req.accepted ? ` ${req.accepted}` : ''} for ${python}`,
      detail: `it has ${have ?? 'none'}, and ${noWheel}, from which configure would install it`,
      ...decided(packageForPythonDistribution(req.name), fromSystem || venvHasIt || req.wheel !== undefined),
    });
  }
  return deps;
}

async function buildDeps(srcDir: string, opts: BuildDepOptions): Promise<BuildDep[]> {
  const python = opts.python ?? systemPython();
  const requirements = pythonRequirements(srcDir);
  const probe = await probePython(
    python,
    requirements.map((r) => r.name),
  );
  const dep = (what: string, name: string, present: () => Promise<boolean>): BuildDep => ({ what, pkg: buildPackage(name), present });
  const deps: BuildDep[] = [
    dep('a C compiler (cc)', 'gcc', () => commandWorks('cc')),
    dep('ninja', 'ninja-build', () => commandWorks('ninja')),
    ...pythonDeps(python, probe, requirements, { hasDepsFile: existsSync(join(srcDir, 'pythondeps.toml')), hasWheels: hasBundledWheels(srcDir) }),
    dep('pkg-config', 'pkg-config', () => commandWorks('pkg-config')),
    dep('flex', 'flex', () => commandWorks('flex')),
    dep('bison', 'bison', () => commandWorks('bison')),
    dep('glib-2.0 headers', 'libglib2.0-dev', () => pkgConfigHas('glib-2.0')),
    dep('pixman headers', 'libpixman-1-dev', () => pkgConfigHas('pixman-1')),
    dep('zlib headers', 'zlib1g-dev', () => pkgConfigHas('zlib')),
  ];
  if (opts.slirp) deps.push(dep('libslirp headers (user networking)', 'libslirp-dev', () => pkgConfigHas('slirp')));
  // libfdt ships no .pc file on Debian; its header is the tell.
  if (opts.fdt) deps.push(dep('libfdt headers', 'libfdt-dev', async () => existsSync('/usr/include/libfdt.h')));
  if (opts.patches) deps.push(dep('patch', 'patch', () => commandWorks('patch')));
  const dtbs = missingPrebuiltDtbs(srcDir);
  if (dtbs.length) {
    const detail = `the source has no prebuilt pc-bios/dtb/*.dtb (${dtbs[0]} and ${dtbs.length - 1} more: Debian's +ds tarballs strip them), so configure compiles them`;
    deps.push({ ...dep('dtc', 'device-tree-compiler', () => commandWorks('dtc')), detail });
  }
  return deps;
}

export async function findMissingBuildDeps(srcDir: string, opts: BuildDepOptions): Promise<MissingDep[]> {
  const deps = await buildDeps(srcDir, opts);
  const present = await Promise.all(deps.map((d) => d.present()));
  return deps.filter((_, i) => !present[i]).map(({ what, detail, pkg }) => ({ what, detail, debianPackage: pkg?.name, backports: pkg?.backports === true }));
}

export interface OsRelease {
  id: string | undefined;
  codename: string | undefined;
}

function osRelease(): OsRelease {
  let text = '';
  try {
    text = readFileSync('/etc/os-release', 'utf8');
  } catch {
    // not Linux, or a minimal root: neither Debian nor Ubuntu then
  }
  const field = (name: string) => new RegExp(`^${name}="?([^"\\n]+)"?$`, 'm').exec(text)?.[1];
  return { id: field('ID'), codename: field('VERSION_CODENAME') };
}

const packagesOf = (deps: MissingDep[]) => [...new Set(deps.flatMap((d) => (d.debianPackage ? [d.debianPackage] : [])))];

/** How to get what is missing, on this system: apt-get, backports on Debian, else an upstream tarball. */
export function installHint(missing: MissingDep[], os: OsRelease, installDeps: boolean): string {
  const plain = packagesOf(missing.filter((m) => !m.backports));
  const backports = packagesOf(missing.filter((m) => m.backports));
  const unknown = missing.filter((m) => !m.debianPackage).map((m) => m.what.split(' ')[0]);
  const steps: string[] = [];
  if (plain.length) steps.push(`apt-get install ${plain.join(' ')}${installDeps ? '' : ' (or set install-deps: true and qfi runs it)'}`);
  if (backports.length && os.id === 'debian' && os.codename) {
    const suite = `${os.codename}-backports`;
    steps.push(
      `${backports.join(' ')} come from ${suite}: echo 'deb http://deb.debian.org/debian ${suite} main' > /etc/apt/sources.list.d/${suite}.list && apt-get update && apt-get install -t ${suite} ${backports.join(' ')}`,
    );
  } else if (backports.length) {
    steps.push(`${backports.join(' ')}: this system's packages are missing or too old for a source without bundled wheels`);
  }
  if (unknown.length) steps.push(`pip install ${unknown.join(' ')} for configure's Python`);
  if (backports.length) {
    steps.push(
      'or build an upstream release instead (qemu-version, or its qemu-X.Y.Z.tar.xz in qemu-source): it carries meson and pycotap in python/wheels, so no system meson is needed',
    );
  }
  return steps.join('; ');
}

async function canInstall(): Promise<string[] | undefined> {
  if (!existsSync('/usr/bin/apt-get')) return undefined;
  if (process.getuid?.() === 0) return [];
  return (await commandWorks('sudo', ['-n', 'true'])) ? ['sudo', '-n'] : undefined;
}

/** One line each: what, why, and its package. */
export const listMissing = (missing: MissingDep[]) =>
  missing.map((m) => `\n  - ${m.what}${m.detail ? `: ${m.detail}` : ''}${m.debianPackage ? ` [package ${m.debianPackage}]` : ''}`).join('');

/**
 * Checks the build dependencies before configure. Missing ones are installed with apt-get
 * when allowed (install-deps: true, root or passwordless sudo), else named with their
 * packages in one error. Backports packages (meson, pycotap for a +ds source) are taken
 * from <codename>-backports when that suite is configured.
 */
export async function ensureBuildDeps(srcDir: string, opts: BuildDepOptions & { install: boolean }, log: Logger): Promise<void> {
  let missing = await findMissingBuildDeps(srcDir, opts);
  if (missing.length === 0) return;
  const os = osRelease();
  const sudo = opts.install ? await canInstall() : undefined;
  if (!opts.install || !sudo || missing.every((m) => !m.debianPackage)) {
    const cannot = opts.install && !sudo ? 'install-deps is on, but apt-get cannot run here (needs Debian/Ubuntu and root or passwordless sudo); ' : '';
    throw new InfraError(`building QEMU needs:${listMissing(missing)}`, { hint: `${cannot}${installHint(missing, os, opts.install)}` });
  }
  const run = (args: string[]) =>
    execa(sudo[0] ?? 'apt-get', [...sudo.slice(1), ...(sudo.length ? ['apt-get'] : []), ...args], {
      stdin: 'ignore',
      env: { DEBIAN_FRONTEND: 'noninteractive' },
      reject: false,
      all: true,
    });
  const install = async (packages: string[], extra: string[] = []) => {
    if (!packages.length) return;
    log.info(`installing QEMU build dependencies: ${packages.join(' ')}${extra.length ? ` (${extra.join(' ')})` : ''}`);
    const r = await run(['install', '-y', '-q', '--no-install-recommends', ...extra, ...packages]);
    if (r.exitCode !== 0) log.warn(`apt-get install failed: ${(r.all ?? '').trim().split('\n').slice(-3).join(' | ')}`);
  };
  await run(['update', '-q']);
  await install(packagesOf(missing.filter((m) => !m.backports)));
  // Separately: a package the release lacks (python3-pycotap on Debian 12) fails the whole command.
  const backports = packagesOf(missing.filter((m) => m.backports));
  const suite = os.id === 'debian' && os.codename ? `${os.codename}-backports` : undefined;
  const policy = backports.length && suite ? ((await execa('apt-cache', ['policy'], quiet).catch(() => undefined))?.stdout ?? '') : '';
  await install(backports, suite && policy.includes(suite) ? ['-t', suite] : []);
  missing = await findMissingBuildDeps(srcDir, opts);
  if (missing.length) throw new InfraError(`building QEMU still needs:${listMissing(missing)}`, { hint: installHint(missing, os, true) });
}
