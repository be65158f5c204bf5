/**
 * The text a report shows about a run: the facts that reproduce it (seed, rules, what fired,
 * the one-line reproducer) and, for a failure, the ranked console excerpt once followed by the
 * last lines it does not already hold. qfi's own protocol lines (`QFI:<token>:…`, QFI-POINT,
 * QFI-MARKER, QFI-REGION) are the runner's business, never the reader's.
 */
import type { TestRun } from '../observe/types.js';
import { isProtocolLine } from '../protocol/guest-protocol.js';
import { excerptBlocks } from '../observe/findings.js';
import { flattenBlocks } from '../observe/summarize.js';
import { toReportText } from './xml-text.js';

/** What each rule did: `rule ×fires`, with the guest's call count where the guest reported one. */
export function firedText(run: TestRun): string[] {
  return run.ruleUse.map((u) => {
    const calls = u.calls === undefined ? '' : `, ${u.calls} call${u.calls === 1 ? '' : 's'}`;
    const never = u.consulted ? '' : u.layer === 'guest' ? ' (never consulted)' : ' (never fired)';
    return `${u.rule} fired ${u.fired}×${calls}${never}`;
  });
}

/** Seed, rules, what fired and how to run it again: the lines every failing case carries. */
export function runFacts(run: TestRun): string {
  const rules = run.plan.canonicalRules;
  const fired = firedText(run);
  return [
    `seed: ${run.plan.seed}`,
    `rules: ${rules.length ? rules.join(' ') : '(none)'}`,
    ...(fired.length ? [`fired: ${fired.join('; ')}`] : []),
    `reproduce: ${run.plan.reproducer}`,
    'or, on another machine: qfi reproduce <the results folder or its artifact zip> (reproducer.sh in it does this)',
  ].join('\n');
}

export interface ExcerptParts {
  /** The worst problem blocks, worst first, folded. */
  ranked: string[];
  /** The last console lines, without those the ranked excerpt already shows. */
  tail: string[];
}

/** The console excerpt of a report, each line once, without protocol lines. */
export function excerptParts(run: TestRun): ExcerptParts {
  const ranked = flattenBlocks(excerptBlocks(run.summary, run.ktap)).filter((l) => !isProtocolLine(l));
  const shown = new Set(ranked);
  const tail = run.summary.tail.filter((l) => !isProtocolLine(l) && !shown.has(l));
  return { ranked, tail };
}

/** A failing testcase's message (reason, facts, ranked excerpt) and text (the lines after, registers). */
export function failureReport(run: TestRun): { message: string; text: string } {
  const { ranked, tail } = excerptParts(run);
  const message = [toReportText(run.reason), '', runFacts(run), ...(ranked.length ? ['', '--- worst problems on the console ---', ...ranked] : [])].join('\n');
  const text = [
    ...(tail.length ? ['--- last console lines ---', ...tail] : ['(no console lines beyond the excerpt)']),
    ...(run.record.diagnostics?.registers ? ['', '--- registers at timeout ---', run.record.diagnostics.registers.trim()] : []),
  ].join('\n');
  return { message: toReportText(message), text: toReportText(text) };
}
