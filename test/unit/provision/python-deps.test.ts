import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { installHint, pythonDeps, type MissingDep } from '../../../src/provision/qemu-build/build-deps.js';
import { fromEnsurepip, probePython, pythonRequirements, satisfies, type PythonProbe } from '../../../src/provision/qemu-build/python-deps.js';

// The lines of QEMU 10.2.2's pythondeps.toml and configure that decide where meson comes from.
const DEPS_10_2 = `[meson]
# The install key should match the version in python/wheels/
meson = { accepted = ">=1.5.0", installed = "1.9.0", canary = "meson" }
pycotap = { accepted = ">=1.1.0", installed = "1.3.1" }

[meson-rust]
meson = { accepted = ">=1.9.0", installed = "1.9.0", canary = "meson" }

[docs]
sphinx = { accepted = ">=3.4.3", installed = "6.2.1", canary = "sphinx-build" }
`;
const CONFIGURE_10_2 = `$mkvenv ensuregroup --dir "\${source_path}/python/wheels" \\
     \${source_path}/pythondeps.toml meson || exit 1
    if ! $mkvenv ensuregroup \\
         \${source_path}/pythondeps.toml docs;
`;
// QEMU 11 adds a [tooling] group that configure always ensures.
const DEPS_11 = `${DEPS_10_2}
[tooling]
"qemu.qmp" = { accepted = ">=0.0.5", installed = "0.0.5" }
"qemu" = { path = "python/" }
"setuptools" = { accepted = ">=44.1.1" }
"wheel" = { accepted = ">=0.34.2" }
"pip" = { accepted = ">=20.3.4" }
`;
const CONFIGURE_11 = `${CONFIGURE_10_2}
$mkvenv ensuregroup $mkvenv_online_flag \\
        --dir "\${source_path}/python/wheels" \\
        \${source_path}/pythondeps.toml tooling || exit 1
`;
const UPSTREAM_WHEELS = ['meson-1.9.0-py3-none-any.whl', 'pycotap-1.3.1-py3-none-any.whl'];

function sourceTree(files: { deps?: string; configure: string; wheels?: string[]; mesonBuild?: string }): string {
  const dir = mkdtempSync(join(tmpdir(), 'qfi-pydeps-'));
  writeFileSync(join(dir, 'configure'), files.configure);
  writeFileSync(join(dir, 'meson.build'), files.mesonBuild ?? "project('qemu', ['c'], meson_version: '>=1.5.0',\n");
  if (files.deps) writeFileSync(join(dir, 'pythondeps.toml'), files.deps);
  if (files.wheels) {
    mkdirSync(join(dir, 'python', 'wheels'), { recursive: true });
    for (const w of files.wheels) writeFileSync(join(dir, 'python', 'wheels', w), '');
  }
  return dir;
}

/** GitHub's ubuntu-24.04 runner: Python 3.12, apt's meson 1.3.2, no pycotap, pip without setuptools. */
const ubuntu2404: PythonProbe = {
  version: '3.12',
  distributions: { meson: '1.3.2', pycotap: undefined, setuptools: undefined, wheel: '0.42.0', pip: '24.0', 'qemu.qmp': undefined },
  ensurepip: true,
  pip: true,
  setuptools: false,
  tomllib: true,
};
/** Debian 12 with meson and pycotap from bookworm-backports. */
const debian12Backports: PythonProbe = {
  version: '3.11',
  distributions: { meson: '1.7.0', pycotap: '1.3.1', setuptools: '66.1.1', wheel: '0.38.4', pip: '23.0.1' },
  ensurepip: true,
  pip: true,
  setuptools: true,
  tomllib: true,
};

/** The packages of what configure's Python lacks. */
async function missingPackages(probe: PythonProbe, src: string): Promise<string[]> {
  const reqs = pythonRequirements(src);
  const deps = pythonDeps('/usr/bin/python3', probe, reqs, { hasDepsFile: true, hasWheels: reqs.some((r) => r.wheel) });
  const present = await Promise.all(deps.map((d) => d.present()));
  return deps.filter((_, i) => !present[i]).map((d) => d.pkg?.name ?? `(no package) ${d.what}`);
}

