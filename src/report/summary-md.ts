import type { TestRun, Verdict } from '../core/types.js';
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

/** Longest excerpt we put in a job summary; GitHub allows 1 MiB per step. */
const maxExcerptChars = 16_000;

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
  if (run.injections) {
    const { total, failed, unattributed } = run.injections;
    out.push(
      '',
      `**Injections**: ${total}${failed ? `, ${failed} failed` : ''}${unattributed ? `, ${unattributed} block error(s) no rule explains` : ''}`,
      '',
      '| rule | layer | fires | first |',
      '|---|---|---|---|',
    );
    for (const r of run.injections.perRule) {
      const first = r.firstIcount !== undefined ? `instruction ${r.firstIcount}` : r.firstAtMs !== undefined ? `${(r.firstAtMs / 1000).toFixed(3)} s` : '–';
      out.push(`| \`${cell(r.rule)}\` | ${r.layer} | ${r.fires === 0 ? '⚠️ never fired' : r.fires} | ${first} |`);
    }
  }
  const excerpt = [...run.summary.highlights, ...(run.summary.highlights.length ? ['…'] : []), ...run.summary.tail].join('\n');
  if (run.verdict !== 'pass' && excerpt) {
    const text = toReportText(excerpt);
    out.push('', '<details open><summary>Console excerpt</summary>', '', '```text', text.length > maxExcerptChars ? `${text.slice(0, maxExcerptChars)}\n… (cut)` : text.replaceAll('```', '`​``'), '```', '', '</details>');
  }
  return `${out.join('\n')}\n`;
}
