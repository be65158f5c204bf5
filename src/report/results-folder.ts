/**
 * A results folder is one run's at a time, and holds nothing qfi did not write.
 *
 * - Lock: `.qfi-lock` (the owner's pid, start time and mode), created exclusively; a second run on
 *   the folder is refused while the owner lives. A lock whose owner is gone (SIGKILL) is taken
 *   over by renaming it away first, so of two runs finding it stale only one wins.
 * - Manifest: `.qfi-files` lists the names this folder's runs may have written. Before a run they
 *   are removed, so stale results never mix in; a name the run would write that exists but is not
 *   in the manifest belongs to someone else, and the run is refused rather than overwrite it.
 *   The manifest is written before anything else, so a run killed half-way leaves it behind too.
 * - Writable: the lock is the first file written; a read-only or missing place is the user's
 *   `results-dir`, a full disk is the machine's.
 */
import { closeSync, existsSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, InfraError, type SourceLocation } from '../core/errors.js';
import { describeFsError, isStorageFailure, makeDirs } from '../core/fs-errors.js';
import { isRunning, selfIdentity } from '../core/process-identity.js';
import { privateTempPath } from '../core/temp-path.js';

export const LOCK_FILE = '.qfi-lock';
export const MANIFEST_FILE = '.qfi-files';

export interface ResultsFolder {
  readonly dir: string;
  /** Ends the claim: the lock goes, the manifest stays for the next run. */
  release(): void;
}

interface LockRecord {
  pid: number;
  start: string;
  mode: string;
  since: string;
}

export interface ClaimOptions {
  /** What the run is, for the message a second run gets: `run`, `campaign`, `qtest`. */
  mode: string;
  /** Where the folder was named (default: the `results-dir` input). */
  location?: SourceLocation;
}

/** Claims `dir` for this run and clears the `names` earlier qfi runs wrote there. */
export function claimResultsFolder(dir: string, names: readonly string[], opts: ClaimOptions): ResultsFolder {
  const location = opts.location ?? { input: 'results-dir' };
  makeFolder(dir, location);
  const lock = join(dir, LOCK_FILE);
  takeLock(lock, dir, opts.mode, location);
  try {
    const earlier = readManifest(dir);
    const foreign = names.filter((name) => !earlier.has(name) && existsSync(join(dir, name)));
    if (foreign.length) {
      throw new ConfigError(
        `results-dir ${dir} already holds ${listNames(foreign)}, which no earlier qfi run wrote there (${MANIFEST_FILE} does not list ${foreign.length === 1 ? 'it' : 'them'}): qfi will not overwrite ${foreign.length === 1 ? 'it' : 'them'}`,
        { location, hint: 'give the run a folder of its own (a new or empty results-dir), or move those files away' },
      );
    }
    for (const name of earlier) if (!name.includes('/') && name !== '..' && name !== '.') removeQuietly(join(dir, name));
    writeManifest(dir, new Set(names), location);
    return {
      dir,
      release: () => releaseLock(lock),
    };
  } catch (err) {
    releaseLock(lock);
    throw err;
  }
}

function makeFolder(dir: string, location: SourceLocation): void {
  try {
    makeDirs(dir);
  } catch (err) {
    throw folderError(err, dir, location, 'cannot be created');
  }
  if (!statSync(dir).isDirectory()) {
    throw new ConfigError(`results-dir ${dir} is not a folder`, { location, hint: 'name a folder (it is created when missing)' });
  }
}

