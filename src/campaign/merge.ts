/**
 * `qfi merge DIR…`: the campaign.json of every job (found anywhere under the folders, e.g.
 * downloaded artifacts) combined into one campaign.json, junit.xml and summary.md. Scenarios a
 * plan listed but no job reported are errors in the JUnit file, so a lost shard cannot pass.
 */
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { ConfigError, UsageError } from '../core/errors.js';
import type { Host } from '../core/host.js';
import type { ScenarioResult } from './model.js';
import { PLAN_FILE, readPlanFile } from './plan-file.js';
import { readCampaignReport, writeCampaignReports, type CampaignReport } from './report.js';
import { finishReport, type CampaignOptions, type CampaignResult } from './run-campaign.js';
import { resolveInputs } from '../config/index.js';
import { REPORT_FILES } from '../core/results-layout.js';

/** campaign.json files under `dir`, not looking inside scenario folders. */
export function findCampaignFiles(dir: string): string[] {
  const found: string[] = [];
  const walk = (d: string, depth: number): void => {
    if (depth > 6) return;
    const entries = readdirSync(d, { withFileTypes: true });
    if (entries.some((e) => e.isFile() && e.name === REPORT_FILES.campaign)) {
      found.push(join(d, REPORT_FILES.campaign));
      return;
    }
    for (const e of entries) if (e.isDirectory() && e.name !== 'scenarios' && e.name !== 'probe') walk(join(d, e.name), depth + 1);
  };
  walk(dir, 0);
  return found.sort();
}

export async function mergeCampaigns(options: CampaignOptions, host: Host): Promise<CampaignResult> {
  const config = await resolveInputs(options, host.log, { needsCommand: false });
  const dirs = config.campaign.mergeFrom;
  if (dirs.length === 0)
    throw new UsageError('nothing to merge', { hint: "give the folders holding the campaign jobs' results: `qfi merge DIR…` (action: `merge-from`)" });
  const out = config.report.dir;
  mkdirSync(out, { recursive: true });

  const files = dirs.flatMap((d) => {
    if (!existsSync(d) || !statSync(d).isDirectory())
      throw new ConfigError(`${d} is not a folder`, {
        location: { input: 'merge-from' },
        hint: 'give folders that hold campaign results (campaign.json), such as downloaded artifacts',
      });
    return findCampaignFiles(d).filter((f) => dirname(f) !== out);
  });
  if (files.length === 0)
    throw new ConfigError(`no campaign.json under ${dirs.join(', ')}`, {
      location: { input: 'merge-from' },
      hint: 'each campaign job writes campaign.json into its results folder; download all of their artifacts first',
    });

  const reports = files.map((f) => ({ file: f, report: readCampaignReport(f) }));
  const first = reports[0]!.report;
  for (const { file, report } of reports) {
    if (report.name !== first.name || report.kind !== first.kind || report.seed !== first.seed) {
      host.log.warn(
        `${file} is from campaign ${report.name} (${report.kind}, seed ${report.seed}), not ${first.name} (${first.kind}, seed ${first.seed}); merged anyway`,
      );
    }
  }

  const results: ScenarioResult[] = [];
  const seen = new Set<string>();
  for (const { file, report } of reports) {
    for (const r of report.results) {
      if (seen.has(r.id)) {
        host.log.warn(`scenario ${r.id} is in more than one result (${file} too); the first is kept`);
        continue;
      }
      seen.add(r.id);
      results.push({ ...r, dir: relative(out, join(dirname(file), r.dir)) });
    }
  }
  // Scenarios some plan.json listed that no job reported.
  for (const plan of files
    .map((f) => join(dirname(f), PLAN_FILE))
    .filter(existsSync)
    .map((p) => readPlanFile(p, 'merge-from'))) {
    for (const s of plan.scenarios) {
      if (seen.has(s.id)) continue;
      seen.add(s.id);
      results.push({
        ...s,
        verdict: 'infra-error',
        reason: 'no results: the job that runs this scenario did not report',
        wallMs: 0,
        dir: join('missing', s.id),
        reproducer: '',
        injections: undefined,
      });
    }
  }
  host.log.info(`merged ${results.length} scenario result(s) from ${files.length} campaign job(s)`);

  const notes = [...new Set(reports.flatMap((r) => r.report.notes))];
  const report: CampaignReport = finishReport(
    config,
    { name: first.name, kind: first.kind, seed: first.seed, notes, probe: first.probe },
    `merged from ${files.length} job(s)`,
    results,
    host,
  );
  return { config, report, files: writeCampaignReports(report, out, { part: false }) };
}
