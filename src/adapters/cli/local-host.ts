import { homedir } from 'node:os';
import { join } from 'node:path';
import type { Host, Logger } from '../../core/host.js';

/** `${XDG_CACHE_HOME:-~/.cache}/qfi`, the same folder .ci/run and the action use off GitHub. */
export function localCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'qfi');
}

/** Logs to stderr so stdout stays free for anything a script may want to parse. */
export function stderrLogger(debug = process.env.QFI_DEBUG === '1'): Logger {
  const write = (line: string) => process.stderr.write(`${line}\n`);
  return {
    info: (m) => write(m),
    warn: (m) => write(`warning: ${m}`),
    error: (m) => write(`error: ${m}`),
    debug: (m) => {
      if (debug) write(`debug: ${m}`);
    },
    async group(title, fn) {
      write(`── ${title}`);
      const start = Date.now();
      try {
        return await fn();
      } finally {
        write(`── ${title}: ${((Date.now() - start) / 1000).toFixed(1)} s`);
      }
    },
  };
}

export function localHost(): Host {
  return { log: stderrLogger(), cacheDir: localCacheDir() };
}
