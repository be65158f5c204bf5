import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync } from 'node:fs';
import { basename, join } from 'node:path';
import { execa } from 'execa';
import { ConfigError } from '../../core/errors.js';
import type { Logger } from '../../core/host.js';
import { privateTempPath } from '../../core/temp-path.js';
import { diesWithParent } from '../../core/child-lifetime.js';

/** Warnings are errors: a plugin that runs inside QEMU's TCG loop gets no benefit of the doubt. */
export const PLUGIN_CFLAGS = ['-shared', '-fPIC', '-O2', '-Wall', '-Wextra', '-Werror', '-fvisibility=hidden'];

/**
 * Compiles a plugin source against the qemu-plugin.h of the QEMU it will run in, cached by
 * (source bytes, the QEMU build's key, flags). A compile error is the user's to fix: it is
 * reported with the compiler's words.
 */
export async function buildPlugin(
  sources: string[],
  qemu: { prefix: string; key: string },
  opts: { cacheDir: string; log: Logger; signal?: AbortSignal | undefined; includeDirs?: string[]; input?: string },
): Promise<string> {
  const glib = await execa('pkg-config', ['--cflags', 'glib-2.0'], { stdin: 'ignore' });
  const includes = [join(qemu.prefix, 'include'), ...(opts.includeDirs ?? [])].map((d) => `-I${d}`);
  const flags = [...PLUGIN_CFLAGS, ...includes, ...glib.stdout.trim().split(/\s+/).filter(Boolean)];
  const h = createHash('sha256');
  for (const source of sources) h.update(source).update('\0').update(readFileSync(source)).update('\0');
  for (const dir of opts.includeDirs ?? []) for (const header of headersIn(dir)) h.update(header).update(readFileSync(header));
  const hash = h
    .update(`\0${qemu.key}\0${PLUGIN_CFLAGS.join(' ')}`)
    .digest('hex')
    .slice(0, 16);
  const dir = join(opts.cacheDir, 'plugins', hash);
  const so = join(dir, 'plugin.so');
  if (existsSync(so)) return so;
  mkdirSync(dir, { recursive: true });
  const tmp = privateTempPath(so);
  const t0 = Date.now();
  const result = await execa(...diesWithParent('cc', [...flags, '-o', tmp, ...sources]), {
    stdin: 'ignore',
    reject: false,
    all: true,
    ...(opts.signal ? { cancelSignal: opts.signal } : {}),
  });
  if (result.exitCode !== 0) {
    throw new ConfigError(
      `the plugin ${sources.join(' ')} does not compile against QEMU's qemu-plugin.h:\n${(result.all ?? '').trim().split('\n').slice(0, 20).join('\n')}`,
      {
        location: { input: opts.input ?? 'plugin' },
        hint: `compiled with: cc ${flags.join(' ')}`,
      },
    );
  }
  renameSync(tmp, so);
  opts.log.info(`plugin ${sources.map((f) => basename(f)).join(' ')} compiled in ${Date.now() - t0} ms`);
  return so;
}

function headersIn(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.h'))
    .sort()
    .map((f) => join(dir, f));
}

/** qfi's own plugin: every plugin/*.c (its tests live in plugin/tests/). */
export function qfiPluginSources(pluginDir: string): string[] {
  return readdirSync(pluginDir)
    .filter((f) => f.endsWith('.c'))
    .sort()
    .map((f) => join(pluginDir, f));
}
