// Bundles the three entries into dist/ as ESM (the ESM-only @actions/* rule out ncc's CommonJS).
// Deterministic output: CI fails when re-running this changes dist/.
import { build } from 'esbuild';
import { readFileSync, rmSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });

await build({
  entryPoints: { main: 'src/entry/main.ts', post: 'src/entry/post.ts', cli: 'src/entry/cli.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  chunkNames: 'chunks/[name]-[hash]',
  define: { __QFI_VERSION__: JSON.stringify(pkg.version) },
  // CommonJS dependencies call require() for Node built-ins; give ESM a require.
  banner: { js: "import { createRequire as __qfiCreateRequire } from 'node:module'; const require = __qfiCreateRequire(import.meta.url);" },
  legalComments: 'none',
  logLevel: 'warning',
});
