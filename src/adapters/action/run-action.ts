import * as core from '@actions/core';
import { readFileSync } from 'node:fs';
import { formatError, QfiError } from '../../core/errors.js';
import { runPipeline } from '../../core/pipeline.js';
import { actionHost } from './action-host.js';
import { defaultArtifactName, toArtifactName, uploadResults } from './artifacts.js';
import { Outputs, State } from './names.js';
import { readActionInputs } from './read-inputs.js';

/**
 * The action's main step: run the pipeline, then outputs, job summary, annotation and
 * artifacts. After the verdict only warnings: a failed upload never changes it.
 */
export async function runAction(): Promise<void> {
  const host = actionHost();
  const controller = new AbortController();
  const onSignal = (signal: NodeJS.Signals) => controller.abort(signal);
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  try {
    const { config, run, reports } = await runPipeline(
      {
        inputs: readActionInputs(),
        cwd: process.cwd(),
        signal: controller.signal,
        echoConsole: true,
        onConfig: (c) => {
          core.saveState(State.ResultsDir, c.report.dir);
          core.saveState(State.ArtifactName, c.report.artifactName ? toArtifactName(c.report.artifactName) : defaultArtifactName(c.name));
          core.saveState(State.UploadEnabled, String(c.report.upload));
        },
      },
      host,
    );
    core.setOutput(Outputs.Verdict, run.verdict);
    core.setOutput(Outputs.Junit, reports.junit);
    core.setOutput(Outputs.ResultsDir, config.report.dir);

    try {
      await core.summary.addRaw(readFileSync(reports.summaryMarkdown, 'utf8')).write();
    } catch (err) {
      core.warning(`could not write the job summary: ${(err as Error).message}`);
    }

    if (config.report.upload) {
      const name = config.report.artifactName ? toArtifactName(config.report.artifactName) : defaultArtifactName(config.name);
      const uploaded = await uploadResults(config.report.dir, name, host.log);
      core.saveState(State.Uploaded, String(uploaded));
    }

    if (run.verdict !== 'pass') {
      const message = `qfi ${run.scenario}: ${run.verdict} — ${run.reason}`;
      if (config.report.failOnVerdict || run.verdict === 'infra-error') core.setFailed(message);
      else core.warning(`${message} (fail-on-verdict is false)`);
    }
  } catch (err) {
    // Bad inputs or infrastructure before QEMU started: one readable error, no stack.
    const text = formatError(err);
    if (err instanceof QfiError && err.location?.file) {
      const props: core.AnnotationProperties = { file: err.location.file, title: 'qfi configuration error' };
      if (err.location.line !== undefined) props.startLine = err.location.line;
      if (err.location.column !== undefined) props.startColumn = err.location.column;
      core.error(err.message, props);
    }
    core.setFailed(text);
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

/** The post step (post-if: always()): upload the results if main was cancelled before it could. */
export async function runPost(): Promise<void> {
  const dir = core.getState(State.ResultsDir);
  if (!dir || core.getState(State.Uploaded) !== '' || core.getState(State.UploadEnabled) === 'false') return;
  core.info('the main step did not upload the results (cancelled or failed); uploading them now');
  await uploadResults(dir, core.getState(State.ArtifactName) || 'qfi-results', actionHost().log);
}
