import * as core from '@actions/core';
import { localCacheDir } from '../../core/cache-dir.js';
import type { Host, Logger } from '../../core/host.js';
import { actionsRemoteCache } from './actions-cache.js';

export const actionsLogger: Logger = {
  info: (m) => core.info(m),
  warn: (m) => core.warning(m),
  error: (m) => core.error(m),
  debug: (m) => core.debug(m),
  group: (title, fn) => core.group(title, fn),
};

/** Same cache folder as the CLI: runners keep it between steps of a job. */
export function actionHost(): Host {
  return { log: actionsLogger, cacheDir: localCacheDir(), remoteCache: actionsRemoteCache };
}
