import { readFileSync } from 'node:fs';
import { ExitCode, exitCodeForError, formatError } from '../../core/errors.js';
import { runMode, type ModeOptions } from '../../modes/modes.js';
import { parseLogs } from '../../parse/parse-logs.js';
import type { Verdict } from '../../core/verdict.js';
import { helpText, parseCliArgs, type CliCommand } from './parse-args.js';
import { localHost } from './local-host.js';
import { printSummary } from './print-summary.js';

export function exitCodeForVerdict(verdict: Verdict, failOnVerdict: boolean): number {
  if (verdict === 'pass') return ExitCode.pass;
  if (verdict === 'infra-error') return ExitCode.infra;
  return failOnVerdict ? ExitCode.testFailed : ExitCode.pass;
}

const signalExit: Record<string, number> = { SIGHUP: 129, SIGINT: 130, SIGTERM: 143 };

/** The whole CLI: parse, run, print the verdict, return the exit code. Never prints a stack. */
export async function runCli(argv: string[], version: string): Promise<number> {
  // A terminal that hung up, or `qfi … | head`: output is lost, the run (and its QEMU's stop) is not.
  for (const stream of [process.stdout, process.stderr]) stream.on('error', () => undefined);
  let command;
  try {
    command = parseCliArgs(argv);
  } catch (err) {
    process.stderr.write(`${formatError(err)}\n`);
    return exitCodeForError(err);
  }
  if (command.kind === 'help') {
    process.stdout.write(`${helpText()}\n`);
    return ExitCode.pass;
  }
  if (command.kind === 'version') {
    process.stdout.write(`qfi ${version}\n`);
    return ExitCode.pass;
  }
  if (command.kind === 'parse') return parseOnly(command);

  // SIGINT/SIGTERM stop QEMU through the pipeline's abort path, then we exit; a second
  // signal exits at once (execa's cleanup still kills QEMU on the way out).
  const controller = new AbortController();
  let interruptedBy: string | undefined;
  const onSignal = (signal: NodeJS.Signals) => {
    if (interruptedBy) process.exit(signalExit[signal] ?? ExitCode.infra);
    interruptedBy = signal;
    process.stderr.write(`qfi: ${signal} received, stopping QEMU…\n`);
    controller.abort(signal);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  // A closed terminal (ssh dropped): stop as for SIGTERM rather than die with QEMU's folder left.
  process.on('SIGHUP', onSignal);

  const host = localHost();
  try {
    const options: ModeOptions = { inputs: command.inputs, cwd: process.cwd(), signal: controller.signal };
    if (command.kind === 'run' || command.kind === 'reproduce') options.echoConsole = !command.quiet;
    if (command.kind === 'reproduce') options.replay = { path: command.path, scenario: command.scenario };
    const result = await runMode(command.kind, options, host);
    for (const line of result.lines) process.stdout.write(`${line}\n`);
    if (result.problem) process.stderr.write(`qfi: ${result.problem}\n`);
    if (command.summarizeLog && result.summaryFile) printSummary(result.summaryFile, host.log);
    if (interruptedBy) return signalExit[interruptedBy] ?? ExitCode.infra;
    return exitCodeForVerdict(result.verdict, result.failOnVerdict);
  } catch (err) {
    process.stderr.write(`${formatError(err)}\n`);
    if (process.env.QFI_DEBUG === '1' && err instanceof Error && err.stack) process.stderr.write(`${err.stack}\n`);
    return exitCodeForError(err);
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    process.off('SIGHUP', onSignal);
  }
}

/** `qfi parse`: no QEMU, no signals to relay; the same error handling. */
function parseOnly(command: Extract<CliCommand, { kind: 'parse' }>): number {
  try {
    const outcome = parseLogs({ ...command, cwd: process.cwd(), readStdin: () => readFileSync(0, 'utf8') });
    process.stdout.write(outcome.lines.map((l) => `${l}\n`).join(''));
    if (command.junit) process.stderr.write(`qfi parse: JUnit written to ${command.junit}\n`);
    return outcome.code;
  } catch (err) {
    process.stderr.write(`${formatError(err)}\n`);
    return exitCodeForError(err);
  }
}
