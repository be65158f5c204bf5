import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from '../../core/errors.js';
import { ACTION_MODES, INPUTS, type ActionMode, type RawInputs } from '../../config/index.js';
import { QEMU_ARGS_SEPARATOR } from '../../config/reproducer-args.js';

/** `run` one scenario; `plan`, `campaign` and `merge` work on campaigns; `qtest` runs qtest scripts (the action's `mode`). */
export type CliCommandKind = ActionMode;
/** How the CLI talks, beside the inputs: `quiet` echoes no console, `summarizeLog` prints summary.md at the end. */
export interface CliOutput {
  quiet: boolean;
  summarizeLog: boolean;
}
export type CliCommand =
  | ({ kind: CliCommandKind; inputs: RawInputs } & CliOutput)
  /** `qfi reproduce PATH`: `inputs` are the flags that override what the run recorded; `scenario` picks one of a campaign's. */
  | ({ kind: 'reproduce'; path: string; scenario: string | undefined; inputs: RawInputs } & CliOutput)
  /** `qfi parse LOG… [--json] [--junit PATH] [--name NAME]`: KTAP/TAP results of logs, no QEMU. */
  | { kind: 'parse'; files: string[]; json: boolean; junit: string | undefined; name: string | undefined }
  | { kind: 'help' }
  | { kind: 'version' };

const COMMANDS: readonly string[] = [...ACTION_MODES, 'reproduce', 'parse'];

/** `qfi parse` has flags of its own: it takes no action inputs. */
const parseOptions = {
  json: { type: 'boolean' },
  junit: { type: 'string' },
  name: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** Flags only the CLI has; everything else is generated from the inputs table. */
const cliOnly = {
  fault: { type: 'string', multiple: true },
  quiet: { type: 'boolean', short: 'q' },
  // The action writes the job summary itself; a terminal user wants the verdict table without opening files.
  'summarize-log': { type: 'boolean' },
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
 * `qfi run --config qfi.toml --fault a.b=fail --test-timeout 30s -- -no-reboot`. Strict: an
 * unknown flag or a stray argument is a usage error naming it. Everything after a bare `--`
 * is QEMU's (`qemu-trailing-args`), passed on as typed.
 */
export function parseCliArgs(argv: string[]): CliCommand {
  if (argv[0] === 'parse') return parseCommand(argv.slice(1));
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: optionsFromInputs(), allowPositionals: true, strict: true, tokens: true });
  } catch (err) {
    throw new UsageError((err as Error).message.replace(/\. To specify a positional argument.*$/s, ''), {
      hint: 'run `qfi --help` for the flags; every action input is a flag of the same name',
    });
  }
  const { values } = parsed;
  // parseArgs returns what follows `--` as positionals; its tokens say where `--` was.
  const separator = parsed.tokens.find((token) => token.kind === 'option-terminator')?.index;
  const positionals = parsed.tokens.flatMap((token) =>
    token.kind === 'positional' && (separator === undefined || token.index < separator) ? [token.value] : [],
  );
  const qemuArgs = separator === undefined ? undefined : checkQemuArgs(argv.slice(separator + 1));
  if (values.version) return { kind: 'version' };
  if (values.help || positionals[0] === 'help') return { kind: 'help' };
  const [command, ...rest] = positionals;
  if (command === undefined) return { kind: 'help' };
  if (!COMMANDS.includes(command))
    throw new UsageError(`unknown command "${command}"`, {
      hint: 'the commands are: qfi run, qfi plan, qfi campaign, qfi merge DIR…, qfi qtest SCRIPT…, qfi reproduce PATH, qfi parse LOG…, qfi help',
    });
  if (command === 'parse')
    throw new UsageError('qfi parse comes first: its flags are its own', { hint: 'qfi parse LOG… [--json] [--junit PATH] [--name NAME]' });
  const output: CliOutput = { quiet: values.quiet === true, summarizeLog: values['summarize-log'] === true };
  if (command === 'reproduce') return reproduceCommand(rest, values, qemuArgs, output);
  const kind = command as CliCommandKind;
  if (rest.length && kind !== 'merge' && kind !== 'qtest')
    throw new UsageError(`unexpected argument "${rest[0]}"`, {
      hint: `flags take the form --name value; quote a value with spaces; QEMU arguments go after a bare \`${QEMU_ARGS_SEPARATOR}\``,
    });
  if (kind === 'merge' && qemuArgs !== undefined) {
    throw new UsageError(`qfi merge runs no QEMU, so it takes no QEMU arguments after \`${QEMU_ARGS_SEPARATOR}\``, {
      hint: `drop \`${QEMU_ARGS_SEPARATOR}\` and what follows it: qfi merge DIR… [flags] merges the results folders it is given`,
    });
  }
  if (kind === 'plan' && output.summarizeLog) {
    throw new UsageError('qfi plan has no summary to print: its stdout is the matrix JSON alone', {
      hint: "drop --summarize-log here; qfi campaign and qfi merge print the campaign's summary with it",
    });
  }

  const inputs = inputsFrom(values, qemuArgs);
  if (kind === 'merge') inputs['merge-from'] = rest;
  if (kind === 'qtest' && rest.length) inputs['qtest-script'] = [...((inputs['qtest-script'] as string[] | undefined) ?? []), ...rest];
  return { kind, inputs, ...output };
}

