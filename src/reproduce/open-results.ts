/**
 * PATH of `qfi reproduce` -> the folder holding the run: a results folder as it is, or an
 * artifact zip unpacked into the new results folder's `original/` (so the rerun sits beside
 * what it reproduces). The original is only read.
 */
import { closeSync, existsSync, mkdirSync, openSync, readSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, normalize, relative, sep } from 'node:path';
import { UsageError } from '../core/errors.js';
import { findRun } from './find-run.js';
import { readZip, ZipFormatError, type ZipEntry } from './read-zip.js';
import { readInputFile } from '../core/input-file.js';

/** Where a zip is unpacked, inside the rerun's results folder. */
export const UNPACKED_ORIGINAL = 'original';

export interface OpenedResults {
  /** Folder holding the run's reproduce.json. */
  dir: string;
  /** The original, for messages: `qfi-results`, `run.zip`, `run.zip: scenarios/x/`. */
  label: string;
  /** A zip's run, unpacked into the replay's results folder. */
  unpacked: boolean;
}

export type ResultsSource = { kind: 'folder'; path: string } | { kind: 'zip'; path: string };

/** What PATH is; a missing PATH or anything else is a usage error naming it. */
export function resultsSource(path: string): ResultsSource {
  if (!existsSync(path))
    throw new UsageError(`${path} does not exist`, { hint: 'give the results folder of a qfi run, or the artifact zip downloaded from GitHub' });
  if (statSync(path).isDirectory()) return { kind: 'folder', path };
  if (isZip(path)) return { kind: 'zip', path };
  throw new UsageError(`${path} is neither a folder nor a zip archive`, {
    hint: 'give the results folder of a qfi run, or the artifact zip downloaded from GitHub',
  });
}

/** A zip starts with a local file header (`PK\x03\x04`), or, when empty, with the end record. */
function isZip(path: string): boolean {
  const head = Buffer.alloc(4);
  const fd = openSync(path, 'r');
  try {
    if (readSync(fd, head, 0, 4, 0) < 4) return false;
  } finally {
    closeSync(fd);
  }
  return head.readUInt32LE(0) === 0x04034b50 || head.readUInt32LE(0) === 0x06054b50;
}

/** `qfi-results` -> `qfi-results-reproduced`; `run.zip` + scenario x -> `run-x-reproduced`. */
export function reproducedName(path: string, scenario: string | undefined): string {
  const stem = basename(path).replace(/\.zip$/i, '');
  return `${stem}${scenario ? `-${scenario}` : ''}-reproduced`;
}

export function openResults(source: ResultsSource, opts: { scenario: string | undefined; resultsDir: string }): OpenedResults {
  if (source.kind === 'folder') {
    const prefix = findRun(listResultFiles(source.path), { scenario: opts.scenario, label: source.path });
    return { dir: join(source.path, prefix), label: prefix ? join(source.path, prefix) : source.path, unpacked: false };
  }
  const label = basename(source.path);
  try {
    // An artifact zip is read whole; 2 GiB is GitHub's largest artifact download in one piece, and what a Buffer holds.
    const zip = readInputFile({ path: source.path, displayPath: source.path, what: 'results zip', maxBytes: 2 * 1024 ** 3 - 1 });
    return unpackRun(readZip(zip), label, opts);
  } catch (err) {
    if (err instanceof ZipFormatError)
      throw new UsageError(`${source.path}: ${err.message}`, { hint: 'download the artifact again; a zip cut off mid-download cannot be read' });
    throw err;
  }
}

/** The run's entries of the zip, written under `<resultsDir>/original/`. */
function unpackRun(entries: ZipEntry[], label: string, opts: { scenario: string | undefined; resultsDir: string }): OpenedResults {
  const prefix = findRun(
    entries.map((e) => e.name),
    { scenario: opts.scenario, label },
  );
  const dest = join(opts.resultsDir, UNPACKED_ORIGINAL);
  rmSync(dest, { recursive: true, force: true });
  mkdirSync(dest, { recursive: true });
  for (const entry of entries) {
    if (!entry.name.startsWith(prefix) || entry.name.endsWith('/')) continue;
    const name = entry.name.slice(prefix.length);
    const target = join(dest, normalize(name));
    const rel = relative(dest, target);
    if (isAbsolute(name) || rel.startsWith(`..${sep}`) || rel === '..' || isAbsolute(rel))
      throw new UsageError(`${label}: entry ${entry.name} points outside the archive's folder`, {
        hint: "this zip was not written by GitHub's artifact upload; unpack it yourself and give the folder",
      });
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, entry.read());
  }
  return { dir: dest, label: prefix ? `${label}: ${prefix}` : label, unpacked: true };
}

/**
 * The files findRun looks for (reproduce.json, summary.json, campaign.json), as paths relative
 * to `root`, down to a campaign scenario one folder down (4 levels).
 */
function listResultFiles(root: string, prefix = '', depth = 0): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(join(root, prefix), { withFileTypes: true })) {
    const name = `${prefix}${entry.name}`;
    if (entry.isDirectory() && depth < 3) out.push(...listResultFiles(root, `${name}/`, depth + 1));
    else if (entry.isFile() && /^(reproduce|summary|campaign)\.json$/.test(entry.name)) out.push(name);
  }
  return out;
}
