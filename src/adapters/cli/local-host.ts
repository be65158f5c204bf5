import { localCacheDir } from '../../core/cache-dir.js';
import type { Host, Logger } from '../../core/host.js';
import { printable } from '../../core/errors.js';

/** Logs to stderr so stdout stays free for anything a script may want to parse. */
export function stderrLogger(debug = process.env.QFI_DEBUG === '1'): Logger {
  const write = (line: string) => process.stderr.write(`${line}\n`);
  return {
    info: (m) => write(m),
    // Warnings and errors quote config values and paths: shown escaped, they cannot drive the terminal.
    warn: (m) => write(printable(`warning: ${m}`)),
    error: (m) => write(printable(`error: ${m}`)),
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