type ParsedValues = Record<string, string | boolean | Array<string | boolean> | undefined>;

/** The input flags given, `--fault` flags added to the `faults` lines, the arguments after `--` as `qemu-trailing-args`. */
function inputsFrom(values: ParsedValues, qemuArgs: string[] | undefined): RawInputs {
  const inputs: RawInputs = {};
  for (const input of INPUTS) {
    const value = values[input.name];
    if (value !== undefined) (inputs as Record<string, string | string[]>)[input.name] = value as string | string[];
  }
  const faultFlags = values.fault as string[] | undefined;
  if (faultFlags?.length) inputs.faults = [...((inputs.faults as string[] | undefined) ?? []), ...faultFlags];
  if (qemuArgs?.length) inputs['qemu-trailing-args'] = qemuArgs;
  return inputs;
}

/**
 * Each argument after `--` is one QEMU argv item. They travel as a `lines` input, which trims
 * items and splits them at newlines, so one that would change on the way is refused instead.
 */
function checkQemuArgs(args: string[]): string[] {
  for (const arg of args) {
    if (arg.trim() === '' || arg.trim() !== arg || arg.includes('\n')) {
      throw new UsageError(
        `QEMU argument ${JSON.stringify(arg)} after \`${QEMU_ARGS_SEPARATOR}\` cannot be passed on as it is: qfi passes each one without blanks around it and without newlines`,
        {
          hint: 'drop the blanks or newlines; an argument that needs them goes in qfi.toml as an item of `qemu.extra_args = [...]`, which QEMU gets exactly as written',
        },
      );
    }
  }
  return args;
}

/** `qfi parse LOG… [--json] [--junit PATH] [--name NAME]`; `-` is standard input. */
function parseCommand(argv: string[]): CliCommand {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: parseOptions, allowPositionals: true, strict: true });
  } catch (err) {
    throw new UsageError((err as Error).message.replace(/\. To specify a positional argument.*$/s, ''), {
      hint: 'qfi parse LOG… [--json] [--junit PATH] [--name NAME]; run `qfi help` for more',
    });
  }
  const { values, positionals } = parsed;
  if (values.help) return { kind: 'help' };
  if (positionals.length === 0)
    throw new UsageError('qfi parse needs at least one log', { hint: 'qfi parse console.log [--json] [--junit junit.xml]; - reads standard input' });
  if (values.junit === '') throw new UsageError('--junit needs a path', { location: { input: 'junit' }, hint: 'qfi parse LOG --junit junit.xml' });
  return { kind: 'parse', files: positionals, json: values.json === true, junit: values.junit, name: values.name };
}

