/**
 * The KTAP/TAP file the test command wrote in the guest (`results-file`), as the agent handed it
 * over: qfi's agent copies it to a virtio-serial port QEMU writes to a file, qemu-guest-agent's
 * session reads it with guest-file-read. Both leave it in the results folder under one name.
 *
 * A run that asked for a results file and got none (missing, empty, no KTAP in it) does not
 * pass: a test runner that crashed before writing its results must not look like success.
 */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Plan } from '../plan/types.js';
import type { RunRecord } from '../run/types.js';
import { readKtapFile } from './ktap-console.js';
import { RESULTS_FILES } from '../core/results-layout.js';
import type { KtapReport } from './ktap.js';

/** The guest's results file, copied into the results folder. */
export const GUEST_RESULTS_FILE = RESULTS_FILES.guestResults;

export interface GuestResults {
  /** Its KTAP/TAP streams (source `results file PATH`). */
  ktap: KtapReport | undefined;
  /** Why it cannot count as results (fails the run), when the command ran to its end. */
  problem: string | undefined;
}

export function readGuestResults(plan: Pick<Plan, 'resultsFile'>, record: Pick<RunRecord, 'files' | 'commandExitCode'>): GuestResults | undefined {
  if (plan.resultsFile === undefined) return undefined;
  const copy = join(record.files.dir, GUEST_RESULTS_FILE);
  const bytes = existsSync(copy) ? statSync(copy).size : 0;
  // Only a command that ended hands its file over; a hang or panic already has its verdict.
  const ended = record.commandExitCode !== undefined;
  if (bytes === 0) {
    const problem = ended
      ? `the command exited with code ${record.commandExitCode} but left no results in ${plan.resultsFile} (missing or empty; the console or qga.log says which)`
      : undefined;
    return { ktap: undefined, problem };
  }
  const ktap = readKtapFile(copy, `results file ${plan.resultsFile}`);
  const problem = ktap
    ? undefined
    : `results file ${plan.resultsFile} (${bytes} bytes) has no KTAP/TAP version line, so no results were read: a producer starts with \`KTAP version 1\` or \`TAP version 13\``;
  return { ktap, problem };
}
