/**
 * What the console shows went wrong, net of what a test expected: the problem events, minus
 * sanitizer reports a passing KTAP test provoked on purpose, plus the KTAP streams' own errors
 * and failures. The verdict step and the reports both read it, so they name the same problem.
 *
 * Why a passing test's KASAN/UBSAN reports are expected: KUnit fails the running test itself on
 * a report it did not expect (KASAN's fail_non_kasan_kunit_test, UBSAN's kunit_fail_current_test),
 * so a report inside a test that still passed is one the test asked for (KASAN's own self-test).
 */
import type { ConsoleEvent } from '../run/types.js';
import type { LogSummary } from './types.js';
import { stripPrintkPrefix } from '../run/console-parser.js';
import type { KtapReport, KtapTest } from './ktap.js';
import { bySeverity, isProblemEvent, shorten, type ProblemBlock, type ProblemKind } from './problems.js';

export interface Finding {
  kind: ProblemKind;
  /** Console line (for a KTAP error: where the stream stopped, in its `source`). */
  line: number;
  /** Where `line` is, for people: `console line 12`, `results file /tmp/r.tap line 40`. */
  where: string;
  text: string;
}

const sanitizerKinds: ReadonlySet<string> = new Set(['kasan', 'ubsan']);

/** Every problem worth reporting, worst first. */
export function consoleFindings(events: readonly ConsoleEvent[], ktap: KtapReport | undefined): Finding[] {
  const expected = expectedBy(ktap);
  const endMarkers = kunitEndPanics(ktap);
  const out: Finding[] = [];
  for (const e of events) {
    if (!isProblemEvent(e.kind)) continue;
    if (sanitizerKinds.has(e.kind) && expected(e.line)) continue;
    if (e.kind === 'panic' && endMarkers(e)) continue;
    out.push({ kind: e.kind, line: e.line, where: `console line ${e.line}`, text: shorten(stripPrintkPrefix(e.text).trim(), 300) });
  }
  for (const stream of ktap?.streams ?? []) {
    for (const error of stream.errors)
      out.push({ kind: 'ktap-error', line: stream.lastLine, where: `${stream.source} line ${stream.lastLine}`, text: shorten(error, 300) });
  }
  return out.sort((a, b) => bySeverity({ kind: a.kind, firstLine: a.line }, { kind: b.kind, firstLine: b.line }));
}

/** The run's worst problem, if any. */
export function topFinding(events: readonly ConsoleEvent[], ktap: KtapReport | undefined): Finding | undefined {
  return consoleFindings(events, ktap)[0];
}

/**
 * The excerpt a failure report shows: the summary's worst blocks without the reports passing tests
 * expected, and the failed or cut-off KTAP tests with their diagnostics, worst first.
 */
export function excerptBlocks(summary: LogSummary, ktap: KtapReport | undefined, maxKtapBlocks = 3): ProblemBlock[] {
  const expected = expectedBy(ktap);
  const blocks = summary.blocks.filter((b) => !(sanitizerKinds.has(b.kind) && expected(b.firstLine)));
  if (ktap) {
    const bad: ProblemBlock[] = [];
    const visit = (t: KtapTest, path: string[], source: string) => {
      const here = [...path, t.name];
      if (t.subtests.length) return t.subtests.forEach((c) => visit(c, here, source));
      if (bad.length >= maxKtapBlocks || (t.status !== 'fail' && t.status !== 'crash')) return;
      const what = t.status === 'crash' ? 'no result' : `not ok${t.directive ? ` # ${t.directive}` : ''}`;
      bad.push({
        kind: t.status === 'crash' ? 'ktap-error' : 'ktap-failure',
        firstLine: t.firstLine,
        lines: [`KTAP ${here.join('.')}: ${what} (${source} line ${t.line})`, ...t.errors, ...t.diagnostics.slice(0, 20)].map((l) => shorten(l)),
        repeats: 0,
      });
    };
    for (const stream of ktap.streams) stream.tests.forEach((t) => visit(t, [], stream.source));
    blocks.push(...bad);
  }
  return blocks.sort(bySeverity);
}

/** How many sanitizer reports of each kind passing KTAP tests provoked (left out of the findings). */
export function expectedReportCounts(events: readonly ConsoleEvent[], ktap: KtapReport | undefined): Map<string, number> {
  const counts = new Map<string, number>();
  if (!ktap) return counts;
  const expected = expectedBy(ktap);
  for (const e of events) if (sanitizerKinds.has(e.kind) && expected(e.line)) counts.set(e.kind, (counts.get(e.kind) ?? 0) + 1);
  return counts;
}

/**
 * Whether a panic is kunit's end marker `Kernel panic - not syncing: VFS: …` after a stream that
 * kunit's end markers closed with every result in: how a UML or a rootless KUnit kernel stops once
 * its tests are done (kunit.py reads it so), no crash.
 */
function kunitEndPanics(ktap: KtapReport | undefined): (e: ConsoleEvent) => boolean {
  const streams = (ktap?.streams ?? []).filter((s) => s.source === 'console');
  return (e) => {
    if (!/Kernel panic - not syncing: VFS:/.test(e.text)) return false;
    const before = streams.filter((s) => s.firstLine < e.line).at(-1);
    return before !== undefined && before.endMarker !== undefined && before.endMarker.line <= e.line && !before.truncated && before.status !== 'crash';
  };
}

/** Whether a console line lies inside a KTAP test case that passed (a report it provoked on purpose). */
function expectedBy(ktap: KtapReport | undefined): (line: number) => boolean {
  const spans = ktap ? passingSpans(ktap) : [];
  return (line) => spans.some(([first, last]) => line >= first && line <= last);
}

/**
 * [first, last] console lines of each test case that passed (or was skipped) with its result
 * line. Only the console's streams: a results file's line numbers are not console lines.
 */
function passingSpans(ktap: KtapReport): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  const visit = (t: KtapTest) => {
    if (t.subtests.length) return t.subtests.forEach(visit);
    if (!t.synthetic && (t.status === 'pass' || t.status === 'skip')) spans.push([t.firstLine, t.line]);
  };
  for (const stream of ktap.streams) if (stream.source === 'console') stream.tests.forEach(visit);
  return spans;
}
