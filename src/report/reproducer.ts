import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../core/package-root.js';
import type { Plan, ResolvedConfig } from '../core/types.js';
import { shellCommand } from './shell-quote.js';

/**
 * reproducer.sh: written before QEMU starts, so even a run that never finishes leaves a
 * way to run the same scenario again (same rules, same seed) with the CLI.
 */
export function writeReproducer(config: ResolvedConfig, plan: Plan, dir: string): string {
  const cli = join(packageRoot(), 'dist', 'cli.js');
  const lines = [
    '#!/usr/bin/env bash',
    `# Re-runs qfi scenario "${plan.scenario}" with the same rules and seed.`,
    `# rules: ${plan.canonicalRules.length ? plan.canonicalRules.join(' ') : '(none)'}`,
    `# seed: ${plan.seed}`,
    '# Extra arguments are passed on, e.g. --results-dir /tmp/again.',
    'set -euo pipefail',
    `exec ${shellCommand(['node', cli, 'run', ...config.reproducerArgs])} "$@"`,
    '',
  ];
  const path = join(dir, 'reproducer.sh');
  writeFileSync(path, lines.join('\n'), { mode: 0o755 });
  return path;
}