function takeLock(lock: string, dir: string, mode: string, location: SourceLocation): void {
  const me = selfIdentity();
  const record: LockRecord = { pid: me.pid, start: me.start, mode, since: new Date().toISOString() };
  for (let attempt = 0; attempt < 3; attempt++) {
    let fd: number;
    try {
      fd = openSync(lock, 'wx', 0o644);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw folderError(err, dir, location, 'is not writable');
      const owner = readLock(lock);
      if (owner && isRunning(owner)) {
        throw new ConfigError(`results-dir ${dir} is in use by another qfi ${owner.mode} (pid ${owner.pid}, since ${owner.since})`, {
          location,
          hint: `give each run its own results-dir (runs at the same time would mix their results); if no qfi runs there, remove ${lock}`,
        });
      }
      // The owner is gone: move its lock away (only one taker's rename succeeds), then try again.
      try {
        renameSync(lock, privateTempPath(lock));
      } catch {
        // another run took it over first; the next attempt sees its lock
      }
      for (const stale of staleLockCopies(dir)) removeQuietly(stale);
      continue;
    }
    try {
      writeSync(fd, `${JSON.stringify(record)}\n`);
    } catch (err) {
      closeSync(fd);
      releaseLock(lock);
      throw folderError(err, dir, location, 'is not writable');
    }
    closeSync(fd);
    return;
  }
  throw new InfraError(`could not lock results-dir ${dir}: its lock ${lock} kept changing hands`, { hint: 'another qfi is starting there; try again' });
}

function readLock(lock: string): LockRecord | undefined {
  try {
    const r = JSON.parse(readFileSync(lock, 'utf8')) as Partial<LockRecord>;
    if (typeof r.pid !== 'number') return undefined;
    return { pid: r.pid, start: typeof r.start === 'string' ? r.start : '', mode: r.mode ?? 'run', since: r.since ?? 'an unknown time' };
  } catch {
    // Half-written (its writer was killed between create and write): no owner to respect.
    return undefined;
  }
}

function staleLockCopies(dir: string): string[] {
  // privateTempPath(lock) = `.qfi-lock.<pid>-<hex>.tmp`
  try {
    return readdirSync(dir)
      .filter((n) => n.startsWith(`${LOCK_FILE}.`) && n.endsWith('.tmp'))
      .map((n) => join(dir, n));
  } catch {
    return [];
  }
}

function releaseLock(lock: string): void {
  try {
    const owner = readLock(lock);
    const me = selfIdentity();
    if (!owner || (owner.pid === me.pid && owner.start === me.start)) unlinkSync(lock);
  } catch {
    // already gone
  }
}

function readManifest(dir: string): Set<string> {
  try {
    const names = (JSON.parse(readFileSync(join(dir, MANIFEST_FILE), 'utf8')) as { files?: unknown }).files;
    return new Set(Array.isArray(names) ? names.filter((n): n is string => typeof n === 'string') : []);
  } catch {
    return new Set();
  }
}

function writeManifest(dir: string, names: ReadonlySet<string>, location: SourceLocation): void {
  const file = join(dir, MANIFEST_FILE);
  const tmp = privateTempPath(file);
  try {
    writeFileSync(tmp, `${JSON.stringify({ writtenBy: 'qfi', files: [...names].sort() }, null, 2)}\n`);
    renameSync(tmp, file);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw folderError(err, dir, location, 'is not writable');
  }
}

/** A folder problem in the user's terms: their setting when the place is wrong, the machine's when the disk is full. */
function folderError(err: unknown, dir: string, location: SourceLocation, what: string): Error {
  const reason = describeFsError(err);
  if (isStorageFailure(err)) {
    return new InfraError(`results-dir ${dir} ${what}: ${reason}`, {
      hint: 'free space on that file system, or give a results-dir on another one',
      cause: err,
    });
  }
  return new ConfigError(`results-dir ${dir} ${what}: ${reason}`, {
    location,
    hint: 'give a results-dir in a place you can write (it is created when missing), like ./qfi-results',
    cause: err,
  });
}

function removeQuietly(path: string): void {
  try {
    rmSync(path, { recursive: true, force: true, maxRetries: 3 });
  } catch {
    // left; the run writes over it or beside it
  }
}

function listNames(names: readonly string[]): string {
  const shown = names.slice(0, 5).join(', ');
  return names.length > 5 ? `${shown} and ${names.length - 5} more` : shown;
}
