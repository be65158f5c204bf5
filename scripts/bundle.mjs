// Bundles the entries into dist/ as ESM (the ESM-only @actions/* rule out ncc's CommonJS).
// Deterministic output: CI fails when re-running this changes dist/.
import { build } from 'esbuild';
import { readFileSync, rmSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });

const common = {
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
};

// What GitHub's runner starts (action.yml) and the CLI: self-contained, no node_modules needed.
await build({
  ...common,
  entryPoints: { main: 'src/entry/main.ts', post: 'src/entry/post.ts', cli: 'src/entry/cli.ts' },
  outdir: 'dist',
});

// For @github/local-action: modules that export run() and do not run on import. @actions/* stay
// imports of node_modules, because local-action stubs them by their resolved file (quibble): a
// bundled copy would bypass the stubs, and with them the in-memory state that carries main's
// results folder to post, and its local artifact and cache folders.
await build({
  ...common,
  entryPoints: { main: 'src/adapters/action/main.ts', post: 'src/adapters/action/post.ts' },
  outdir: 'dist/local-action',
  external: ['@actions/*'],
});
