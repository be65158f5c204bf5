// Writes action.yml from the inputs table (src/config/inputs.ts) via a throwaway esbuild bundle.
import { build } from 'esbuild';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const dir = mkdtempSync(join(tmpdir(), 'qfi-action-yml-'));
try {
  const out = join(dir, 'render.mjs');
  await build({ entryPoints: ['src/adapters/action/action-yml.ts'], outfile: out, bundle: true, format: 'esm', platform: 'node', logLevel: 'warning' });
  const { renderActionYml } = await import(pathToFileURL(out).href);
  writeFileSync('action.yml', renderActionYml());
  console.log('action.yml written');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
