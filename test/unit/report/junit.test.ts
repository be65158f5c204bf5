import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Plan } from '../../../src/plan/types.js';
import type { Provisioned } from '../../../src/provision/types.js';
import type { RunRecord } from '../../../src/run/types.js';
import type { TestRun } from '../../../src/observe/types.js';
import type { Verdict } from '../../../src/core/verdict.js';
import { decideVerdict } from '../../../src/observe/verdict.js';
import { toJUnit } from '../../../src/report/junit.js';
import { toSummaryMarkdown } from '../../../src/report/summary-md.js';
import { loadConsoleFixture } from '../../helpers/console-fixture.js';
import { runRecord } from '../../helpers/run-record.js';
import { junitSchema } from '../../helpers/junit-schema.js';

/** A run outside any repository: nothing to point at. */
const noSources = { main: undefined, command: undefined, resultsFile: undefined, rules: {} };

/** A TestRun around a recorded console, as the runner would have built it. */
function testRunFrom(fixture: string, over: Partial<RunRecord> = {}): TestRun {
  const { events, summary, lines } = loadConsoleFixture(fixture);
  const exit = events.find((e) => e.kind === 'test-exit');
  const record = runRecord({
    wallMs: 1234,
    bootMs: 1100,
    testMs: 20,
    commandExitCode: exit?.exitCode,
    events,
    consoleLines: lines.length,
    qemuArgv: ['qemu-system-x86_64'],
    ...over,
  });
  const plan = {
    scenario: `fixture-${fixture}`,
    canonicalRules: ['alloc.frame=fail-after:3'],
    seed: 42,
    timeouts: { bootMs: 60_000, testMs: 3000, overallMs: 120_000 },
    sources: noSources,
    reproducer: 'qfi run --seed 42',
  } as Plan;
  const provisioned = { qemuVersion: '7.2.22', accel: 'tcg', kernelDescription: 'linux-image-6.1.0-56-cloud-amd64', plugins: [] } as unknown as Provisioned;
  const { verdict, reason } = decideVerdict(record, plan.timeouts);
  return { scenario: plan.scenario, verdict, reason, summary, record, plan, provisioned, injections: undefined, points: [], ruleUse: [] };
}

function validates(xml: string): void {
  const file = join(mkdtempSync(join(tmpdir(), 'qfi-junit-')), 'junit.xml');
  writeFileSync(file, xml);
  execFileSync('xmllint', ['--noout', '--schema', junitSchema(), file], { stdio: 'pipe' });
}

describe('toJUnit on recorded consoles', () => {
  const cases: Array<[string, Partial<RunRecord>, Verdict]> = [
    ['pass', {}, 'pass'],
    ['fail', {}, 'fail'],
    ['panic-sysrq', {}, 'panic'],
    ['hang', { timedOut: 'test' }, 'hang'],
    ['control-chars', {}, 'fail'],
  ];
  for (const [fixture, over, verdict] of cases) {
    it(`${fixture}: ${verdict}, valid against the JUnit schema`, () => {
      const run = testRunFrom(fixture, over);
      expect(run.verdict).toBe(verdict);
      const xml = toJUnit(run);
      validates(xml);
      expect(xml).toContain(`<property name="qfi.verdict" value="${verdict}"/>`);
      expect(xml).toContain('<property name="qfi.rule" value="alloc.frame=fail-after:3"/>');
    });
  }

  it('strips control characters and ANSI colours from console text', () => {
    const xml = toJUnit(testRunFrom('control-chars'));
    expect(xml).toContain('bell nul escred ff vt');
    // eslint-disable-next-line no-control-regex -- the controls XML forbids are what it looks for
    expect(xml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
  });

  it('a boot failure fails the boot case and skips the command', () => {
    const run = testRunFrom('hang', { timedOut: 'boot', events: [] });
    const xml = toJUnit(run);
    // A guest that never came up is an error (red in EnricoMi's view), not a test failure.
    expect(xml).toMatch(/name="fixture-hang: boot"[^>]*>\s*<error message="no agent ready marker[^"]*" type="boot-timeout"/);
    expect(xml).toMatch(/name="fixture-hang: command"[^>]*>\s*<skipped message="the guest never came up, so the command never ran"\/>/);
    validates(xml);
  });

  it('summary.md carries the verdict table and a console excerpt for failures', () => {
    const md = toSummaryMarkdown(testRunFrom('panic-sysrq'));
    expect(md).toMatch(/^### qfi: fixture-panic-sysrq 💥 panic$/m);
    expect(md).toMatch(/\| 💥 panic \| kernel panic at console line \d+/);
    expect(md).toMatch(/```text\n[^`]*Kernel panic - not syncing/);
  });
});
