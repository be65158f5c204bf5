import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from '../../core/errors.js';
import { INPUTS, type RawInputs } from '../../config/index.js';

/** `run` one scenario; `plan`, `campaign` and `merge` work on campaigns; `qtest` runs qtest scripts (the action's `mode`). */
export type CliCommandKind = 'run' | 'plan' | 'campaign' | 'merge' | 'qtest';
export type CliCommand =
  | { kind: CliCommandKind; inputs: RawInputs; quiet: boolean }
  /** `qfi reproduce PATH`: `inputs` are the flags that override what the run recorded; `scenario` picks one of a campaign's. */
  | { kind: 'reproduce'; path: string; scenario: string | undefined; inputs: RawInputs; quiet: boolean }
  | { kind: 'help' }
  | { kind: 'version' };

const COMMANDS: readonly string[] = ['run', 'plan', 'campaign', 'merge', 'qtest', 'reproduce'];

/** Flags only the CLI has; everything else is generated from the inputs table. */
const cliOnly = {
  fault: { type: 'string', multiple: true },
  quiet: { type: 'boolean', short: 'q' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
} as const;

function optionsFromInputs(): NonNullable<ParseArgsConfig['options']> {
  const options: NonNullable<ParseArgsConfig['options']> = { ...cliOnly };
  for (const input of INPUTS) {
    if ('cli' in input && input.cli === false) continue;
    options[input.name] = { type: 'string', ...(input.type === 'lines' ? { multiple: true } : {}) };
  }
  return options;
}

/**
 * `qfi run --config qfi.toml --fault a.b=fail --test-timeout 30s`. Strict: an unknown flag
 * or a stray argument is a usage error naming it.
 */
export function parseCliArgs(argv: string[]): CliCommand {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: optionsFromInputs(), allowPositionals: true, strict: true });
  } catch (err) {
    throw new UsageError((err as Error).message.replace(/\. To specify a positional argument.*$/s, ''), {
      hint: 'run `qfi --help` for the flags; every action input is a flag of the same name',
    });
  }
  const { values, positionals } = parsed;
  if (values.version) return { kind: 'version' };
  if (values.help || positionals[0] === 'help') return { kind: 'help' };
  const [command, ...rest] = positionals;
  if (command === undefined) return { kind: 'help' };
  if (!COMMANDS.includes(command)) throw new UsageError(`unknown command "${command}"`, { hint: 'the commands are: qfi run, qfi plan, qfi campaign, qfi merge DIR…, qfi qtest SCRIPT…, qfi reproduce PATH, qfi help' });
  if (command === 'reproduce') return reproduceCommand(rest, values);
  const kind = command as CliCommandKind;
  if (rest.length && kind !== 'merge' && kind !== 'qtest') throw new UsageError(`unexpected argument "${rest[0]}"`, { hint: 'flags take the form --name value; quote a value with spaces' });

  const inputs = inputsFrom(values);
  if (kind === 'merge') inputs['merge-from'] = rest;
  if (kind === 'qtest' && rest.length) inputs['qtest-script'] = [...((inputs['qtest-script'] as string[] | undefined) ?? []), ...rest];
  return { kind, inputs, quiet: values.quiet === true };
}

type ParsedValues = Record<string, string | boolean | Array<string | boolean> | undefined>;

/** The input flags given, `--fault` flags added to the `faults` lines. */
function inputsFrom(values: ParsedValues): RawInputs {
  const inputs: RawInputs = {};
  for (const input of INPUTS) {
    const value = values[input.name];
    if (value !== undefined) (inputs as Record<string, string | string[]>)[input.name] = value as string | string[];
  }
  const faultFlags = values.fault as string[] | undefined;
  if (faultFlags?.length) inputs.faults = [...((inputs.faults as string[] | undefined) ?? []), ...faultFlags];
  return inputs;
}

/** `qfi reproduce PATH [--scenario ID] [flags]`: exactly one PATH; `--scenario` selects, the other flags override. */
function reproduceCommand(rest: string[], values: ParsedValues): CliCommand {
  if (rest.length !== 1) {
    throw new UsageError(rest.length === 0 ? 'qfi reproduce needs the results to reproduce' : `unexpected argument "${rest[1]}"`, {
      hint: 'qfi reproduce PATH, where PATH is a qfi results folder or the artifact zip downloaded from GitHub',
    });
  }
  const { scenario, ...inputs } = inputsFrom(values);
  return { kind: 'reproduce', path: rest[0]!, scenario: typeof scenario === 'string' ? scenario : undefined, inputs, quiet: values.quiet === true };
}

export function helpText(): string {
  const width = Math.max(...INPUTS.map((i) => i.name.length)) + 2;
  const rows = INPUTS.filter((i) => !('cli' in i && i.cli === false)).map((i) => `  --${i.name.padEnd(width)}${i.description}${i.default ? ` [default: ${i.default}]` : ''}`);
  return [
    'qfi — QEMU fault-injection runner',
    '',
    'Usage: qfi run [flags]          one scenario: boot, test, verdict',
    '       qfi plan [flags]         plan a campaign: plan.json, and the matrix JSON on stdout',
    '       qfi campaign [flags]     run a campaign (all scenarios, --shard i/N, or --scenario ID)',
    '       qfi merge DIR… [flags]   merge campaign results (campaign.json under each DIR)',
    '       qfi qtest SCRIPT… [flags] run qtest scripts against a machine, no guest (QEMU\'s qtest protocol)',
    '       qfi reproduce PATH [flags] run a recorded run again here and compare (a results folder or artifact zip)',
    '',
    'qfi run boots a guest with fault rules, runs the test command, and writes a verdict, junit.xml,',
    'console.log and a reproducer to the results folder. A campaign runs many such scenarios',
    '(one per point and action, per call of a point, or repeated chaos trials) and writes one',
    'junit.xml, campaign.json and summary.md over all of them. A snapshot campaign (--campaign',
    'snapshot) boots once, saves the state, and runs every trial from it with one bit flipped.',
    'qfi reproduce reruns a run from its results (the config, rules, seed, guest and QEMU version',
    'it recorded) into <PATH>-reproduced, and says whether the verdict and the injections matched;',
    'run it from your checkout of the project. --scenario ID picks a campaign\'s scenario; other',
    'flags override what was recorded (--results-dir, --test-timeout...).',
    '',
    'Flags (each is also an action input and a qfi.toml key):',
    ...rows,
    `  --${'fault'.padEnd(width)}One fault rule (point=action); repeatable. Same as a line of --faults.`,
    `  --${'quiet'.padEnd(width)}Do not echo the guest console.`,
    '',
    'Exit codes: 0 pass, 1 test failed (fail, panic, hang, boot-timeout), 2 usage or config error, 3 infrastructure error.',
    'qfi reproduce exits with its replay\'s verdict the same way; whether it matched is in comparison.json.',
  ].join('\n');
}