describe("where configure's meson comes from (pythondeps.toml and python/wheels)", () => {
  it('reads the [meson] group with the bundled wheel that fits its installed pin', () => {
    const upstream = sourceTree({ deps: DEPS_10_2, configure: CONFIGURE_10_2, wheels: UPSTREAM_WHEELS });
    expect(pythonRequirements(upstream)).toEqual([
      { name: 'meson', group: 'meson', accepted: '>=1.5.0', wheel: 'python/wheels/meson-1.9.0-py3-none-any.whl' },
      { name: 'pycotap', group: 'meson', accepted: '>=1.1.0', wheel: 'python/wheels/pycotap-1.3.1-py3-none-any.whl' },
    ]);
    // pip is asked for meson==1.9.0: a wheel of another version does not serve.
    const otherWheel = sourceTree({ deps: DEPS_10_2, configure: CONFIGURE_10_2, wheels: ['meson-1.10.0-py3-none-any.whl'] });
    expect(pythonRequirements(otherWheel).map((r) => r.wheel)).toEqual([undefined, undefined]);
    const ds = sourceTree({ deps: DEPS_10_2, configure: CONFIGURE_10_2 });
    expect(pythonRequirements(ds).map((r) => r.wheel)).toEqual([undefined, undefined]);
  });

  it('adds the [tooling] group only where configure ensures it (QEMU 11), without the local package', () => {
    const q11 = sourceTree({ deps: DEPS_11, configure: CONFIGURE_11, wheels: [...UPSTREAM_WHEELS, 'qemu_qmp-0.0.5-py3-none-any.whl'] });
    expect(pythonRequirements(q11).map((r) => `${r.group}:${r.name}:${r.wheel ? 'wheel' : 'system'}`)).toEqual([
      'meson:meson:wheel',
      'meson:pycotap:wheel',
      'tooling:qemu.qmp:wheel',
      'tooling:setuptools:system',
      'tooling:wheel:system',
      'tooling:pip:system',
    ]);
    const notEnsured = sourceTree({ deps: DEPS_11, configure: CONFIGURE_10_2 });
    expect(pythonRequirements(notEnsured).map((r) => r.name)).toEqual(['meson', 'pycotap']);
  });

  it("takes meson.build's version when there is no pythondeps.toml (QEMU < 8.1)", () => {
    const old = sourceTree({ configure: '', mesonBuild: "project('qemu', ['c'], meson_version: '>=0.61.3',\n" });
    expect(pythonRequirements(old)).toEqual([{ name: 'meson', group: 'meson', accepted: '>=0.61.3', wheel: undefined }]);
  });

  it('needs no system meson or pycotap for an upstream-layout source on the ubuntu-24.04 runner', async () => {
    expect(await missingPackages(ubuntu2404, sourceTree({ deps: DEPS_10_2, configure: CONFIGURE_10_2, wheels: UPSTREAM_WHEELS }))).toEqual([]);
  });

  it('needs meson >= 1.5 and pycotap from the system for a +ds source, and names their packages', async () => {
    const ds = sourceTree({ deps: DEPS_10_2, configure: CONFIGURE_10_2 });
    expect(await missingPackages(ubuntu2404, ds)).toEqual(['meson', 'python3-pycotap']);
    expect(await missingPackages(debian12Backports, ds)).toEqual([]);
    const deps = pythonDeps('/usr/bin/python3', ubuntu2404, pythonRequirements(ds), { hasDepsFile: true, hasWheels: false });
    expect(deps.find((d) => d.pkg?.name === 'meson')).toMatchObject({
      what: 'meson >=1.5.0 for /usr/bin/python3',
      detail: "it has 1.3.2, and the source has no python/wheels (Debian's +ds tarballs strip them), from which configure would install it",
    });
  });

  it("needs setuptools from the system for QEMU 11's [tooling] on Python 3.12, where ensurepip no longer brings it", async () => {
    const q11 = sourceTree({ deps: DEPS_11, configure: CONFIGURE_11, wheels: [...UPSTREAM_WHEELS, 'qemu_qmp-0.0.5-py3-none-any.whl'] });
    expect(await missingPackages(ubuntu2404, q11)).toEqual(['python3-setuptools']);
    expect(await missingPackages({ ...ubuntu2404, version: '3.11' }, q11)).toEqual([]);
    expect(await missingPackages({ ...debian12Backports, distributions: {}, pip: false, setuptools: false }, q11)).toEqual(['python3-wheel']);
  });

  it('needs venv (ensurepip, or pip and setuptools), tomllib or tomli, and Python >= 3.9', async () => {
    const src = sourceTree({ deps: DEPS_10_2, configure: CONFIGURE_10_2, wheels: UPSTREAM_WHEELS });
    expect(await missingPackages({ ...ubuntu2404, ensurepip: false }, src)).toEqual(['python3-venv']);
    expect(await missingPackages({ ...debian12Backports, ensurepip: false }, src)).toEqual([]);
    expect(await missingPackages({ ...ubuntu2404, version: '3.10', tomllib: false }, src)).toEqual(['python3-tomli']);
    expect(await missingPackages({ ...ubuntu2404, version: '3.8' }, src)).toEqual(['python3']);
    expect(fromEnsurepip('pip', '3.12')).toBe(true);
    expect(fromEnsurepip('setuptools', '3.11')).toBe(true);
    expect(fromEnsurepip('setuptools', '3.12')).toBe(false);
  });

  it('matches PEP 440-style version clauses numerically', () => {
    expect(satisfies('1.3.2', '>=1.5.0')).toBe(false);
    expect(satisfies('1.10.0', '>=1.5.0')).toBe(true);
    expect(satisfies('1.7.0rc1', '>=1.5.0')).toBe(true);
    expect(satisfies('1.2', '>=1.1,<2')).toBe(true);
    expect(satisfies('2.0', '>=1.1,<2')).toBe(false);
    expect(satisfies('1.9.0', '==1.9.0')).toBe(true);
    expect(satisfies('1.9.1', '!=1.9.0')).toBe(true);
    expect(satisfies('1.9.0', '')).toBe(true);
    expect(satisfies('1.9.0', '1.9.0')).toBe(false); // not a clause: mkvenv refuses it too
  });

  it('probes the real system Python the way mkvenv looks (importlib.metadata), and reports one that does not run', async () => {
    const probe = await probePython('/usr/bin/python3', ['pip', 'no-such-distribution-qfi']);
    expect(probe.version).toMatch(/^3\.\d+$/);
    expect(probe.distributions).toHaveProperty('no-such-distribution-qfi', undefined);
    expect((await probePython('/nonexistent/python3', ['meson'])).version).toBeUndefined();
  });
});

