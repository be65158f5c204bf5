/**
 * Where a QEMU build's meson comes from, with real meson releases. configure never runs the
 * `meson` on PATH: it makes build/pyvenv from the Python it is given and takes meson from that
 * Python's packages, or from the source's python/wheels. Here a meson older than QEMU 10's 1.5
 * (Debian bookworm's own 1.0.1, unpacked from its .deb) is first on PATH and the only one the
 * Python sees:
 * - Debian's +ds 10.2.2 tarball (no wheels) is refused before configure, naming the package;
 * - an upstream-layout source (with python/wheels) configures: configure installs its wheel.
 *   CI cannot fetch one; give it in QFI_QEMU_UPSTREAM_SOURCE (a release tarball, or a tree of
 *   the upstream repository with the subprojects a release carries).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, createWriteStream, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, describe, expect, it } from 'vitest';
import { localCacheDir } from '../../src/core/cache-dir.js';
import { formatError, InfraError } from '../../src/core/errors.js';
import type { Logger } from '../../src/core/host.js';
import { ensureBuiltQemu, prepareAndConfigure, type QemuBuildSpec } from '../../src/provision/qemu-build/build-qemu.js';
import { resolveQemuSource } from '../../src/provision/qemu-build/qemu-source.js';
import { recordingLogger } from '../helpers/recording-logger.js';

const dsSource = process.env.QFI_QEMU_SOURCE ?? join(localCacheDir(), 'sources', 'qemu_10.2.2+ds.orig.tar.xz');
const upstreamSource = process.env.QFI_QEMU_UPSTREAM_SOURCE;
const downloads = join(localCacheDir(), 'sources');
const scratch = mkdtempSync(join(tmpdir(), 'qfi-meson-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function recordingLog(): { log: Logger; lines: string[] } {
  const lines: string[] = [];
  return { log: recordingLogger(lines), lines };
}

/** A package of Debian bookworm (main), by exact version, unpacked; the .deb stays in the download cache. */
async function bookwormPackage(name: string, version: string): Promise<{ root: string } | { reason: string }> {
  const deb = join(downloads, `${name}_${version}_all.deb`);
  if (!existsSync(deb)) {
    const work = mkdtempSync(join(scratch, 'apt-'));
    const r = await execa('apt-get', ['download', `${name}=${version}`], { cwd: work, reject: false, all: true, timeout: 120_000 }).catch((e: Error) => ({
      exitCode: 1,
      all: e.message,
    }));
    const got = existsSync(work) ? readdirSync(work).find((f) => f.endsWith('.deb')) : undefined;
    if (r.exitCode !== 0 || !got)
      return {
        reason: `apt-get download ${name}=${version} failed (a Debian 12 host with apt lists is needed): ${String(r.all ?? '')
          .trim()
          .split('\n')
          .at(-1)}`,
      };
    mkdirSync(downloads, { recursive: true });
    renameSync(join(work, got), deb);
  }
  const root = mkdtempSync(join(scratch, `${name}-`));
  execFileSync('dpkg-deb', ['-x', deb, root]);
  return { root };
}

/** `meson` 1.0.1 first on PATH: Debian's own script, run with its unpacked package. */
function mesonFirstOnPath(mesonRoot: string): string {
  const bin = mkdtempSync(join(scratch, 'bin-'));
  const site = join(mesonRoot, 'usr/lib/python3/dist-packages');
  writeFileSync(join(bin, 'meson'), `#!/bin/sh\nPYTHONPATH=${site} exec /usr/bin/python3 ${join(mesonRoot, 'usr/bin/meson')} "$@"\n`, { mode: 0o755 });
  return `${bin}:${process.env.PATH}`;
}

