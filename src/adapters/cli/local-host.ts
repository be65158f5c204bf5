import { localCacheDir } from '../../core/cache-dir.js';
import type { Host, Logger } from '../../core/host.js';

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
