/** The inputs one scenario of a campaign runs with: the campaign's own, plus its rules, name, folder and seed. */
import { INPUTS, type RawInputs } from '../config/index.js';
import type { InputName } from '../config/inputs.js';

/** Inputs about the campaign itself, which a single scenario's run does not take. */
const CAMPAIGN_INPUTS: readonly InputName[] = INPUTS.filter((spec) => 'scope' in spec && spec.scope === 'campaign').map((spec) => spec.name);

export function scenarioInputs(
  base: RawInputs,
  over: { name: string; resultsDir: string; seed: number; rules: readonly string[]; faultsEnabled?: boolean },
): RawInputs {
  const inputs: RawInputs = { ...base };
  for (const name of CAMPAIGN_INPUTS) delete inputs[name];
  const baseFaults = base.faults === undefined ? [] : typeof base.faults === 'string' ? base.faults.split('\n') : base.faults;
  inputs.faults = [...baseFaults, ...over.rules];
  inputs.name = over.name;
  inputs['results-dir'] = over.resultsDir;
  inputs.seed = String(over.seed);
  if (over.faultsEnabled === false) inputs['faults-enabled'] = 'false';
  return inputs;
}