/** `qfi reproduce PATH [--scenario ID] [flags] [-- QEMU ARGS]`: exactly one PATH; `--scenario` selects, the other flags override. */
function reproduceCommand(rest: string[], values: ParsedValues, qemuArgs: string[] | undefined, output: CliOutput): CliCommand {
  if (rest.length !== 1) {
    throw new UsageError(rest.length === 0 ? 'qfi reproduce needs the results to reproduce' : `unexpected argument "${rest[1]}"`, {
      hint: 'qfi reproduce PATH, where PATH is a qfi results folder or the artifact zip downloaded from GitHub',
    });
  }
  const { scenario, ...inputs } = inputsFrom(values, qemuArgs);
  return { kind: 'reproduce', path: rest[0]!, scenario: typeof scenario === 'string' ? scenario : undefined, inputs, ...output };
}

export function helpText(): string {
  const width = Math.max(...INPUTS.map((i) => i.name.length)) + 2;
  const rows = INPUTS.filter((i) => !('cli' in i && i.cli === false)).map(
    (i) => `  --${i.name.padEnd(width)}${i.description}${i.default ? ` [default: ${i.default}]` : ''}`,
  );
  return [
    'qfi — QEMU fault-injection runner',
    '',
    'Usage: qfi run [flags] [-- QEMU ARGS…]  one scenario: boot, test, verdict',
    '       qfi plan [flags]         plan a campaign: plan.json, and the matrix JSON on stdout',
    '       qfi campaign [flags]     run a campaign (all scenarios, --shard i/N, or --scenario ID)',
    '       qfi merge DIR… [flags]   merge campaign results (campaign.json under each DIR)',
    "       qfi qtest SCRIPT… [flags] run qtest scripts against a machine, no guest (QEMU's qtest protocol)",
    '       qfi parse LOG… [--json] [--junit PATH] [--name NAME]',
    '                                read KTAP/TAP results from console logs or result files (- is stdin),',
    '                                as the runs do: a tree, or one JSON object per file; exit 0 when all pass',
    '       qfi reproduce PATH [flags] run a recorded run again here and compare (a results folder or artifact zip)',
    '',
    'qfi run boots a guest with fault rules, runs the test command, and writes a verdict, junit.xml,',
    'console.log and a reproducer to the results folder. A campaign runs many such scenarios',
    '(one per point and action, per call of a point, or repeated chaos trials) and writes one',
    'junit.xml, campaign.json and summary.md over all of them. A snapshot campaign (--campaign',
    'snapshot) boots once, saves the state, and runs every trial from it with one bit flipped.',
    'qfi reproduce reruns a run from its results (the config, rules, seed, guest and QEMU version',
    'it recorded) into <PATH>-reproduced, and says whether the verdict and the injections matched;',
    "run it from your checkout of the project. --scenario ID picks a campaign's scenario; other",
    'flags override what was recorded (--results-dir, --test-timeout...).',
    '',
    'Flags (each is also an action input and a qfi.toml key):',
    ...rows,
    `  --${'fault'.padEnd(width)}One fault rule (point=action); repeatable. Same as a line of --faults.`,
    `  --${'quiet'.padEnd(width)}Do not echo the guest console.`,
    `  --${'summarize-log'.padEnd(width)}At the end, print the results' summary.md on stdout (verdict table, what fired, console excerpt).`,
    `  ${QEMU_ARGS_SEPARATOR.padEnd(width + 2)}Everything after a bare -- goes to QEMU as it is, after --qemu-args and qemu.extra_args (run, campaign, plan, qtest, reproduce).`,
    '',
    'Durations (--boot-timeout, --test-timeout, --timeout, --trial-timeout): 90s, 2m, 1m30s, 500ms; a bare number is seconds (--timeout 35).',
    'Exit codes: 0 pass, 1 test failed (fail, panic, hang, boot-timeout), 2 usage or config error, 3 infrastructure error.',
    "qfi reproduce exits with its replay's verdict the same way; whether it matched is in comparison.json.",
  ].join('\n');
}
