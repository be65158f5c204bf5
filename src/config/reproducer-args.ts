/**
 * The CLI flags that re-run exactly one scenario: the config file read, the inputs given
 * (never defaults nobody asked for), the seed always, each input fault rule, and last the QEMU
 * arguments the CLI takes after `--`. Paths are absolute so the command works from any folder of
 * the same machine: a campaign's one-line reproducers (`qfi run … --seed S --fault …`). Another
 * machine replays with `qfi reproduce`.
 */
import { printRule, type Rule } from '../rules/index.js';
import { INPUTS, type InputName } from './inputs.js';
import { shellCommand } from '../core/shell-quote.js';

/** Everything after it on a qfi command line is QEMU's (`qemu-trailing-args`). */
export const QEMU_ARGS_SEPARATOR = '--';

/** An input the user gave, as the reproducer should repeat it. */
export interface GivenInput {
  /** Text for scalars (paths absolute), items for `lines` inputs. */
  text: string | string[];
}

export function buildReproducerArgs(opts: {
  configFile: string | undefined;
  given: Partial<Record<InputName, GivenInput>>;
  inputRules: readonly Rule[];
  seed: number;
}): string[] {
  const args: string[] = [];
  if (opts.configFile !== undefined) args.push(...flag('config', opts.configFile));
  for (const spec of INPUTS) {
    // Handled on their own: config above, the seed always, faults as --fault per rule.
    if (spec.name === 'config' || spec.name === 'seed' || spec.name === 'faults') continue;
    // The CLI spells these as its command and arguments (a run's reproducer has neither), or after `--` (below).
    if ('cli' in spec && spec.cli === false) continue;
    const given = opts.given[spec.name];
    if (given === undefined) continue;
    const items = typeof given.text === 'string' ? [given.text] : given.text;
    for (const item of items) args.push(...flag(spec.name, item));
  }
  args.push(...flag('seed', String(opts.seed)));
  for (const rule of opts.inputRules) args.push(...flag('fault', printRule(rule)));
  // The CLI spells them as everything after a bare `--`, so they come last.
  const trailing = opts.given['qemu-trailing-args']?.text;
  if (trailing !== undefined) args.push(QEMU_ARGS_SEPARATOR, ...(typeof trailing === 'string' ? [trailing] : trailing));
  return args;
}

/** `--name value`, or `--name=value` when the value starts with `-` and would read as a flag. */
function flag(name: string, value: string): string[] {
  return value.startsWith('-') ? [`--${name}=${value}`] : [`--${name}`, value];
}

/** Reproducer flags without those naming where results go or which part of a plan ran (and their values). */
export function keptReproducerArgs(args: readonly string[], drop: readonly string[] = ['--results-dir']): string[] {
  const kept: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    // QEMU's arguments are not qfi flags, even when one is spelled like a dropped one.
    if (arg === QEMU_ARGS_SEPARATOR) return [...kept, ...args.slice(i)];
    if (drop.includes(arg)) i++;
    else if (!drop.some((d) => arg.startsWith(`${d}=`))) kept.push(arg);
  }
  return kept;
}

/** `qfi run …` for a scenario: its reproducer flags without the results folder (the campaign's). */
export function reproducerLine(args: readonly string[]): string {
  return shellCommand(['qfi', 'run', ...keptReproducerArgs(args)]);
}
