import type { TestRun } from '../observe/types.js';
import type { Verdict } from '../core/verdict.js';
import { expectedReportCounts, topFinding } from '../observe/findings.js';
import { excerptParts } from './run-facts.js';
import { ruleUseProblem } from '../observe/rule-use.js';
import { ktapCases, totalTests, type KtapReport, type KtapTest } from '../observe/ktap.js';
import { toReportText } from './xml-text.js';

const verdictIcon: Record<Verdict, string> = {
  pass: '✅',
  fail: '❌',
  panic: '💥',
  hang: '⏳',
  'boot-timeout': '⏳',
  'infra-error': '⚠️',
};

const cell = (text: string) => text.replaceAll('|', '\\|').replaceAll('\n', ' ');
const secs = (ms: number | undefined) => (ms === undefined ? '–' : `${(ms / 1000).toFixed(2)} s`);

/** Longest excerpt we put in a job summary. */
const maxExcerptChars = 16_000;
/**
 * The whole page's budget. GitHub refuses a step summary over 1 MiB (and the job then loses it
 * whole); a campaign adds many scenarios' pages, so one page stays far below.
 */
export const maxSummaryBytes = 64 * 1024;
/** Rows of the problem and KTAP tables. */
const maxRows = 10;
/** Rows of the rules and points tables. */
const maxRuleRows = 50;

/** A job-summary-ready page: verdict table, rules, and the log excerpt. */
export function toSummaryMarkdown(run: TestRun): string {
  const { record, plan, provisioned } = run;
  const out = [
    `### qfi: ${cell(run.scenario)} ${verdictIcon[run.verdict]} ${run.verdict}`,
    '',
    '| verdict | reason | exit code | boot | test | wall | QEMU | accel |',
    '|---|---|---|---|---|---|---|---|',
    `| ${verdictIcon[run.verdict]} ${run.verdict} | ${cell(toReportText(run.reason))} | ${record.commandExitCode ?? '–'} | ${secs(record.bootMs)} | ${secs(record.testMs)} | ${secs(record.wallMs)} | ${provisioned.qemuVersion} | ${provisioned.accel} |`,
    '',
    `**Rules** (seed ${plan.seed}): ${plan.canonicalRules.length ? plan.canonicalRules.map((r) => `\`${r}\``).join(', ') : 'none delivered'}`,
    '',
    `**Kernel**: ${cell(provisioned.kernelDescription)}`,
  ];
  out.push(...rulesSection(run));
  out.push(...pointsSection(run));
  const top = topFinding(run.record.events, run.ktap);
  if (top) out.push('', `**Top problem**: ${top.kind} at ${top.where}: \`${cell(clip(toReportText(top.text), 300)).replaceAll('`', "'")}\``);
  if (run.summary.problems.length) {
    out.push('', '**Console problems** (worst first)', '', '| problem | count | first line | text |', '|---|---|---|---|');
    const expected = expectedReportCounts(run.record.events, run.ktap);
    for (const p of run.summary.problems.slice(0, maxRows)) {
      const provoked = expected.get(p.kind);
      const count = provoked ? `${p.count} (${provoked === p.count ? 'all' : provoked} provoked by passing KTAP tests)` : String(p.count);
      out.push(`| ${p.kind} | ${count} | ${p.firstLine} | ${cell(clip(toReportText(p.text), 200))} |`);
    }
  }
  if (run.ktap) out.push('', ...ktapSection(run.ktap));
  const { ranked, tail } = excerptParts(run);
  const excerpt = [...ranked, ...(ranked.length && tail.length ? ['…'] : []), ...tail].join('\n');
  if (run.verdict !== 'pass' && excerpt) {
    const text = toReportText(excerpt).replaceAll('```', '`​``');
    out.push(
      '',
      '<details open><summary>Console excerpt</summary>',
      '',
      '```text',
      text.length > maxExcerptChars
        ? `${text.slice(0, maxExcerptChars)}\n… (cut at ${maxExcerptChars} characters: console.log in the results has it all)`
        : text,
      '```',
      '',
      '</details>',
    );
  }
  return boundMarkdown(`${out.join('\n')}\n`, maxSummaryBytes);
}

