/**
 * Internal snapshots over QMP (snapshot-save / snapshot-load, QEMU >= 6.0): RAM and device
 * state go to a qcow2 node no device uses, disks listed in `devices` are snapshotted with it.
 * Both are jobs: the command returns at once, the job concludes later (with an error, if any).
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { QmpClient } from './qmp-client.js';

/** Node names of the state file qfi adds to a snapshot run (see qemu-argv.ts). */
export const SNAPSHOT_STATE_NODE = 'qfi-snapstate';
export const SNAPSHOT_STATE_FILE_NODE = 'qfi-snapstate-file';
export const SNAPSHOT_TAG = 'qfi';

interface JobInfo {
  id: string;
  status: string;
  error?: string;
}

const pollMs = 2;

/** Runs snapshot-save or snapshot-load and waits for the job: resolves with its time in ms, throws its error. */
export async function runSnapshotJob(
  qmp: QmpClient,
  command: 'snapshot-save' | 'snapshot-load',
  devices: readonly string[],
  timeoutMs = 60_000,
): Promise<number> {
  const started = Date.now();
  const jobId = `qfi-${command}`;
  await qmp.execute(command, { 'job-id': jobId, tag: SNAPSHOT_TAG, vmstate: SNAPSHOT_STATE_NODE, devices: [SNAPSHOT_STATE_NODE, ...devices] });
  for (;;) {
    const jobs = await qmp.execute<JobInfo[]>('query-jobs');
    const job = jobs.find((j) => j.id === jobId);
    if (job === undefined) throw new Error(`${command}: job ${jobId} vanished before it concluded`);
    if (job.status === 'concluded') {
      await qmp.execute('job-dismiss', { id: jobId });
      if (job.error) throw new Error(`${command} failed: ${job.error}`);
      return Date.now() - started;
    }
    if (Date.now() - started > timeoutMs) throw new Error(`${command} did not conclude within ${timeoutMs / 1000} s (job status ${job.status})`);
    await sleep(pollMs);
  }
}
