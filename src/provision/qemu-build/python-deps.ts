/**
 * What QEMU's configure needs from Python, read the way configure reads it. configure never
 * runs the `meson` on PATH: it makes build/pyvenv with the given --python (system site
 * packages visible) and python/scripts/mkvenv.py `ensuregroup ... pythondeps.toml meson`
 * takes each package of the [meson] group from that Python's site-packages when its version
 * is `accepted`, else installs the `installed` version offline from python/wheels/*.whl.
 * Upstream release tarballs (and the upstream git tree) carry meson and pycotap wheels there;
 * Debian's +ds tarball strips them, so only then must the system Python have them.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { parse } from 'smol-toml';

export interface PythonRequirement {
  /** Distribution name, as importlib.metadata knows it: `meson`, `pycotap`. */
  name: string;
  /** The pythondeps.toml group: `meson`, or `tooling` (QEMU >= 11). */
  group: string;
  /** What a system package must satisfy, e.g. `>=1.5.0`. */
  accepted: string;
  /** The bundled wheel mkvenv would install instead, if the source has one that fits. */
  wheel: string | undefined;
}

/** Which Python configure runs, and what it can see. */
export interface PythonProbe {
  /** `3.11`; undefined when the interpreter does not run. */
  version: string | undefined;
  /** Versions of the distributions asked for, as importlib.metadata reports them. */
  distributions: Record<string, string | undefined>;
  ensurepip: boolean;
  pip: boolean;
  setuptools: boolean;
  tomllib: boolean;
}

/** `meson_version: '>=1.5.0'` in the source's top meson.build. */
export function requiredMesonVersion(srcDir: string): string | undefined {
  const text = readFileSync(join(srcDir, 'meson.build'), 'utf8');
  return /meson_version\s*:\s*'>=\s*([\d.]+)'/.exec(text)?.[1];
}

/**
 * The pythondeps.toml groups configure ensures whatever the flags: [meson], and [tooling]
 * from QEMU 11 on ([docs] is off with --disable-docs, [meson-rust] with Rust disabled).
 */
function configureGroups(srcDir: string): string[] {
  const configure = readFileSync(join(srcDir, 'configure'), 'utf8');
  return ['meson', 'tooling'].filter((g) => new RegExp(`pythondeps\\.toml\\s+${g}\\b`).test(configure));
}

type DepInfo = { accepted?: string; installed?: string; path?: string };

/**
 * What those groups ask of Python, each with the bundled wheel that would serve it. A source
 * without pythondeps.toml (QEMU < 8.1) needs a system meson of meson.build's version.
 */
export function pythonRequirements(srcDir: string): PythonRequirement[] {
  const depsFile = join(srcDir, 'pythondeps.toml');
  if (!existsSync(depsFile)) {
    const want = requiredMesonVersion(srcDir);
    return [{ name: 'meson', group: 'meson', accepted: want ? `>=${want}` : '', wheel: undefined }];
  }
  const toml = parse(readFileSync(depsFile, 'utf8')) as Record<string, Record<string, DepInfo>>;
  const wheelsDir = join(srcDir, 'python', 'wheels');
  const wheels = existsSync(wheelsDir) ? readdirSync(wheelsDir).filter((f) => f.endsWith('.whl')) : [];
  return configureGroups(srcDir).flatMap((group) =>
    Object.entries(toml[group] ?? {})
      .filter(([, info]) => info.path === undefined) // a package of the source tree itself
      .map(([name, info]) => {
        const accepted = info.accepted?.trim() ?? '';
        // mkvenv asks pip for `name==installed` (or `name<accepted>`) with --no-index --find-links.
        const wheel = wheels.find((file) => {
          const m = /^([^-]+)-([^-]+)-/.exec(file);
          if (!m || normalizeName(m[1]!) !== normalizeName(name)) return false;
          return info.installed ? m[2] === info.installed : satisfies(m[2]!, accepted);
        });
        return { name, group, accepted, wheel: wheel ? join('python', 'wheels', wheel) : undefined };
      }),
  );
}

/** What ensurepip puts into a new venv: pip, and setuptools before Python 3.12. */
export function fromEnsurepip(name: string, pythonVersion: string): boolean {
  return name === 'pip' || (name === 'setuptools' && !versionAtLeast(pythonVersion, '3.12'));
}

/** Whether the source bundles any wheels (upstream tarballs and the upstream git tree do; Debian's +ds does not). */
export function hasBundledWheels(srcDir: string): boolean {
  const dir = join(srcDir, 'python', 'wheels');
  return existsSync(dir) && readdirSync(dir).some((f) => f.endsWith('.whl'));
}

const normalizeName = (name: string) => name.toLowerCase().replace(/[-_.]+/g, '_');

/** Numeric parts of a version (`1.7.0rc1` -> [1, 7, 0]). */
function versionParts(version: string): number[] {
  return (/^\d+(\.\d+)*/.exec(version.trim())?.[0] ?? '0').split('.').map(Number);
}

function compareVersions(a: string, b: string): number {
  const x = versionParts(a);
  const y = versionParts(b);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  return 0;
}

export function versionAtLeast(have: string, want: string): boolean {
  return compareVersions(have, want) >= 0;
}

/** Whether a version meets a PEP 440-style list of clauses such as `>=1.5.0` or `>=1.1,<2`. */
export function satisfies(version: string, spec: string): boolean {
  return spec
    .split(',')
    .map((c) => c.trim())
    .filter(Boolean)
    .every((clause) => {
      const m = /^(>=|<=|==|!=|~=|>|<)\s*(.+)$/.exec(clause);
      if (!m) return false;
      const c = compareVersions(version, m[2]!);
      switch (m[1]) {
        case '>=':
        case '~=':
          return c >= 0;
        case '<=':
          return c <= 0;
        case '>':
          return c > 0;
        case '<':
          return c < 0;
        case '==':
          return c === 0;
        default:
          return c !== 0;
      }
    });
}

const PROBE = `
import json, sys
from importlib.util import find_spec
from importlib.metadata import version, PackageNotFoundError
def have(name):
    try:
        return version(name)
    except PackageNotFoundError:
        return None
print(json.dumps({
    "version": "%d.%d" % sys.version_info[:2],
    "distributions": {name: have(name) for name in sys.argv[1:]},
    "ensurepip": find_spec("ensurepip") is not None,
    "pip": find_spec("pip") is not None,
    "setuptools": find_spec("setuptools") is not None,
    "tomllib": (find_spec("tomllib") or find_spec("tomli")) is not None,
}))
`;

/**
 * Asks the Python configure will run (same environment, so PYTHONPATH counts as it does for
 * configure) which of `distributions` it has, and whether it can make the venv.
 */
export async function probePython(python: string, distributions: string[]): Promise<PythonProbe> {
  const r = await execa(python, ['-c', PROBE, ...distributions], { reject: false, stdin: 'ignore', timeout: 20_000 }).catch(() => undefined);
  if (r?.exitCode !== 0) return { version: undefined, distributions: {}, ensurepip: false, pip: false, setuptools: false, tomllib: false };
  const probe = JSON.parse(r.stdout) as PythonProbe;
  // Python's None arrives as null: absent either way.
  for (const [name, v] of Object.entries(probe.distributions)) probe.distributions[name] = v ?? undefined;
  return probe;
}
