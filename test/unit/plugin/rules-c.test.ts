import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * The plugin's pure-C parts, compiled with the host cc and run: plugin/tests/test-rules.c
 * (the rule-line parser, plugin/rules.c) and plugin/tests/test-json.c (plugin/jsonmini.c).
 * Each C test prints one line per check and ends with "N passed, M failed"; the expected N
 * keeps a test program that silently ran nothing from passing.
 */
const plugin = new URL('../../../plugin/', import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), 'qfi-plugin-c-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function buildAndRun(test: string, sources: string[]): { status: number | null; stdout: string } {
  const exe = join(work, test);
  execFileSync(
    'cc',
    ['-std=c11', '-Wall', '-Wextra', '-Werror', '-I', plugin, join(plugin, 'tests', `${test}.c`), ...sources.map((s) => join(plugin, s)), '-o', exe],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const run = spawnSync(exe, { encoding: 'utf8' });
  return { status: run.status, stdout: run.stdout };
}

function summary(stdout: string): { passed: number; failed: number; failures: string[] } {
  const last = /^(\d+) passed, (\d+) failed$/m.exec(stdout);
  expect(last, `no summary line in:\n${stdout}`).not.toBeNull();
  return { passed: Number(last![1]), failed: Number(last![2]), failures: stdout.split('\n').filter((l) => l.startsWith('not ok')) };
}

describe('qfi-fault rule-line parser (plugin/rules.c) on the host', () => {
  it('passes every check of plugin/tests/test-rules.c', () => {
    const { status, stdout } = buildAndRun('test-rules', ['rules.c']);
    const s = summary(stdout);
    expect(s.failures).toEqual([]);
    expect(s.failed).toBe(0);
    expect(s.passed).toBe(151);
    expect(status).toBe(0);
  });
});

describe('qfi-fault JSON reader and writer (plugin/jsonmini.c) on the host', () => {
  it('passes every check of plugin/tests/test-json.c', () => {
    const { status, stdout } = buildAndRun('test-json', ['jsonmini.c']);
    const s = summary(stdout);
    expect(s.failures).toEqual([]);
    expect(s.failed).toBe(0);
    expect(s.passed).toBe(50);
    expect(status).toBe(0);
  });
});
