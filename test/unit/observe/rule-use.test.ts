import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { guestPoints } from '../../../src/observe/guest-points.js';
import type { InjectionSummary } from '../../../src/observe/injections.js';
import { ruleUse, unusedRuleWarning } from '../../../src/observe/rule-use.js';
import { requireFired } from '../../../src/observe/verdict.js';
import { loadConsoleFixture } from '../../helpers/console-fixture.js';

// Recorded runs: a block rate rule that fired 14 times (reproduce fixture), and a guest that
// consulted storage.read 3 times (1 fail) and registered net.tx without calling it (points.log).
const blockRun = JSON.parse(readFileSync('test/fixtures/reproduce/block-rate-seed7/summary.json', 'utf8')) as { injections: InjectionSummary };
const points = guestPoints(loadConsoleFixture('points').events);
const rules = ['block.read[disk=data]=rate:300', 'storage.read=drop-every:2', 'net.tx=fail', 'linux.failslab=fail'];
const pass = { verdict: 'pass' as const, reason: 'test command exited with 0' };

describe('what each rule of a run did', () => {
  const uses = ruleUse(rules, blockRun.injections, points);

  it('host rules by their fires, guest rules by the calls the guest reported', () => {
    expect(uses.map((u) => [u.rule, u.id, u.layer, u.calls, u.fired, u.consulted])).toEqual([
      ['block.read[disk=data]=rate:300', 'h1', 'block', undefined, 14, true],
      ['storage.read=drop-every:2', undefined, 'guest', 3, 1, true],
      ['net.tx=fail', undefined, 'guest', 0, 0, false],
      ['linux.failslab=fail', undefined, 'guest', undefined, 0, false],
    ]);
  });

  it('warns about a rule nothing consulted, naming the point and what to check', () => {
    expect(unusedRuleWarning(uses[3]!, false)).toBe(
      "rule linux.failslab=fail: the guest never called point linux.failslab, so it tested nothing: check that the guest's code consults it (qfi-fault, the SDK), or that the kernel has the fault-injection feature the point needs (require-fired makes this a failure)",
    );
  });

  it('require-fired fails a pass on every rule that did nothing, and leaves the rest alone', () => {
    expect(requireFired(pass, uses, true)).toEqual({
      verdict: 'fail',
      reason:
        'require-fired: rule net.tx=fail: the guest never called point net.tx; rule linux.failslab=fail: the guest never called point linux.failslab, though the test command passed',
    });
    expect(requireFired(pass, uses.slice(0, 2), true)).toBe(pass);
    expect(requireFired(pass, uses, false)).toBe(pass);
    const failed = { verdict: 'fail' as const, reason: 'test command exited with 1' };
    expect(requireFired(failed, uses, true)).toBe(failed);
  });
});