async function withEnv<T>(env: Record<string, string>, fn: () => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  try {
    return await fn();
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

const spec: QemuBuildSpec = {
  version: '10.2.2',
  sha256: undefined,
  source: dsSource,
  targets: ['x86_64-softmmu'],
  configureFlags: [],
  patches: [],
  installDeps: false,
};

describe('a QEMU build with meson 1.0.1 first on PATH and in the Python configure runs', () => {
  it(
    "refuses Debian's +ds tarball (no meson wheel) before configure, naming meson and where to get it",
    async (ctx) => {
      if (!existsSync(dsSource)) ctx.skip(`no +ds tarball at ${dsSource}: run bash scripts/fetch-qemu-source.sh`);
      const meson = await bookwormPackage('meson', '1.0.1-5');
      if ('reason' in meson) return ctx.skip(meson.reason);
      // The system Python sees 1.0.1 first, as it would with only bookworm's meson installed
      // (mkvenv and qfi's check both ask importlib.metadata, which follows sys.path).
      const env = { PATH: mesonFirstOnPath(meson.root), PYTHONPATH: join(meson.root, 'usr/lib/python3/dist-packages') };
      const { log, lines } = recordingLog();
      const cacheDir = mkdtempSync(join(scratch, 'cache-'));
      const err = await withEnv(env, async () => {
        expect((await execa('meson', ['--version'])).stdout).toBe('1.0.1');
        return ensureBuiltQemu(spec, { cacheDir, log, resultsDir: cacheDir }).catch((e: unknown) => e);
      });
      expect(err).toBeInstanceOf(InfraError);
      const text = formatError(err);
      expect(text).toMatch(
        /building QEMU needs:\n {2}- meson >=1\.5\.0 for \/usr\/bin\/python3: it has 1\.0\.1, and the source has no python\/wheels \(Debian's \+ds tarballs strip them\).* \[package meson\]/,
      );
      if (/^VERSION_CODENAME=bookworm$/m.test(readFileSync('/etc/os-release', 'utf8'))) {
        expect(text).toContain('apt-get install -t bookworm-backports meson');
      }
      expect(text).toMatch(/or build an upstream release instead/);
      expect(lines.some((l) => l.startsWith('info: running configure'))).toBe(false);
    },
    5 * 60_000,
  );

  it(
    'configures an upstream-layout source: configure installs the bundled meson wheel',
    async (ctx) => {
      if (!upstreamSource) {
        return ctx.skip(
          'no upstream-layout source: set QFI_QEMU_UPSTREAM_SOURCE to a QEMU release tarball, or a tree of the upstream repository with its subprojects (CI cannot fetch one)',
        );
      }
      const meson = await bookwormPackage('meson', '1.0.1-5');
      if ('reason' in meson) return ctx.skip(meson.reason);
      const wheel = await bookwormPackage('python3-wheel', '0.38.4-2'); // QEMU 11's configure wants it
      if ('reason' in wheel) return ctx.skip(wheel.reason);
      // A Python whose only meson is 1.0.1: a venv without the system's packages (which hold
      // backports' 1.7.0 here), with bookworm's meson and wheel installed into it. configure's
      // own venv sees them as system packages. (PYTHONPATH would not do: it would shadow the
      // meson configure installs into its venv, too.)
      const py = join(scratch, 'py');
      execFileSync('/usr/bin/python3', ['-m', 'venv', '--without-pip', py]);
      const site = execFileSync(join(py, 'bin/python3'), ['-c', 'import sysconfig; print(sysconfig.get_path("purelib"))'], { encoding: 'utf8' }).trim();
      for (const pkg of [meson, wheel]) cpSync(join(pkg.root, 'usr/lib/python3/dist-packages'), site, { recursive: true });
      const python = join(py, 'bin/python3');
      expect(execFileSync(python, ['-c', 'import importlib.metadata as m; print(m.version("meson"))'], { encoding: 'utf8' }).trim()).toBe('1.0.1');

      const origin = await resolveQemuSource({ version: 'upstream', sha256: undefined, source: upstreamSource });
      const work = mkdtempSync(join(scratch, 'work-'));
      const buildLogFile = join(work, 'build.log');
      const buildLog = createWriteStream(buildLogFile);
      const { log, lines } = recordingLog();
      const upstreamSpec = { ...spec, version: 'upstream', source: upstreamSource, configureFlags: [`--python=${python}`] };
      const configured = await withEnv({ PATH: mesonFirstOnPath(meson.root) }, () =>
        prepareAndConfigure(origin, upstreamSpec, work, { cacheDir: join(scratch, 'cache-up'), log, buildLog }),
      ).finally(() => new Promise<void>((resolve) => buildLog.end(resolve)));

      const bundled = readdirSync(join(configured.src, 'python/wheels')).find((f) => f.startsWith('meson-'));
      const wheelVersion = /^meson-([^-]+)-/.exec(bundled ?? '')?.[1];
      expect(wheelVersion, 'the source has no python/wheels/meson-*.whl').toBeDefined();
      expect(lines.some((l) => l.startsWith('info: running configure'))).toBe(true);
      const out = readFileSync(buildLogFile, 'utf8');
      expect(out).toMatch(new RegExp(`mkvenv: installing meson==${wheelVersion!.replace(/\./g, '\\.')}`));
      expect(out).toMatch(new RegExp(`The Meson build system\\nVersion: ${wheelVersion!.replace(/\./g, '\\.')}\\n`));
      expect((await execa(join(configured.build, 'pyvenv/bin/meson'), ['--version'])).stdout).toBe(wheelVersion);
    },
    10 * 60_000,
  );
});
