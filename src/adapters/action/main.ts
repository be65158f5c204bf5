import * as core from '@actions/core';
import { formatError, QfiError } from '../../core/errors.js';
import { actionHost } from './action-host.js';
import { stepErrorMarkdown } from './error-summary.js';
import { Outputs } from './names.js';
import { readActionInputs } from './read-inputs.js';
import { addSummary, runActionMode } from './steps.js';

/**
 * The action's main step (actions/typescript-action's `run()`: src/entry/main.ts calls it,
 * @github/local-action imports it). Runs the pipeline, or plans / runs / merges a campaign, by
 * `mode`; then outputs, job summary, annotation and artifacts. After the verdict only
 * warnings: a failed upload never changes it.
 */
export async function run(): Promise<void> {
  const host = actionHost();
  const controller = new AbortController();
  // `on`, not `once`: execa's signal-exit re-raises a signal it finds no other listener for, and
  // a `once` listener is gone by then, so the first signal killed the step without a report.
  // Repeats (the runner's SIGTERM after its SIGINT) change nothing: QEMU is already stopping.
  const onSignal = (signal: NodeJS.Signals) => {
    if (controller.signal.aborted) return core.info(`qfi: ${signal} received; QEMU is already being stopped`);
    core.info(`qfi: ${signal} received, stopping QEMU`);
    controller.abort(signal);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  try {
    const inputs = readActionInputs();
    await runActionMode(inputs.mode as string | undefined, { inputs, cwd: process.cwd(), signal: controller.signal }, host);
  } catch (err) {
    await reportStepError(err);
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

/**
 * Bad inputs or infrastructure before QEMU started: the `verdict` output action.yml promises,
 * an annotation on the file position when there is one, a job summary, and one readable
 * error without a stack (the stack of an unexpected error goes to the debug log).
 */
async function reportStepError(err: unknown): Promise<void> {
  core.setOutput(Outputs.Verdict, 'infra-error');
  if (err instanceof QfiError && err.location?.file) {
    const props: core.AnnotationProperties = { file: err.location.file, title: 'qfi configuration error' };
    if (err.location.line !== undefined) props.startLine = err.location.line;
    if (err.location.column !== undefined) props.startColumn = err.location.column;
    core.error(err.message, props);
  }
  if (!(err instanceof QfiError) && err instanceof Error && err.stack) core.debug(err.stack);
  await addSummary(stepErrorMarkdown(err));
  core.setFailed(formatError(err));
}
