/**
 * `qfi parse`'s text output, as `kunit.py parse` prints a run: one line per test, indented by
 * nesting, its status first; the parser's errors under the test they belong to; a summary line
 * per file with kunit_parser's counts.
 */
import { totalTests, type KtapCounts, type KtapReport, type KtapStatus, type KtapTest } from '../observe/ktap.js';
import { noKtapMessage } from './ktap-json.js';

const label: Record<KtapStatus, string> = { pass: '[PASSED]', fail: '[FAILED]', skip: '[SKIPPED]', crash: '[CRASHED]', 'no-tests': '[NO TESTS RUN]' };

export function countsLine(c: KtapCounts): string {
  const total = totalTests(c);
  const parts = [
    ['passed', c.passed],
    ['failed', c.failed],
    ['crashed', c.crashed],
    ['skipped', c.skipped],
    ['errors', c.errors],
  ]
    .filter(([, n]) => n)
    .map(([what, n]) => `${what}: ${n}`);
  return `Ran ${total} test${total === 1 ? '' : 's'}${parts.length ? `: ${parts.join(', ')}` : ''}`;
}

export function ktapTreeText(file: string, report: KtapReport | undefined): string[] {
  if (!report) return [`${file}: ${label['no-tests']} ${noKtapMessage}`];
  const out: string[] = [];
  const visit = (t: KtapTest, depth: number) => {
    const pad = '  '.repeat(depth);
    const what = t.directive ? ` # ${t.directive}${t.note ? ` ${t.note}` : ''}` : '';
    out.push(`${pad}${label[t.status]} ${t.name}${what}${t.subtests.length ? ` (${t.subtests.length} subtest${t.subtests.length === 1 ? '' : 's'})` : ''}`);
    for (const e of t.errors) out.push(`${pad}  [ERROR] ${e}`);
    for (const s of t.subtests) visit(s, depth + 1);
  };
  for (const stream of report.streams) {
    out.push(`${file} lines ${stream.firstLine}-${stream.lastLine}: ${stream.version}${stream.plan !== undefined ? `, plan 1..${stream.plan}` : ''}`);
    stream.tests.forEach((t) => visit(t, 1));
    const own = stream.errors.filter((e) => e.startsWith('top level: ') || e.startsWith('TAP: '));
    for (const e of own) out.push(`  [ERROR] ${e}`);
    if (stream.truncated) out.push(`  [ERROR] cut off: ${stream.truncated}`);
  }
  if (report.dropped) out.push(`  (${report.dropped} more results counted, not kept: over the parser's budget)`);
  out.push(`${file}: ${label[report.status]} ${countsLine(report.counts)}`);
  return out;
}
