import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findMissingBuildDeps, missingPrebuiltDtbs, requiredMesonVersion, systemPython, versionAtLeast } from '../../../src/provision/qemu-build/build-deps.js';
import { buildKey, configurePython, minimalConfigureFlags, type QemuBuildSpec } from '../../../src/provision/qemu-build/build-qemu.js';
import { osReleaseId } from '../../../src/provision/qemu-build/cache-key.js';
import { NinjaProgress } from '../../../src/provision/qemu-build/ninja-progress.js';
import { knownReleaseSha256, pluginApiVersion, releaseTarballUrl } from '../../../src/plan/qemu-releases.js';
import { inputSpec } from '../../../src/config/inputs.js';

const spec: QemuBuildSpec = {
  version: '10.2.2',
  sha256: undefined,
  source: undefined,
  targets: ['x86_64-softmmu'],
  configureFlags: [],
  patches: [],
  installDeps: false,
};

describe('QEMU cache key', () => {
  const base = buildKey(spec, 'abc');

  it('reads qfi-qemu-v1-<os>-<arch>-<version>-<targets>-<hash> and is stable', () => {
    expect(base.key).toMatch(/^qfi-qemu-v1-[a-z0-9.]+-(x86_64|aarch64)-10\.2\.2-x86_64-[0-9a-f]{16}$/);
    expect(buildKey(spec, 'abc')).toEqual(base);
    expect(Object.keys(base.parts)).toEqual(['os', 'arch', 'version', 'targets', 'hash']);
  });

  it('changes with every input that changes the install', () => {
    const dir = mkdtempSync(join(tmpdir(), 'qfi-key-'));
    const patch = join(dir, 'a.patch');
    writeFileSync(patch, 'one');
    const withPatch = buildKey({ ...spec, patches: [patch] }, 'abc').key;
    writeFileSync(patch, 'two');
    const keys = [
      base.key,
      buildKey({ ...spec, version: '11.1.2' }, 'abc').key,
      buildKey({ ...spec, targets: ['x86_64-softmmu', 'aarch64-softmmu'] }, 'abc').key,
      buildKey({ ...spec, configureFlags: ['--enable-debug-tcg'] }, 'abc').key,
      buildKey(spec, 'abd').key,
      withPatch,
      buildKey({ ...spec, patches: [patch] }, 'abc').key,
    ];
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('names the OS release, since an install links against its libraries', () => {
    expect(osReleaseId('PRETTY_NAME="Debian"\nID=debian\nVERSION_ID="12"\n')).toBe('debian12');
    expect(osReleaseId('ID=ubuntu\nVERSION_ID="24.04"\n')).toBe('ubuntu24.04');
  });
});

describe('configure flags', () => {
  it('build one softmmu per target with TCG plugins and nothing extra; fdt only for device-tree boards', () => {
    const x86 = minimalConfigureFlags(['x86_64-softmmu']);
    expect(x86).toEqual(
      expect.arrayContaining([
        '--target-list=x86_64-softmmu',
        '--without-default-features',
        '--enable-plugins',
        '--enable-tcg',
        '--disable-docs',
        '--disable-download',
        '--disable-install-blobs',
      ]),
    );
    expect(x86.some((f) => f.startsWith('--enable-fdt'))).toBe(false);
    expect(minimalConfigureFlags(['aarch64-softmmu'])).toContain('--enable-fdt=system');
  });
});

describe('NinjaProgress', () => {
  it('reports a percentage at most every interval, and always the last step', () => {
    let now = 0;
    const lines: string[] = [];
    const p = new NinjaProgress(
      (l) => lines.push(l),
      5000,
      () => now,
      0,
    );
    for (let i = 1; i <= 100; i++) {
      now = i * 200; // 20 s in all
      p.line(`[${i}/100] Compiling C object foo${i}.o`);
      p.line('FAILED: not a progress line');
    }
    expect(lines[0]).toBe('building QEMU: 1% (1/100 steps, 0 s)');
    expect(lines.at(-1)).toBe('building QEMU: 100% (100/100 steps, 20 s)');
    expect(lines.length).toBeLessThanOrEqual(6);
  });
});

describe('releases', () => {
  it('knows the default release and derives the upstream URL', () => {
    expect(knownReleaseSha256('10.2.2')).toMatch(/^[0-9a-f]{64}$/);
    // The inputs table's default is the one place the default release is written.
    expect(knownReleaseSha256(inputSpec('qemu-version').default ?? '')).toMatch(/^[0-9a-f]{64}$/);
    expect(knownReleaseSha256('9.9.9')).toBeUndefined();
    expect(releaseTarballUrl('10.2.2')).toBe('https://download.qemu.org/qemu-10.2.2.tar.xz');
  });

  it('maps QEMU versions to plugin API versions', () => {
    expect(pluginApiVersion('7.2.22')).toBe(1);
    expect(pluginApiVersion('10.0.2')).toBe(4);
    expect(pluginApiVersion('10.2.2')).toBe(5);
    expect(pluginApiVersion('11.1.2')).toBe(7);
  });

  it('compares versions numerically', () => {
    expect(versionAtLeast('1.7.0', '1.5.0')).toBe(true);
    expect(versionAtLeast('1.10', '1.5.0')).toBe(true);
    expect(versionAtLeast('1.0.1', '1.5.0')).toBe(false);
  });
});

describe('build dependency check', () => {
  it('names each missing tool with its Debian package (tools hidden by an empty PATH, a Python that does not run)', async () => {
    const src = mkdtempSync(join(tmpdir(), 'qfi-deps-'));
    writeFileSync(join(src, 'meson.build'), "project('qemu', ['c'], meson_version: '>=1.5.0',\n");
    mkdirSync(join(src, 'pc-bios', 'dtb'), { recursive: true });
    writeFileSync(join(src, 'pc-bios', 'dtb', 'meson.build'), "dtbs = [\n  'bamboo.dtb',\n  'canyonlands.dtb',\n]\n");
    writeFileSync(join(src, 'pc-bios', 'dtb', 'canyonlands.dtb'), '');
    expect(requiredMesonVersion(src)).toBe('1.5.0');
    expect(missingPrebuiltDtbs(src)).toEqual(['bamboo.dtb']);
    const path = process.env.PATH;
    process.env.PATH = join(src, 'empty');
    try {
      const missing = await findMissingBuildDeps(src, { fdt: false, slirp: true, patches: true, python: join(src, 'no-python3') });
      expect(missing.map((m) => m.debianPackage)).toEqual(
        expect.arrayContaining([
          'gcc',
          'ninja-build',
          'python3',
          'pkg-config',
          'flex',
          'bison',
          'patch',
          'libglib2.0-dev',
          'libslirp-dev',
          'device-tree-compiler',
        ]),
      );
      expect(missing.find((m) => m.debianPackage === 'python3')).toMatchObject({
        what: `Python >= 3.9 at ${join(src, 'no-python3')}`,
        detail: 'it does not run',
      });
      expect(missing.find((m) => m.debianPackage === 'device-tree-compiler')?.detail).toMatch(/no prebuilt pc-bios\/dtb\/\*\.dtb \(bamboo\.dtb and 0 more/);
    } finally {
      process.env.PATH = path;
    }
  });

  it('checks the Python configure is given: the last --python in the configure flags, else the system one', () => {
    expect(configurePython([])).toBe(systemPython());
    expect(configurePython(['--python=/opt/py/bin/python3', '--enable-debug', '--python=/usr/local/bin/python3.12'])).toBe('/usr/local/bin/python3.12');
  });
});
