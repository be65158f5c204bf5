import { defineConfig } from 'vitest/config';

// Two projects: fast unit tests, and integration tests that boot real QEMU guests.
// Integration files run one at a time: the machine has 2 cores and TCG is CPU-bound.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          testTimeout: 20_000,
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
