/**
 * A campaign's reports: campaign.json (plan + every scenario's result + per-point rates, the
 * file `merge` and `history` read), one junit.xml with a suite per scenario, and summary.md.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CampaignKind } from '../config/types.js';
import { CAMPAIGN_SCHEMA_VERSION, type CampaignPlan, type ScenarioResult } from './model.js';
import { junitSuites, mergeJUnit, missingSuite } from './junit-merge.js';
import { JUNIT_FILE, PART_JUNIT_FILE } from '../report/write-reports.js';
import { boundMarkdown } from '../report/summary-md.js';
import type { PointStats } from './stats.js';
import { classTable } from './snapshot/class-table.js';
import type { SnapshotFacts } from './snapshot/run-snapshot.js';
import type { CampaignVerdict } from './verdict.js';
import { REPORT_FILES } from '../core/results-layout.js';
import { writeResultFile } from '../core/log-file.js';

export interface CampaignReport extends CampaignVerdict {
  schema: number;
  name: string;
  kind: CampaignKind;
  seed: number;
  /** Which part of the plan this report covers (`2/4`), or `all`, or `merged`. */
  part: string;
  results: ScenarioResult[];
  stats: PointStats[];
  notes: string[];
  probe: CampaignPlan['probe'];
  /** The previous campaign compared against, if any. */
  history: string | undefined;
  /** Snapshot campaigns: the boot, golden runs, regions and trial rate of the job that ran them (not kept by merge). */
  snapshot?: SnapshotFacts;
}

export interface CampaignFiles {
  json: string;
  junit: string;
  markdown: string;
}

/**
 * Reads each scenario's JUnit (relative to `dir`) and writes all reports there. A report of the
 * whole campaign (every scenario, or merged) writes junit.xml, the file to publish; one job's
 * share of a sharded campaign writes a part, so publishing every junit.xml after a merge counts
 * each scenario once.
 */
export function writeCampaignReports(report: CampaignReport, dir: string, opts: { part: boolean }): CampaignFiles {
  const files = {
    json: join(dir, REPORT_FILES.campaign),
    junit: join(dir, opts.part ? PART_JUNIT_FILE : JUNIT_FILE),
    markdown: join(dir, REPORT_FILES.summaryMarkdown),
  };
  writeResultFile(files.json, `${JSON.stringify(report, null, 2)}\n`);
  const suites = report.results.flatMap((r) => {
    const file = [PART_JUNIT_FILE, JUNIT_FILE].map((name) => join(dir, r.dir, name)).find((f) => existsSync(f));
    return file ? junitSuites(readFileSync(file, 'utf8')) : [missingSuite(r.id, `no JUnit file (${PART_JUNIT_FILE}) in ${r.dir}`)];
  });
  writeResultFile(files.junit, mergeJUnit(report.name, suites));
  writeResultFile(files.markdown, campaignMarkdown(report));
  return files;
}

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
/** The job summary holds 1 MiB: long campaigns list failures first and cut the rest. */
const MAX_ROWS = 200;
const MAX_CAMPAIGN_SUMMARY_BYTES = 512 * 1024;

