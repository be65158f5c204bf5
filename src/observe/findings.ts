/**
 * What the console shows went wrong, net of what a test expected: the problem events, minus
 * sanitizer reports a passing KTAP test provoked on purpose, plus the KTAP streams' own errors
 * and failures. The verdict step and the reports both read it, so they name the same problem.
 *
 * Why a passing test's KASAN/UBSAN reports are expected: KUnit fails the running test itself on
 * a report it did not expect (KASAN's fail_non_kasan_kunit_test, UBSAN's kunit_fail_current_test),
 * so a report inside a test that still passed is one the test asked for (KASAN's own self-test).
 */
import type { ConsoleEvent } from '../core/types.js';
import { stripPrintkPrefix } from './console-parser.js';
import type { KtapReport, KtapTest } from './ktap.js';
import { bySeverity, isProblemEvent, shorten, type ProblemKind } from './problems.js';

export interface Finding {
  kind: ProblemKind;
  /** Console line (for a KTAP error: where the stream stopped). */
  line: number;
  text: string;
}

const sanitizerKinds: ReadonlySet<string> = new Set(['kasan', 'ubsan']);

/** Every problem worth reporting, worst first. */
export function consoleFindings(events: readonly ConsoleEvent[], ktap: KtapReport | undefined): Finding[] {
  const expected = ktap ? passingSpans(ktap) : [];
  const out: Finding[] = [];
  for (const e of events) {
    if (!isProblemEvent(e.kind)) continue;
    if (sanitizerKinds.has(e.kind) && expected.some(([first, last]) => e.line >= first && e.line <= last)) continue;
    out.push({ kind: e.kind, line: e.line, text: shorten(stripPrintkPrefix(e.text).trim(), 300) });
  }
  for (const stream of ktap?.streams ?? []) {
    for (const error of stream.errors) out.push({ kind: 'ktap-error', line: stream.lastLine, text: shorten(error, 300) });
  }
  return out.sort((a, b) => bySeverity({ kind: a.kind, firstLine: a.line }, { kind: b.kind, firstLine: b.line }));
}

/** The run's worst problem, if any. */
export function topFinding(events: readonly ConsoleEvent[], ktap: KtapReport | undefined): Finding | undefined {
  return consoleFindings(events, ktap)[0];
}

/** [first, last] console lines of each test case that passed (or was skipped) with its result line. */
function passingSpans(ktap: KtapReport): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  const visit = (t: KtapTest) => {
    if (t.subtests.length) return t.subtests.forEach(visit);
    if (!t.synthetic && (t.outcome === 'pass' || t.outcome === 'skip' || t.outcome === 'todo')) spans.push([t.firstLine, t.line]);
  };
  for (const stream of ktap.streams) stream.tests.forEach(visit);
  return spans;
}
