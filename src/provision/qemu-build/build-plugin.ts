import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { ConfigError } from '../../core/errors.js';
import type { Logger } from '../../core/host.js';

/** Warnings are errors: a plugin that runs inside QEMU's TCG loop gets no benefit of the doubt. */
export const PLUGIN_CFLAGS = ['-shared', '-fPIC', '-O2', '-Wall', '-Wextra', '-Werror', '-fvisibility=hidden'];

/**
 * Compiles a plugin source against the qemu-plugin.h of the QEMU it will run in, cached by
 * (source bytes, the QEMU build's key, flags). A compile error is the user's to fix: it is
 * reported with the compiler's words.
 */
export async function buildPlugin(source: string, qemu: { prefix: string; key: string }, opts: { cacheDir: string; log: Logger; signal?: AbortSignal | undefined }): Promise<string> {
  const glib = await execa('pkg-config', ['--cflags', 'glib-2.0'], { stdin: 'ignore' });
  const flags = [...PLUGIN_CFLAGS, `-I${join(qemu.prefix, 'include')}`, ...glib.stdout.trim().split(/\s+/).filter(Boolean)];
  const hash = createHash('sha256').update(readFileSync(source)).update(`\0${qemu.key}\0${PLUGIN_CFLAGS.join(' ')}`).digest('hex').slice(0, 16);
  const dir = join(opts.cacheDir, 'plugins', hash);
  const so = join(dir, 'plugin.so');
  if (existsSync(so)) return so;
  mkdirSync(dir, { recursive: true });
  const tmp = `${so}.tmp-${process.pid}`;
  const t0 = Date.now();
  const result = await execa('cc', [...flags, '-o', tmp, source], { stdin: 'ignore', reject: false, all: true, ...(opts.signal ? { cancelSignal: opts.signal } : {}) });
  if (result.exitCode !== 0) {
    throw new ConfigError(`the plugin ${source} does not compile against QEMU's qemu-plugin.h:\n${(result.all ?? '').trim().split('\n').slice(0, 20).join('\n')}`, {
      location: { input: 'plugin', file: source },
      hint: `compiled with: cc ${flags.join(' ')}`,
    });
  }
  renameSync(tmp, so);
  opts.log.info(`plugin ${source} compiled in ${Date.now() - t0} ms`);
  return so;
}
