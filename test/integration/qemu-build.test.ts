import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { localCacheDir } from '../../src/core/cache-dir.js';
import { ConfigError, formatError, InfraError } from '../../src/core/errors.js';
import type { Host, Logger } from '../../src/core/host.js';
import { runPipeline } from '../../src/modes/run-pipeline.js';
import { ensureBuiltQemu, type QemuBuildSpec } from '../../src/provision/qemu-build/build-qemu.js';

/**
 * Builds QEMU 10.2.2 from Debian's +ds orig tarball with qfi's minimal flags (minutes the
 * first time on a machine, then a cache hit), then boots the built-in guest on it with a
 * plugin compiled from test/fixtures/plugins/insn-count.c.
 * The tarball comes from scripts/fetch-qemu-source.sh (.ci/run exports QFI_QEMU_SOURCE).
 */
const source = process.env.QFI_QEMU_SOURCE ?? join(localCacheDir(), 'sources', 'qemu_10.2.2+ds.orig.tar.xz');
const plugin = new URL('../fixtures/plugins/insn-count.c', import.meta.url).pathname;

function recordingHost(): { host: Host; lines: string[] } {
  const lines: string[] = [];
  const log: Logger = {
    info: (m) => lines.push(m),
    warn: (m) => lines.push(`warning: ${m}`),
    error: (m) => lines.push(`error: ${m}`),
    debug: () => {},
    group: async (title, fn) => {
      lines.push(`group: ${title}`);
      return fn();
    },
  };
  return { host: { log, cacheDir: localCacheDir() }, lines };
}

const spec: QemuBuildSpec = {
  version: '10.2.2',
  sha256: undefined,
  source,
  targets: ['x86_64-softmmu'],
  configureFlags: [],
  patches: [],
  installDeps: false,
};

describe("QEMU built from Debian's 10.2.2 +ds orig tarball, cached in the local cache folder", () => {
  it('has the source tarball (run scripts/fetch-qemu-source.sh)', () => {
    expect(existsSync(source), `no QEMU source at ${source}: run bash scripts/fetch-qemu-source.sh`).toBe(true);
  });

  it(
    'builds once, then restores from the cache without running configure or ninja',
    async () => {
      const resultsDir = mkdtempSync(join(tmpdir(), 'qfi-build-'));
      const first = recordingHost();
      const built = await ensureBuiltQemu(spec, { cacheDir: first.host.cacheDir, log: first.host.log, resultsDir });
      expect(execFileSync(join(built.prefix, 'bin', 'qemu-system-x86_64'), ['--version']).toString()).toMatch(/QEMU emulator version 10\.2\.2/);
      expect(existsSync(join(built.prefix, 'include', 'qemu-plugin.h'))).toBe(true);
      expect(first.lines.some((l) => l.startsWith('group: QEMU cache key qfi-qemu-v1-'))).toBe(true);
      expect(first.lines).toEqual(expect.arrayContaining([expect.stringMatching(/^os: /), expect.stringMatching(/^hash: [0-9a-f]{16}$/)]));
      if (built.origin === 'built') {
        expect(first.lines.some((l) => /^building QEMU: \d+% \(\d+\/\d+ steps/.test(l))).toBe(true);
        expect(first.lines.some((l) => /empty stand-ins added/.test(l))).toBe(true);
      }

      const second = recordingHost();
      const again = await ensureBuiltQemu(spec, { cacheDir: second.host.cacheDir, log: second.host.log, resultsDir });
      expect(again).toEqual({ prefix: built.prefix, key: built.key, origin: 'local-cache' });
      expect(second.lines.some((l) => /cache hit/.test(l))).toBe(true);
      expect(second.lines.some((l) => /running configure|running ninja|building QEMU:/.test(l))).toBe(false);
      const marker = JSON.parse(readFileSync(join(built.prefix, '..', 'qfi-build.json'), 'utf8')) as { key: string; totalMs: number };
      expect(marker.key).toBe(built.key);
    },
    45 * 60_000,
  );

  it(
    'boots the built-in guest on the built QEMU with a plugin compiled against its qemu-plugin.h',
    async () => {
      const cwd = mkdtempSync(join(tmpdir(), 'qfi-plugin-'));
      const out = join(cwd, 'insns.txt');
      const { host } = recordingHost();
      const { run } = await runPipeline(
        {
          inputs: { command: 'true', 'qemu-source': source, plugin, 'plugin-args': [`out=${out}`], 'results-dir': join(cwd, 'results') },
          cwd,
        },
        host,
      );
      expect(run.verdict).toBe('pass');
      expect(run.provisioned).toMatchObject({ qemuVersion: '10.2.2', qemuOrigin: 'local-cache', accel: 'tcg' });
      expect(run.record.qemuArgv).toContain('-plugin');
      const insns = Number(/insns=(\d+)/.exec(readFileSync(out, 'utf8'))?.[1]);
      expect(insns).toBeGreaterThan(100_000_000); // a Linux boot executes several hundred million
      expect(readFileSync(join(cwd, 'results', 'junit.xml'), 'utf8')).toContain('<property name="qfi.qemu.origin" value="local-cache"/>');
    },
    10 * 60_000,
  );

  it(
    'fails with the patch name when a patch does not apply, before configure',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'qfi-patch-'));
      const patch = join(dir, '0001-does-not-apply.patch');
      writeFileSync(patch, ['--- a/VERSION', '+++ b/VERSION', '@@ -1 +1 @@', '-9.9.9', '+9.9.10', ''].join('\n'));
      const { host, lines } = recordingHost();
      const err = await ensureBuiltQemu({ ...spec, patches: [patch] }, { cacheDir: host.cacheDir, log: host.log, resultsDir: dir }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ConfigError);
      expect(formatError(err)).toMatch(/patch 0001-does-not-apply\.patch does not apply to the QEMU source/);
      expect(lines.some((l) => /running configure/.test(l))).toBe(false);
    },
    5 * 60_000,
  );

  it('refuses a source tarball whose sha256 differs from qemu-sha256', async () => {
    const { host } = recordingHost();
    const err = await ensureBuiltQemu({ ...spec, sha256: '0'.repeat(64) }, { cacheDir: host.cacheDir, log: host.log, resultsDir: tmpdir() }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ConfigError);
    expect(formatError(err)).toMatch(/has sha256 [0-9a-f]{64}, not the 0{64} given in qemu-sha256/);
  });

  it(
    'keeps the build log in the results folder and shows its last lines when configure fails',
    async () => {
      const resultsDir = mkdtempSync(join(tmpdir(), 'qfi-fail-'));
      const { host } = recordingHost();
      const err = await ensureBuiltQemu(
        { ...spec, configureFlags: ['--enable-no-such-feature'] },
        { cacheDir: host.cacheDir, log: host.log, resultsDir },
      ).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(InfraError);
      const text = formatError(err);
      expect(text).toMatch(/building QEMU 10\.2\.2 failed: .*configure/);
      expect(text).toMatch(/last lines of the build log:[\s\S]*no-such-feature/);
      expect(text).toContain(`hint: the full log is in ${join(resultsDir, 'qemu-build.log')}`);
      expect(readFileSync(join(resultsDir, 'qemu-build.log'), 'utf8')).toContain('$ ');
    },
    5 * 60_000,
  );
});