describe('how to get what is missing', () => {
  const meson: MissingDep = { what: 'meson >=1.5.0 for /usr/bin/python3', debianPackage: 'meson', backports: true };
  const pycotap: MissingDep = { what: 'pycotap >=1.1.0 for /usr/bin/python3', debianPackage: 'python3-pycotap', backports: true };
  const dtc: MissingDep = { what: 'dtc', debianPackage: 'device-tree-compiler', backports: false };

  it('on Debian 12: apt-get for the plain packages, bookworm-backports for meson and pycotap, or an upstream tarball', () => {
    const hint = installHint([meson, pycotap, dtc], { id: 'debian', codename: 'bookworm' }, false);
    expect(hint).toContain('apt-get install device-tree-compiler (or set install-deps: true and qfi runs it)');
    expect(hint).toContain(
      "meson python3-pycotap come from bookworm-backports: echo 'deb http://deb.debian.org/debian bookworm-backports main' > /etc/apt/sources.list.d/bookworm-backports.list && apt-get update && apt-get install -t bookworm-backports meson python3-pycotap",
    );
    expect(hint).toMatch(/or build an upstream release instead \(qemu-version, or its qemu-X\.Y\.Z\.tar\.xz in qemu-source\)/);
  });

  it('on Ubuntu: no backports suite to point at, so the upstream tarball', () => {
    const hint = installHint([meson], { id: 'ubuntu', codename: 'noble' }, true);
    expect(hint).not.toContain('backports');
    expect(hint).toMatch(/^meson: this system's packages are missing or too old for a source without bundled wheels; or build an upstream release/);
  });
});
