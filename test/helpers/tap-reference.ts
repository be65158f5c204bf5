/**
 * qfi's reading of a TAP text against tap-parser 18's (the reference parser of the TAP 14
 * ecosystem, via scripts/reference/tap-ref.mjs): the same verdict and the same tree of test
 * points, names and statuses. Where qfi knowingly reads differently (docs/reference/tap14.md),
 * the comparison leaves it out: qfi's placeholders for results that never came, tests cut off
 * by a bail-out (tap-parser drops them), and names tap-parser leaves empty.
 */
import { readTap, type TapRefTest } from '../../scripts/reference/tap-ref.mjs';
import { parseKtap, type KtapReport, type KtapStatus, type KtapTest } from '../../src/observe/ktap.js';

/** The status qfi gives a test point tap-parser read. */
function expectedStatus(t: TapRefTest): KtapStatus {
  if (t.skip) return 'skip';
  if (t.todo) return t.ok ? 'pass' : 'skip';
  return t.ok ? 'pass' : 'fail';
}

function compareTrees(refs: readonly TapRefTest[], all: readonly KtapTest[], path: string, bailedOut: boolean, out: string[]): void {
  const mine = all.filter((t) => !t.synthetic && !(bailedOut && t.status === 'crash'));
  if (refs.length !== mine.length)
    out.push(
      `${path || 'top'}: tap-parser has ${refs.length} tests [${refs.map((r) => r.name).join(' | ')}], qfi ${mine.length} [${mine.map((m) => m.name).join(' | ')}]`,
    );
  refs.forEach((r, i) => {
    const m = mine[i];
    if (!m) return;
    const at = `${path}/${r.name || m.name}`;
    if (r.name !== m.name && r.name !== '') out.push(`${at}: named ${JSON.stringify(r.name)} by tap-parser, ${JSON.stringify(m.name)} by qfi`);
    if (expectedStatus(r) !== m.status) out.push(`${at}: ${expectedStatus(r)} for tap-parser, ${m.status} for qfi`);
    if (r.subtest) compareTrees(r.subtest.tests, m.subtests, at, bailedOut, out);
    else if (m.subtests.length) out.push(`${at}: qfi reads subtests tap-parser does not`);
  });
}

export interface TapComparison {
  report: KtapReport | undefined;
  /** Each way the two readings differ; empty when they agree. */
  differences: string[];
}

export async function compareWithTapParser(text: string, source = 'tap'): Promise<TapComparison> {
  const ref = await readTap(text);
  const report = parseKtap(text, source);
  const differences: string[] = [];
  const passed = report?.status === 'pass' || report?.status === 'skip';
  if (ref.ok !== passed)
    differences.push(`tap-parser says ok=${ref.ok}, qfi says ${report?.status ?? 'no TAP'} (${report?.streams.flatMap((s) => s.errors).join('; ') ?? ''})`);
  compareTrees(ref.tests, report?.streams.flatMap((s) => s.tests) ?? [], '', ref.bailout !== false, differences);
  return { report, differences };
}
