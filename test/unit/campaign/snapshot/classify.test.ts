import { describe, expect, it } from 'vitest';
import type { ConsoleEvent } from '../../../../src/run/types.js';
import { classifyTrial, testOutput } from '../../../../src/campaign/snapshot/classify.js';
import { loadConsoleFixture } from '../../../helpers/console-fixture.js';
import { readFileSync } from 'node:fs';

const fixture = (name: string) => readFileSync(new URL(`../../../fixtures/console/${name}.log`, import.meta.url), 'utf8');

describe('testOutput', () => {
  it("keeps only the test's own lines of a recorded console (no markers, QFI lines, kernel messages)", () => {
    expect(testOutput(fixture('pass'))).toBe(
      loadConsoleFixture('pass')
        .lines.filter((l) => /^(hello|alloc\.frame=)/.test(l))
        .join('\n'),
    );
    expect(testOutput(fixture('points'))).toBe('read 2 failed');
  });

  it('ignores line ends and blank lines', () => {
    expect(testOutput('a\r\n\r\nb\n')).toBe(testOutput('a\nb'));
  });
});

const run = (verdict: 'pass' | 'fail' | 'panic' | 'hang' | 'infra-error', output = 'ok', events: ConsoleEvent[] = []) => ({
  verdict,
  reason: `the ${verdict} reason`,
  events,
  output,
});

describe('classifyTrial', () => {
  it('benign: passed with the golden output', () => {
    expect(classifyTrial(run('pass'), 'ok')).toMatchObject({ class: 'benign', verdict: 'pass' });
  });
  it('sdc: passed with another output, the first differing line named', () => {
    const c = classifyTrial(run('pass', 'ok\n1235'), 'ok\n1234');
    expect(c).toMatchObject({ class: 'sdc', verdict: 'fail' });
    expect(c!.reason).toContain('line 2: expected "1234", got "1235"');
  });
  it('detected: the test failed, or the kernel warned while it passed', () => {
    expect(classifyTrial(run('fail'), 'ok')).toMatchObject({ class: 'detected', verdict: 'fail' });
    const warning: ConsoleEvent = { kind: 'warning', line: 9, atMs: 0, text: 'WARNING: CPU: 0 PID: 1 at mm/slub.c:1 x' };
    expect(classifyTrial(run('pass', 'ok', [warning]), 'ok')).toMatchObject({ class: 'detected', verdict: 'fail' });
  });
  it('crash and hang follow the run verdict; an infrastructure error is not classified', () => {
    expect(classifyTrial(run('panic'), 'ok')).toMatchObject({ class: 'crash', verdict: 'panic' });
    expect(classifyTrial(run('hang'), 'ok')).toMatchObject({ class: 'hang', verdict: 'hang' });
    expect(classifyTrial(run('infra-error'), 'ok')).toBeUndefined();
  });
});
