/**
 * The Host port: what the pipeline needs from the place it runs in. The CLI adapter
 * implements it with stderr and a local cache folder; the action adapter with @actions/*.
 * Core code never imports @actions/* itself.
 */
export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  /** Also an annotation on GitHub. */
  error(message: string): void;
  debug(message: string): void;
  /** A collapsible group on GitHub; a heading line elsewhere. */
  group<T>(title: string, fn: () => Promise<T>): Promise<T>;
}

/** A cache shared between machines (GitHub's Actions cache): exact keys only. */
export interface RemoteCache {
  /** Restores `key` into `dir`; false when there is no entry with exactly that key. */
  restore(key: string, dir: string): Promise<boolean>;
  save(key: string, dir: string): Promise<void>;
}

export interface Host {
  log: Logger;
  /** Root of the local cache: `${XDG_CACHE_HOME:-~/.cache}/qfi`. */
  cacheDir: string;
  /** Present on GitHub; the local cache folder is always used first. */
  remoteCache?: RemoteCache;
}

/** A logger that writes nothing: for tests that do not look at logs. */
export const silentLogger: Logger = {
  info() {},
  warn() {},
  error() {},
  debug() {},
  group: (_title, fn) => fn(),
};
