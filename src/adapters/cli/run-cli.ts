import { relative } from 'node:path';
import { ExitCode, exitCodeForError, formatError } from '../../core/errors.js';
import { runPipeline } from '../../core/pipeline.js';
import type { Verdict } from '../../core/types.js';
import { helpText, parseCliArgs } from './parse-args.js';
import { localHost } from './local-host.js';

export function exitCodeForVerdict(verdict: Verdict, failOnVerdict: boolean): number {
  if (verdict === 'pass') return ExitCode.pass;
  if (verdict === 'infra-error') return ExitCode.infra;
  return failOnVerdict ? ExitCode.testFailed : ExitCode.pass;
}

const signalExit: Record<string, number> = { SIGINT: 130, SIGTERM: 143 };

/** The whole CLI: parse, run, print the verdict, return the exit code. Never prints a stack. */
export async function runCli(argv: string[], version: string): Promise<number> {
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

  const host = localHost();
  try {
    const { config, run, reports } = await runPipeline(
      { inputs: command.inputs, cwd: process.cwd(), signal: controller.signal, echoConsole: !command.quiet },
      host,
    );
    const r = run.record;
    const times = [r.bootMs !== undefined ? `boot ${(r.bootMs / 1000).toFixed(2)} s` : '', r.testMs !== undefined ? `test ${(r.testMs / 1000).toFixed(2)} s` : '', `wall ${(r.wallMs / 1000).toFixed(2)} s`].filter(Boolean).join(', ');
    const dir = relative(process.cwd(), config.report.dir) || '.';
    process.stdout.write(`qfi: ${run.verdict} — ${run.reason} (${times})\n`);
    process.stdout.write(`results: ${dir}/ — ${relative(config.report.dir, reports.junit)}, console.log, summary.md, reproducer.sh\n`);
    if (interruptedBy) return signalExit[interruptedBy] ?? ExitCode.infra;
    return exitCodeForVerdict(run.verdict, config.report.failOnVerdict);
  } catch (err) {
    process.stderr.write(`${formatError(err)}\n`);
    if (process.env.QFI_DEBUG === '1' && err instanceof Error && err.stack) process.stderr.write(`${err.stack}\n`);
    return exitCodeForError(err);
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}
