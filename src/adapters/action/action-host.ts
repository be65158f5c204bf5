import * as core from '@actions/core';
import { localCacheDir } from '../../core/cache-dir.js';
import type { Host, Logger } from '../../core/host.js';
import { actionsRemoteCache } from './actions-cache.js';

/** GitHub's log groups do not nest: inside one (or beside a running one), a group is a heading line. */
let openGroups = 0;

export const actionsLogger: Logger = {
  info: (m) => core.info(m),
  warn: (m) => core.warning(m),
  error: (m) => core.error(m),
  debug: (m) => core.debug(m),
  async group(title, fn) {
    if (openGroups > 0) {
      core.info(`▸ ${title}`);
      return fn();
    }
    openGroups++;
    try {
      return await core.group(title, fn);
    } finally {
      openGroups--;
    }
  },
};

/** Same cache folder as the CLI: runners keep it between steps of a job. */
export function actionHost(): Host {
  return { log: actionsLogger, cacheDir: localCacheDir(), remoteCache: actionsRemoteCache };
}
