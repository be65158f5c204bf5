/** plan.json: what `qfi plan` wrote, read back by matrix jobs (`plan-file`) and by `merge`. */
import { decodeUtf8Input, readInputFile } from '../core/input-file.js';
import { join } from 'node:path';
import { ConfigError } from '../core/errors.js';
import { CAMPAIGN_SCHEMA_VERSION, type CampaignPlan } from './model.js';
import { REPORT_FILES } from '../core/results-layout.js';
import { writeResultFile } from '../core/log-file.js';

export const PLAN_FILE = REPORT_FILES.plan;

export function writePlanFile(dir: string, plan: CampaignPlan): string {
  const file = join(dir, PLAN_FILE);
  writeResultFile(file, `${JSON.stringify(plan, null, 2)}\n`);
  return file;
}

/** A plan.json, checked; `input` names where the path came from for the error. */
export function readPlanFile(file: string, input = 'plan-file'): CampaignPlan {
  const hint = 'give the plan.json that `qfi plan` (action mode: plan) wrote, with the same qfi version';
  // Large campaigns write long plans; 64 MiB is far beyond any, and still bounded.
  const request = { path: file, displayPath: file, what: 'plan file', maxBytes: 64 * 1024 * 1024, location: { input } };
  const text = decodeUtf8Input(readInputFile(request), request);
  let plan: CampaignPlan;
  try {
    plan = JSON.parse(text) as CampaignPlan;
  } catch (err) {
    throw new ConfigError(`plan file ${file} is not JSON: ${(err as Error).message}`, { location: { input }, hint });
  }
  if (plan.schema !== CAMPAIGN_SCHEMA_VERSION || !Array.isArray(plan.scenarios)) {
    throw new ConfigError(`plan file ${file} is not a qfi plan (schema ${CAMPAIGN_SCHEMA_VERSION})`, { location: { input }, hint });
  }
  return plan;
}