export function campaignMarkdown(report: CampaignReport): string {
  const icon = report.verdict === 'pass' ? '✅' : '❌';
  const trials = report.results.filter((r) => r.recheckOf === undefined);
  const lines = [
    `## ${icon} qfi campaign ${report.name}: ${report.verdict}`,
    '',
    `${report.reason}.`,
    '',
    `Kind \`${report.kind}\`, ${trials.length} scenario(s) (${report.part}), seed ${report.seed}${report.history ? `, compared with ${report.history}` : ''}.`,
  ];
  if (report.probe) lines.push('', `Probe run (no faults): ${report.probe.verdict} — ${report.probe.reason}.`);
  if (report.notes.length) lines.push('', ...report.notes.map((n) => `- ${n}`));

  if (report.kind === 'snapshot') lines.push(...snapshotMarkdown(report));
  else if (report.stats.length && (report.kind === 'chaos' || trials.some((r) => r.trial !== undefined))) {
    lines.push(
      '',
      '### Failure rate per point (95% Wilson interval)',
      '',
      '| point | action | failed / trials | rate | 95% interval | flaky | trend |',
      '|---|---|---|---|---|---|---|',
    );
    for (const s of report.stats) {
      const trend = s.trend ? `${s.trend}${s.previous ? ` (was ${pct(s.previous.rate)} of ${s.previous.trials})` : ''}` : '';
      lines.push(
        `| \`${cell(s.point)}\` | \`${s.action}\` | ${s.failures} / ${s.trials} | ${pct(s.rate)} | ${pct(s.low)}–${pct(s.high)} | ${s.flaky ? '⚠️ flaky' : ''} | ${trend} |`,
      );
    }
  }

  const ordered = [...report.results.filter((r) => r.verdict !== 'pass'), ...report.results.filter((r) => r.verdict === 'pass')];
  lines.push('', '### Scenarios', '', '| scenario | rule | seed | verdict | reason | time |', '|---|---|---|---|---|---|');
  for (const r of ordered.slice(0, MAX_ROWS)) {
    const id = r.recheckOf ? `${r.id} (recheck of ${r.recheckOf})` : r.id;
    lines.push(`| ${cell(id)} | \`${cell(r.rules.join(' '))}\` | ${r.seed} | ${r.verdict} | ${cell(r.reason)} | ${(r.wallMs / 1000).toFixed(1)} s |`);
  }
  if (ordered.length > MAX_ROWS) lines.push('', `${ordered.length - MAX_ROWS} more scenario(s) in campaign.json.`);

  const failing = trials.filter((r) => r.verdict !== 'pass');
  if (failing.length) {
    lines.push('', '### Reproduce a failing scenario', '', '```sh');
    for (const r of failing.slice(0, 20)) lines.push(`# ${r.id}: ${r.verdict}`, r.reproducer);
    lines.push('```');
    if (failing.length > 20) lines.push('', `${failing.length - 20} more in campaign.json (field \`reproducer\`).`);
  }
  return boundMarkdown(`${lines.join('\n')}\n`, MAX_CAMPAIGN_SUMMARY_BYTES);
}

/** Snapshot campaigns: how the state was made, and the outcome classes per region. */
function snapshotMarkdown(report: CampaignReport): string[] {
  const lines: string[] = [];
  const facts = report.snapshot;
  if (facts) {
    lines.push(
      '',
      `Booted to \`${facts.at}\` in ${(facts.bootMs / 1000).toFixed(2)} s and saved the state in ${facts.saveMs} ms; the golden runs took ${facts.golden.instructions} instructions (${facts.golden.testMs} ms) and printed ${facts.golden.outputLines} line(s); trial timeout ${(facts.trialTimeoutMs / 1000).toFixed(1)} s; **${facts.trialsPerMinute.toFixed(0)} trials per minute**.`,
    );
  }
  const table = classTable(report.results);
  if (table.rows.length === 0) return lines;
  lines.push(
    '',
    '### Outcome classes per region (rate, 95% Wilson interval)',
    '',
    `| region | trials | ${table.classes.join(' | ')} | not classified |`,
    `|---|---|${table.classes.map(() => '---|').join('')}---|`,
  );
  for (const row of table.rows) {
    const cells = row.counts.map((c) => (c.count === 0 ? '0' : `${c.count} (${pct(c.rate)}, ${pct(c.low)}–${pct(c.high)})`));
    lines.push(`| \`${cell(row.region)}\` | ${row.trials} | ${cells.join(' | ')} | ${row.unclassified} |`);
  }
  return lines;
}

/** A campaign.json, checked enough that a wrong file gives a clear error instead of NaNs. */
export function readCampaignReport(file: string): CampaignReport {
  const data = JSON.parse(readFileSync(file, 'utf8')) as Partial<CampaignReport>;
  if (data.schema !== CAMPAIGN_SCHEMA_VERSION || !Array.isArray(data.results) || !Array.isArray(data.stats)) {
    throw new Error(`${file} is not a qfi campaign.json (schema ${CAMPAIGN_SCHEMA_VERSION})`);
  }
  return data as CampaignReport;
}
