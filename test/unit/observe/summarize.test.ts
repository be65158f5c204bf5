import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ConsoleEvent, RunRecord } from '../../../src/run/types.js';
import type { Plan } from '../../../src/plan/types.js';
import type { Provisioned } from '../../../src/provision/types.js';
import type { TestRun } from '../../../src/observe/types.js';
import { ConsoleParser } from '../../../src/run/console-parser.js';
import { maxLineChars } from '../../../src/observe/problems.js';
import { LogSummarizer } from '../../../src/observe/summarize.js';
import { maxSummaryBytes, toSummaryMarkdown } from '../../../src/report/summary-md.js';

const corpus = new URL('../../fixtures/corpus/', import.meta.url);
const recorded = (name: string) => {
  const meta = JSON.parse(readFileSync(new URL(`${name}.json`, corpus), 'utf8')) as { token: string };
  const text = readFileSync(new URL(`${name}.log`, corpus), 'utf8');
  return { token: meta.token, lines: text.split('\n').slice(0, -1) };
};

function summarize(token: string, lines: Iterable<string>) {
  const parser = new ConsoleParser(token);
  const summarizer = new LogSummarizer();
  const events: ConsoleEvent[] = [];
  let n = 0;
  for (const line of lines) {
    const event = parser.parseLine(line, ++n, 0);
    summarizer.addLine(line, event);
    if (event) events.push(event);
  }
  return { summary: summarizer.result(), events, lines: n };
}

/** A run around a summary, for the markdown page. */
function runWith(summary: TestRun['summary'], events: ConsoleEvent[], lines: number): TestRun {
  const record = {
    startedAt: '2026-11-21T00:00:00.000Z',
    wallMs: 1000,
    bootMs: 900,
    testMs: 100,
    commandExitCode: undefined,
    qemuExit: { code: 0, signal: undefined },
    timedOut: 'test',
    diagnostics: undefined,
    infraError: undefined,
    events,
    consoleLines: lines,
  } as unknown as RunRecord;
  const plan = {
    scenario: 'looping',
    canonicalRules: [],
    seed: 1,
    sources: { main: undefined, command: undefined, resultsFile: undefined, rules: {} },
    reproducer: 'qfi run --seed 1',
  } as unknown as Plan;
  const provisioned = { qemuVersion: '7.2.22', accel: 'tcg', kernelDescription: 'test', plugins: [] } as unknown as Provisioned;
  return {
    scenario: 'looping',
    verdict: 'hang',
    reason: 'test command still running after the test timeout',
    summary,
    record,
    plan,
    provisioned,
    injections: undefined,
    points: [],
    ruleUse: [],
  };
}

describe('LogSummarizer', () => {
  it('ranks blocks worst first and counts every kind (recorded OOM kill, then a recorded panic)', () => {
    const oom = recorded('oom-kill');
    const panic = recorded('panic-sysrq');
    // The panic's lines carry its own token's markers: only problem lines matter here.
    const { summary } = summarize(oom.token, [...oom.lines, ...panic.lines]);
    expect(summary.problems.map((p) => p.kind)).toEqual(['panic', 'oom-kill']);
    expect(summary.highlights[0]).toMatch(/Kernel panic - not syncing: sysrq triggered crash/);
    expect(summary.highlights.join('\n')).toMatch(/Out of memory: Killed process \d+ \(awk\)/);
  });

  it('stays bounded on a huge looping log: a recorded panic 5,000 times and a 2 MB line', () => {
    const panic = recorded('panic-sysrq');
    function* looping() {
      for (let i = 0; i < 5000; i++) yield* panic.lines;
      yield `[ 9999.000000] ${'x'.repeat(2 * 1024 * 1024)}`;
      for (let i = 0; i < 1000; i++) yield 'the same line again and again';
    }
    const { summary, events, lines } = summarize(panic.token, looping());
    expect(lines).toBeGreaterThan(150_000);
    const panics = summary.problems.find((p) => p.kind === 'panic')!;
    expect(panics.count).toBe(5000);
    // One block kept (the same report each time), counted, not repeated.
    expect(summary.highlights.filter((l) => /Kernel panic/.test(l))).toHaveLength(1);
    expect(summary.highlights.join('\n')).toMatch(/the same report appeared 4999 more times/);
    expect(summary.tail.slice(-2)).toEqual(['the same line again and again', '(previous line repeated 29 more times)']);
    for (const line of [...summary.highlights, ...summary.tail]) expect(line.length).toBeLessThanOrEqual(maxLineChars + 40);
    expect(JSON.stringify(summary).length).toBeLessThan(32 * 1024);

    const md = toSummaryMarkdown(runWith(summary, events.slice(0, 1000), lines));
    expect(Buffer.byteLength(md)).toBeLessThanOrEqual(maxSummaryBytes);
    expect(md).toMatch(/\*\*Top problem\*\*: panic/);
  });

  it('keeps the worst blocks when many different problems come (bounded count)', () => {
    const oom = recorded('oom-kill');
    const panic = recorded('panic-sysrq');
    const segv = recorded('segfault');
    function* many() {
      for (let i = 0; i < 200; i++)
        yield* segv.lines.map((l) => l.replace(/sh\[\d+\]/, `sh[${1000 + i}]`).replace(/at [0-9a-f]+ ip/, `at ${(0x7ff0000 + i * 4096).toString(16)} ip`));
      yield* oom.lines;
      yield* panic.lines;
    }
    const { summary } = summarize(segv.token, many());
    expect(summary.problems.map((p) => [p.kind, p.count])).toEqual([
      ['panic', 1],
      ['oom-kill', 1],
      ['segfault', 200],
    ]);
    // segfaults differ only in numbers: one block (a few segfault lines long), the rest counted.
    expect(summary.highlights.filter((l) => /segfault at/.test(l)).length).toBeLessThanOrEqual(3);
    expect(summary.highlights.join('\n')).toMatch(/the same report appeared \d+ more times/);
    expect(summary.highlights[0]).toMatch(/Kernel panic/);
  });
});
