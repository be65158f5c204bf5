// Writes action.yml and the README's inputs/outputs tables from the inputs table (src/config/inputs.ts) via a throwaway esbuild bundle.
import { build } from 'esbuild';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const dir = mkdtempSync(join(tmpdir(), 'qfi-action-yml-'));
try {
  const out = join(dir, 'render.mjs');
  await build({ entryPoints: ['src/adapters/action/action-yml.ts'], outfile: out, bundle: true, format: 'esm', platform: 'node', logLevel: 'warning' });
  const { renderActionYml, renderReadme } = await import(pathToFileURL(out).href);
  writeFileSync('action.yml', renderActionYml());
  writeFileSync('README.md', renderReadme(readFileSync('README.md', 'utf8')));
  console.log('action.yml and the README tables written');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
