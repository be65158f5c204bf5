/** plan.json: what `qfi plan` wrote, read back by matrix jobs (`plan-file`) and by `merge`. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError } from '../core/errors.js';
import { CAMPAIGN_SCHEMA_VERSION, type CampaignPlan } from './model.js';
import { REPORT_FILES } from '../core/results-layout.js';

export const PLAN_FILE = REPORT_FILES.plan;

export function writePlanFile(dir: string, plan: CampaignPlan): string {
  const file = join(dir, PLAN_FILE);
  writeFileSync(file, `${JSON.stringify(plan, null, 2)}\n`);
  return file;
}

/** A plan.json, checked; `input` names where the path came from for the error. */
export function readPlanFile(file: string, input = 'plan-file'): CampaignPlan {
  const hint = 'give the plan.json that `qfi plan` (action mode: plan) wrote, with the same qfi version';
  let plan: CampaignPlan;
  try {
    plan = JSON.parse(readFileSync(file, 'utf8')) as CampaignPlan;
  } catch (err) {
    throw new ConfigError(`plan file ${file} is not JSON: ${(err as Error).message}`, { location: { input }, hint });
  }
  if (plan.schema !== CAMPAIGN_SCHEMA_VERSION || !Array.isArray(plan.scenarios)) {
    throw new ConfigError(`plan file ${file} is not a qfi plan (schema ${CAMPAIGN_SCHEMA_VERSION})`, { location: { input }, hint });
  }
  return plan;
}
