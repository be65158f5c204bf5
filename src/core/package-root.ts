import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;

/**
 * The qfi package folder (the one holding package.json named "qfi" and guest/).
 * Found by walking up from this module, so it works from src/ under vitest and from the
 * bundled dist/ that the action runs (the action's checkout has guest/ beside dist/).
 */
export function packageRoot(): string {
  if (cached) return cached;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      try {
        if ((JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'qfi') return (cached = dir);
      } catch {
        // not ours; keep walking
      }
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`qfi package root not found above ${fileURLToPath(import.meta.url)}`);
    dir = parent;
  }
}
