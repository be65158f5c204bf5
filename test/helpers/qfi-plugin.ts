import { join } from 'node:path';
import { localCacheDir } from '../../src/core/cache-dir.js';
import { silentLogger } from '../../src/core/host.js';
import { buildPlugin, qfiPluginSources } from '../../src/provision/qemu-build/build-plugin.js';
import { ensureBuiltQemu } from '../../src/provision/qemu-build/build-qemu.js';
import { tmpdir } from 'node:os';

/** Debian's QEMU 10.2.2 orig tarball (scripts/fetch-qemu-source.sh; .ci/run exports QFI_QEMU_SOURCE). */
export const qemuSourceTarball = process.env.QFI_QEMU_SOURCE ?? join(localCacheDir(), 'sources', 'qemu_10.2.2+ds.orig.tar.xz');

/**
 * The QEMU 10.2.2 that qfi builds, as the runner gets it: from the cache, or built now (minutes)
 * when no test has built it yet on this machine. Test order never matters.
 */
export async function builtQemu(): Promise<{ prefix: string; key: string; binary: string }> {
  const built = await ensureBuiltQemu(
    { version: '10.2.2', sha256: undefined, source: qemuSourceTarball, targets: ['x86_64-softmmu'], configureFlags: [], patches: [], installDeps: false },
    { cacheDir: localCacheDir(), log: silentLogger, resultsDir: tmpdir() },
  );
  return { prefix: built.prefix, key: built.key, binary: join(built.prefix, 'bin', 'qemu-system-x86_64') };
}

/** qfi-fault compiled exactly as the runner compiles it (same flags, same cache). */
export async function builtQfiPlugin(qemu: { prefix: string; key: string }): Promise<string> {
  const dir = new URL('../../plugin', import.meta.url).pathname;
  return buildPlugin(qfiPluginSources(dir), qemu, { cacheDir: localCacheDir(), log: silentLogger, includeDirs: [dir] });
}
