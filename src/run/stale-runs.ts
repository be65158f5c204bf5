/**
 * Runs that ended without cleaning up (SIGKILL, OOM, a power cut). Each run's private folder is
 * named for its qfi process (core/owned-dirs.ts) and lists the QEMUs it started; the next qfi
 * removes the folders whose qfi is gone, after killing each listed QEMU that is still the same
 * process and still names the folder on its command line (its sockets are in it), so nothing
 * else is ever killed.
 */
import { appendFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Logger } from '../core/host.js';
import { makeOwnedDir, sweepOwnedDirs } from '../core/owned-dirs.js';
import { identityOf, isRunning, type ProcessIdentity } from '../core/process-identity.js';

/** Private folders of runs, snapshot campaigns and qtest runs: `qfi-run-<pid>.<start>-XXXXXX`. */
export const PRIVATE_DIR_PREFIX = 'qfi-run-';
const QEMU_PIDS = 'qemu.pids';

/** A new private (0700) folder for one run's sockets and fw_cfg files. */
export function makePrivateDir(): string {
  return makeOwnedDir(tmpdir(), PRIVATE_DIR_PREFIX);
}

/** Notes a QEMU the run started (pid and start time), for the sweep. */
export function recordQemu(privateDir: string, pid: number): void {
  const id = identityOf(pid);
  if (id) appendFileSync(join(privateDir, QEMU_PIDS), `${id.pid} ${id.start}\n`);
}

/** Ends what runs whose qfi is gone left behind: their QEMUs, then their private folders. */
export function sweepStaleRuns(log: Logger, parent = tmpdir()): void {
  const removed = sweepOwnedDirs(parent, PRIVATE_DIR_PREFIX, (dir) => {
    for (const qemu of recordedQemus(dir)) {
      if (!isRunning(qemu) || !commandLineNames(qemu.pid, dir)) continue;
      log.warn(`killing QEMU (pid ${qemu.pid}) left running by a qfi run that ended without stopping it`);
      try {
        process.kill(qemu.pid, 'SIGKILL');
      } catch {
        // gone meanwhile
      }
    }
  });
  if (removed.length) log.debug(`removed ${removed.length} private folder(s) of ended runs: ${removed.join(', ')}`);
}

function recordedQemus(dir: string): ProcessIdentity[] {
  let text: string;
  try {
    text = readFileSync(join(dir, QEMU_PIDS), 'utf8');
  } catch {
    return [];
  }
  return text
    .split('\n')
    .map((line) => /^(\d+) (\d*)$/.exec(line))
    .filter((m) => m !== null)
    .map((m) => ({ pid: Number(m[1]), start: m[2]! }));
}

function commandLineNames(pid: number, dir: string): boolean {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(dir);
  } catch {
    return false;
  }
}