/** Every rule with what it did; a rule nothing consulted is a warning (require-fired makes it fail the run). */
function rulesSection(run: TestRun): string[] {
  if (run.ruleUse.length === 0) return [];
  const out = ['', '**Rules and what fired**', '', '| rule | layer | calls | fired | first |', '|---|---|---|---|---|'];
  const firstOf = (rule: string) => {
    const r = run.injections?.perRule.find((p) => p.rule === rule);
    return r?.firstIcount !== undefined ? `instruction ${r.firstIcount}` : r?.firstAtMs !== undefined ? `${(r.firstAtMs / 1000).toFixed(3)} s` : '–';
  };
  for (const u of run.ruleUse.slice(0, maxRuleRows)) {
    const fired = u.consulted ? String(u.fired) : `⚠️ ${u.layer === 'guest' ? 'never consulted' : 'never fired'}`;
    out.push(`| \`${cell(u.rule)}\` | ${u.layer} | ${u.calls ?? '–'} | ${fired} | ${firstOf(u.rule)} |`);
  }
  if (run.ruleUse.length > maxRuleRows) out.push('', `… and ${run.ruleUse.length - maxRuleRows} more rules (summary.json has them all).`);
  const unused = run.ruleUse.filter((u) => !u.consulted);
  const problems = run.ruleUse.map(ruleUseProblem).filter((p): p is string => p !== undefined);
  if (run.plan.requireFired && problems.length) {
    out.push('', `> [!CAUTION]\n> require-fired: ${problems.map(cell).join('; ')}. Every rule must fire for the run to pass.`);
  } else if (unused.length) {
    const names = unused.map((u) => `\`${cell(u.rule)}\``).join(', ');
    out.push(
      '',
      `> [!WARNING]\n> ${names}: nothing consulted ${unused.length === 1 ? 'this rule' : 'these rules'}, so the run tested nothing with ${unused.length === 1 ? 'it' : 'them'}. Check that the guest consults the point (qfi-fault, the SDK) or that the kernel has the fault-injection feature it needs; \`require-fired\` makes this a failure.`,
    );
  }
  if (run.injections?.unattributed) out.push('', `${run.injections.unattributed} block error(s) no rule explains (real I/O errors of the host?).`);
  return out;
}

/** The guest's fault points with how often it called and failed each (what QFI-POINT lines reported). */
function pointsSection(run: TestRun): string[] {
  if (run.points.length === 0) return [];
  const out = ['', '**Guest points**', '', '| point | calls | failed |', '|---|---|---|'];
  for (const p of run.points.slice(0, maxRuleRows)) out.push(`| \`${cell(p.name)}\` | ${p.calls ?? 'registered'} | ${p.fails ?? '–'} |`);
  if (run.points.length > maxRuleRows) out.push('', `… and ${run.points.length - maxRuleRows} more points (summary.json has them all).`);
  return out;
}

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max)}…` : text);

/** KTAP counts, then the tests that failed or never reported, with their first diagnostic. */
function ktapSection(ktap: KtapReport): string[] {
  const c = ktap.counts;
  const total = totalTests(c);
  const out = [
    `**KTAP**: ${ktap.streams.length} stream${ktap.streams.length === 1 ? '' : 's'} (${ktap.status}), ${total} test${total === 1 ? '' : 's'}: ${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped${c.crashed ? `, ${c.crashed} crashed (no result)` : ''}${c.errors ? `, ${c.errors} parser error${c.errors === 1 ? '' : 's'}` : ''}`,
  ];
  const errors = ktap.streams.flatMap((s) => s.errors);
  for (const e of errors.slice(0, 3)) out.push(`- ⚠️ ${cell(clip(toReportText(e), 300))}`);
  const bad = badTests(ktap);
  if (bad.length) {
    out.push('', '| test | result | first diagnostic |', '|---|---|---|');
    for (const { path, test } of bad.slice(0, maxRows)) {
      const first = test.errors[0] ?? test.diagnostics.find((d) => d.trim() !== '') ?? '';
      out.push(`| \`${cell(clip(path, 120))}\` | ${test.status === 'crash' ? 'no result' : 'not ok'} | ${cell(clip(toReportText(first), 200))} |`);
    }
    if (bad.length > maxRows) out.push('', `… and ${bad.length - maxRows} more (see junit.xml).`);
  }
  return out;
}

function badTests(ktap: KtapReport): Array<{ path: string; test: KtapTest }> {
  return ktap.streams
    .flatMap((s) => ktapCases(s.tests))
    .filter(({ test }) => test.status === 'fail' || test.status === 'crash')
    .map(({ path, test }) => ({ path: path.join('.'), test }));
}

/**
 * `markdown` cut to `maxBytes` (UTF-8) at a line boundary, closing an open code fence and
 * <details>, with a note, so an oversized page still renders.
 */
export function boundMarkdown(markdown: string, maxBytes: number): string {
  if (Buffer.byteLength(markdown) <= maxBytes) return markdown;
  const note = '\n… (summary cut to stay within the job summary size limit; the full log is console.log in the results)\n';
  const closing = '\n```\n\n</details>\n';
  let cut = markdown.slice(0, maxBytes - note.length - closing.length);
  while (Buffer.byteLength(cut) > maxBytes - note.length - closing.length) cut = cut.slice(0, -1024);
  cut = cut.slice(0, Math.max(0, cut.lastIndexOf('\n')));
  const fences = (cut.match(/^```/gm) ?? []).length;
  const inDetails = cut.lastIndexOf('<details') > cut.lastIndexOf('</details>');
  return `${cut}${fences % 2 === 1 ? '\n```' : ''}${inDetails ? '\n\n</details>' : ''}${note}`;
}
