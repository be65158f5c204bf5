import { readFileSync } from 'node:fs';
import { defineConfig, type Plugin } from 'vitest/config';

/**
 * GitHub's workflow parser (used to check workflows-examples/) imports its JSON schema without
 * an import attribute, which Node refuses; inlined, Vite transforms it. Its published source
 * maps point at files it does not ship, so they are dropped instead of warned about per file.
 */
const workflowParserWithoutSourceMaps: Plugin = {
  name: 'workflow-parser-without-source-maps',
  enforce: 'pre',
  load(id) {
    if (!/[\\/]@actions[\\/]workflow-parser[\\/]dist[\\/].*\.js$/.test(id)) return null;
    return readFileSync(id, 'utf8').replace(/^\/\/# sourceMappingURL=.*$/gm, '');
  },
};

// Two projects: fast unit tests, and integration tests that boot real QEMU guests.
// Integration files run one at a time: the machine has 2 cores and TCG is CPU-bound.
export default defineConfig({
  test: {
    projects: [
      {
        plugins: [workflowParserWithoutSourceMaps],
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          globalSetup: ['test/setup/builtin-guests.ts'],
          testTimeout: 20_000,
          server: { deps: { inline: ['@actions/workflow-parser'] } },
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          fileParallelism: false,
          testTimeout: 300_000,
          hookTimeout: 600_000,
        },
      },
    ],
  },
});
