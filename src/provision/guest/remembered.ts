/**
 * An answer from apt remembered in a small JSON file under a fingerprint of apt's package
 * lists, and reused until the lists change (apt-cache takes ~0.4 s per call; a warm start of
 * the built-in guest makes none).
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * The value stored under `field` in `memoFile` when its fingerprint matches; otherwise
 * `compute()`, stored for next time. The file holds `{ fingerprint, [field]: value }`.
 */
export async function remembered<T>(memoFile: string, fingerprint: string, field: string, compute: () => Promise<T>): Promise<T> {
  try {
    const memo = JSON.parse(await readFile(memoFile, 'utf8')) as Record<string, unknown>;
    if (memo.fingerprint === fingerprint && memo[field] !== undefined && memo[field] !== null) return memo[field] as T;
  } catch {
    // absent or unreadable: compute it
  }
  const value = await compute();
  await mkdir(dirname(memoFile), { recursive: true });
  const tmp = `${memoFile}.${process.pid}.tmp`;
  await writeFile(tmp, `${JSON.stringify({ fingerprint, [field]: value }, null, 2)}\n`);
  await rename(tmp, memoFile);
  return value;
}
