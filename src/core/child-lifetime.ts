/**
 * Children that die with qfi. A CI runner at its hard timeout, or the OOM killer, ends qfi with
 * SIGKILL: no handler runs, and a QEMU (or a dpkg-deb, a ninja) would live on under PID 1. The
 * kernel's parent-death signal ends the child instead: util-linux's `setpriv --pdeathsig KILL`
 * sets it and then runs the program (exec keeps it; the pid stays the same). Where setpriv is
 * missing (util-linux older than 2.33, or none), children run as they are and the stale-run sweep
 * (run/stale-runs.ts) ends what a killed run left.
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';

let setprivWorks: boolean | undefined;

/** Whether `setpriv --pdeathsig` works here (checked once). */
export function canSetParentDeathSignal(): boolean {
  setprivWorks ??= spawnSync('setpriv', ['--pdeathsig', 'KILL', '--', 'true'], { stdio: 'ignore', timeout: 5_000 }).status === 0;
  return setprivWorks;
}

/**
 * `file args` wrapped so that the child gets SIGKILL when qfi ends, however it ends. A program
 * that cannot be run is left unwrapped, so that its spawn fails as it would (ENOENT, EACCES)
 * rather than as setpriv's exit status.
 */
export function diesWithParent(file: string, args: readonly string[]): [string, string[]] {
  return canSetParentDeathSignal() && runnable(file) ? ['setpriv', ['--pdeathsig', 'KILL', '--', file, ...args]] : [file, [...args]];
}

function runnable(file: string): boolean {
  const candidates = file.includes('/') ? [file] : (process.env.PATH ?? '').split(delimiter).map((dir) => join(dir || '.', file));
  return candidates.some((path) => {
    try {
      accessSync(path, constants.X_OK);
      return statSync(path).isFile();
    } catch {
      return false;
    }
  });
}
