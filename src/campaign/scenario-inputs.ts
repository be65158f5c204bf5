/** The inputs one scenario of a campaign runs with: the campaign's own, plus its rules, name, folder and seed. */
import { INPUTS, type RawInputs } from '../config/index.js';
import type { InputName } from '../config/inputs.js';
import { shellCommand } from '../report/shell-quote.js';

/** Inputs about the campaign itself, which a single scenario's run does not take. */
const CAMPAIGN_INPUTS: readonly InputName[] = INPUTS.filter((spec) => 'scope' in spec && spec.scope === 'campaign').map((spec) => spec.name);

export function scenarioInputs(base: RawInputs, over: { name: string; resultsDir: string; seed: number; rules: readonly string[]; faultsEnabled?: boolean }): RawInputs {
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

/** Reproducer flags without those naming where results go or which part of a plan ran (and their values). */
export function keptReproducerArgs(args: readonly string[], drop: readonly string[] = ['--results-dir']): string[] {
  const kept: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (drop.includes(arg)) i++;
    else if (!drop.some((d) => arg.startsWith(`${d}=`))) kept.push(arg);
  }
  return kept;
}

/** `qfi run …` for a scenario: its reproducer flags without the results folder (the campaign's). */
export function reproducerLine(args: readonly string[]): string {
  return shellCommand(['qfi', 'run', ...keptReproducerArgs(args)]);
}
