import { describe, expect, it, vi } from 'vitest';
import type { TestRun } from '../../../src/observe/types.js';

// Adapter test: the only place @actions/* is mocked.
const calls: Array<[string, string, Record<string, unknown>]> = [];
vi.mock('@actions/core', () => ({
  warning: (m: string, p: Record<string, unknown> = {}) => calls.push(['warning', m, p]),
  error: (m: string, p: Record<string, unknown> = {}) => calls.push(['error', m, p]),
  ExitCode: { Success: 0, Failure: 1 },
}));

/** A run whose rules nothing consulted, written on lines 10, 11, … of ci/qfi.toml. */
function runWithUnusedRules(n: number): TestRun {
  const rules = Array.from({ length: n }, (_, i) => `linux.point${i}=fail`);
  return {
    ruleUse: rules.map((rule) => ({ rule, layer: 'guest', calls: undefined, fired: 0, consulted: false })),
    plan: {
      requireFired: false,
      sources: {
        main: { file: 'ci/qfi.toml', line: 1 },
        command: undefined,
        resultsFile: undefined,
        rules: Object.fromEntries(rules.map((r, i) => [r, { file: 'ci/qfi.toml', line: 10 + i }])),
      },
    },
  } as unknown as TestRun;
}

describe("annotations within GitHub's 10 per level and step", () => {
  it('a rule nothing consulted is a warning on its config line', async () => {
    const { unusedRuleAnnotations } = await import('../../../src/adapters/action/annotations.js');
    calls.length = 0;
    unusedRuleAnnotations(runWithUnusedRules(2));
    expect(calls).toEqual([
      [
        'warning',
        expect.stringContaining('rule linux.point0=fail: the guest never called point linux.point0, so it tested nothing'),
        { title: 'qfi: rule never consulted', file: 'ci/qfi.toml', startLine: 10 },
      ],
      ['warning', expect.stringContaining('linux.point1=fail'), { title: 'qfi: rule never consulted', file: 'ci/qfi.toml', startLine: 11 }],
    ]);
  });

  it('30 such rules: 8 warnings and one saying how many more, leaving one for the verdict', async () => {
    const { unusedRuleAnnotations, verdictAnnotation } = await import('../../../src/adapters/action/annotations.js');
    calls.length = 0;
    unusedRuleAnnotations(runWithUnusedRules(30));
    verdictAnnotation('qfi demo: fail — test command exited with 1 (fail-on-verdict is false)', { file: 'ci/qfi.toml', line: 3 }, 'warning');
    expect(calls.filter((c) => c[0] === 'warning')).toHaveLength(10);
    expect(calls[8]).toEqual(['warning', '22 more rules were never consulted: the job summary lists them all (GitHub shows 10 warnings per step)', {}]);
    expect(calls[9]).toEqual(['warning', expect.stringContaining('qfi demo: fail'), { title: 'qfi', file: 'ci/qfi.toml', startLine: 3 }]);
  });
});
