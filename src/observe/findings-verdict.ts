/**
 * After decideVerdict: what the console showed beyond the agent's markers can make a verdict
 * worse, never better (kunit's priority, crash > failure > pass):
 *
 * - a KASAN or UBSAN report is a kernel bug even when the guest carried on (KASAN prints it as
 *   `BUG: KASAN`): `panic` — unless a passing KUnit test provoked it (findings.ts);
 * - a soft or hard lockup, a hung task or an RCU stall is the kernel being stuck: `hang`;
 * - a KTAP/TAP stream that was cut off, lost its plan or bailed out is a crash: `panic` — unless
 *   the run timed out, which is why it was cut off (the verdict stays `hang` and says so);
 * - a KTAP/TAP `not ok` (not TODO, XFAIL or SKIP) is a failure: `fail`.
 *
 * Warnings, OOM kills, segfaults and fault-injection notices do not change the verdict: the test
 * command's exit code says whether the guest coped. They are in the summary.
 */
import { verdictSeverity, type Verdict } from '../core/verdict.js';
import type { RunRecord } from '../run/types.js';
import { consoleFindings } from './findings.js';
import { totalTests, type KtapReport, type KtapTest } from './ktap.js';
import { shorten } from './problems.js';
import type { VerdictResult } from './verdict.js';

/** An annotation shows the reason: keep it short whatever the console printed. */
export const maxReasonChars = 1000;

const kernelVerdicts: Array<{ kinds: readonly string[]; verdict: Verdict; what: string }> = [
  { kinds: ['kasan', 'ubsan'], verdict: 'panic', what: 'report' },
  { kinds: ['hard-lockup', 'soft-lockup', 'rcu-stall', 'hung-task'], verdict: 'hang', what: 'report' },
];

export function applyConsoleFindings(result: VerdictResult, record: Pick<RunRecord, 'events' | 'timedOut'>, ktap: KtapReport | undefined): VerdictResult {
  let out = result;
  const findings = consoleFindings(record.events, ktap);
  for (const rule of kernelVerdicts) {
    const found = findings.find((f) => rule.kinds.includes(f.kind));
    if (found) out = worsenVerdict(out, rule.verdict, `kernel ${found.kind} ${rule.what} at console line ${found.line}: ${shorten(found.text, 200)}`);
  }
  if (ktap) out = applyKtap(out, ktap, record.timedOut !== undefined);
  return { verdict: out.verdict, reason: shorten(out.reason, maxReasonChars) };
}

/**
 * KTAP makes a verdict worse: a stream that crashed (results that never came) or was cut off
 * before its tests closed is a panic — kunit_parser lets a suite without its result line pass,
 * a run does not — and a failed one a failure.
 */
function applyKtap(result: VerdictResult, ktap: KtapReport, timedOut: boolean): VerdictResult {
  const broken = ktap.streams.find((s) => s.status === 'crash' || s.truncated);
  if (broken || ktap.counts.crashed > 0) {
    const why = !broken
      ? `${ktap.counts.crashed} KTAP results never came`
      : broken.truncated?.startsWith('Bail out!')
        ? broken.truncated
        : broken.truncated
          ? `KTAP ${broken.truncated}`
          : `KTAP crashed: ${broken.errors[0]}`;
    // A timeout cut the stream: the hang is the cause, the truncation its consequence.
    return timedOut ? append(result, why) : worsenVerdict(result, 'panic', why);
  }
  // A suite without its result line: kunit_parser's status stays SUCCESS, a run's is no pass.
  const unfinished = ktap.streams.flatMap((s) => crashedParents(s.tests, []))[0];
  if (unfinished) return timedOut ? append(result, unfinished) : worsenVerdict(result, 'panic', unfinished);
  const failed = ktap.streams.find((s) => s.status === 'fail');
  if (ktap.counts.failed > 0) return worsenVerdict(result, 'fail', describeFailures(ktap));
  if (failed)
    return worsenVerdict(result, 'fail', `KTAP stream at ${failed.source} line ${failed.firstLine} failed: ${failed.errors.at(-1) ?? 'see junit.xml'}`);
  return result;
}

/** `KTAP suite storage: missing subtest result line! (…)` for each suite that never closed. */
function crashedParents(tests: readonly KtapTest[], path: readonly string[]): string[] {
  return tests.flatMap((t) => {
    const here = [...path, t.name];
    const own = t.parent && t.status === 'crash' && !t.synthetic ? [`KTAP suite ${here.join('.')}: ${t.errors[0] ?? 'no result line'}`] : [];
    return [...own, ...crashedParents(t.subtests, here)];
  });
}

/** `KTAP: 2 of 40 tests failed: list.list_sort_test, kasan.kmalloc_oob_right`. */
export function describeFailures(ktap: KtapReport): string {
  const names = failedTests(ktap).slice(0, 3);
  const more = ktap.counts.failed - names.length;
  const { failed } = ktap.counts;
  const tests = totalTests(ktap.counts);
  return `KTAP: ${failed} of ${tests} test${tests === 1 ? '' : 's'} failed: ${names.join(', ')}${more > 0 ? ` and ${more} more` : ''}`;
}

/** Dotted paths of the failed test cases, in order. */
export function failedTests(ktap: KtapReport): string[] {
  const out: string[] = [];
  const visit = (t: KtapTest, path: string[]) => {
    const here = [...path, t.name];
    if (t.subtests.length) t.subtests.forEach((s) => visit(s, here));
    else if (t.status === 'fail') out.push(here.join('.'));
  };
  for (const stream of ktap.streams) stream.tests.forEach((t) => visit(t, []));
  return out;
}

/** The worse of the two; an equally bad finding adds its reason. */
export function worsenVerdict(result: VerdictResult, verdict: Verdict, why: string): VerdictResult {
  if (verdictSeverity[verdict] > verdictSeverity[result.verdict] && result.verdict !== 'infra-error') return { verdict, reason: why };
  if (verdict === result.verdict) return append(result, why);
  return result;
}

function append(result: VerdictResult, why: string): VerdictResult {
  return result.reason.includes(why) ? result : { verdict: result.verdict, reason: `${result.reason}; ${why}` };
}
