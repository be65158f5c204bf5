import { randomBytes } from 'node:crypto';

/**
 * A sibling path to write before renaming onto `path`. The pid alone is not enough: one process
 * (a campaign, a test) may write the same cache file from two tasks at once.
 */
export function privateTempPath(path: string): string {
  return `${path}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
}
