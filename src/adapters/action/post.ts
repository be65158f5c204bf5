import * as core from '@actions/core';
import { actionHost } from './action-host.js';
import { uploadResults } from './artifacts.js';
import { State } from './names.js';

/**
 * The post step (post-if: always()): uploads the results when the main step stopped after it
 * had a results folder but before its own upload (cancelled, or an infrastructure error). It
 * says why it does nothing otherwise, and never fails the job.
 */
export async function run(): Promise<void> {
  try {
    const dir = core.getState(State.ResultsDir);
    const uploaded = core.getState(State.Uploaded);
    if (!dir) core.info('qfi post: nothing to upload (the main step stopped before it had a results folder)');
    else if (core.getState(State.UploadEnabled) === 'false') core.info('qfi post: nothing to upload (upload-artifacts is false)');
    else if (uploaded === 'true') core.info('qfi post: the main step uploaded the results');
    else if (uploaded === 'false') core.info('qfi post: the main step could not upload the results (see its warning); not trying again');
    else {
      core.info('qfi post: the main step did not upload the results (cancelled or failed); uploading them now');
      await uploadResults(dir, core.getState(State.ArtifactName) || 'qfi-results', actionHost().log);
    }
  } catch (err) {
    core.warning(`qfi post: ${(err as Error).message}`);
  }
}
