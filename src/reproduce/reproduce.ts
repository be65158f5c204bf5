/**
 * `qfi reproduce PATH`: the run recorded in a results folder or artifact zip, run again on
 * this machine into a new results folder, then compared with the original. The original is
 * only read.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { ConfigError, UsageError } from '../core/errors.js';
import type { Host } from '../core/host.js';
import { runPipeline, type PipelineResult } from '../modes/run-pipeline.js';
import type { RawInputs } from '../config/index.js';
import { REPRODUCE_FILES, type ReproduceManifest } from '../report/reproduce-record.js';
import { compareRuns, describeComparison, type Comparison } from './compare-runs.js';
import { openResults, reproducedName, resultsSource, UNPACKED_ORIGINAL, type OpenedResults, type ResultsSource } from './open-results.js';
import { planRerun } from './plan-rerun.js';
import { readRunFacts } from './run-facts.js';

export interface ReproduceOptions {
  /** The results folder or zip, as given. */
  path: string;
  /** A campaign scenario's id, for a campaign's results. */
  scenario: string | undefined;
  /** Flags given to qfi reproduce; `results-dir` is where the replay goes. */
  overrides: RawInputs;
  cwd: string;
  signal?: AbortSignal;
  echoConsole?: boolean;
}

export interface ReproduceResult {
  original: OpenedResults;
  rerun: PipelineResult;
  /** undefined when the original never finished (no summary.json). */
  comparison: Comparison | undefined;
  /** The comparison as printed: outcome lines, then warnings about what the replay ran with. */
  lines: string[];
  warnings: string[];
  comparisonFile: string;
}

export async function reproduceRun(options: ReproduceOptions, host: Host): Promise<ReproduceResult> {
  const source = resultsSource(resolve(options.cwd, options.path));
  const { 'results-dir': resultsDirFlag, ...overrides } = options.overrides;
  const resultsDir = resultsDirFlag === undefined ? defaultResultsDir(source, options) : resolve(options.cwd, String(resultsDirFlag));
  checkApart(source, resultsDir);
  const original = openResults(source, { scenario: options.scenario, resultsDir });
  const manifest = readManifest(original);
  const originalFacts = readRunFacts(original.dir);

  const plan = planRerun({ manifest, summary: originalFacts?.summary, recordDir: original.dir, cwd: options.cwd, overrides, resultsDir });
  const when = originalFacts?.summary.startedAt ? ` on ${originalFacts.summary.startedAt}` : '';
  host.log.info(
    `reproducing scenario ${manifest.scenario} (seed ${manifest.seed}) from ${original.label}, run by qfi ${manifest.qfi}${when} in ${manifest.cwd}`,
  );
  for (const note of plan.notes) host.log.info(`  ${note}`);
  for (const warning of plan.warnings) host.log.warn(warning);
  if (source.kind === 'folder' && isInside(resolve(options.cwd), source.path)) {
    host.log.warn(
      `the current folder is inside the results being reproduced: the run's relative paths resolve against it; run qfi reproduce (or reproducer.sh) from your checkout of the project`,
    );
  }

  let rerun: PipelineResult;
  try {
    rerun = await runPipeline(
      {
        inputs: plan.inputs,
        cwd: options.cwd,
        ...(plan.configBaseDir ? { configBaseDir: plan.configBaseDir } : {}),
        ...(options.signal ? { signal: options.signal } : {}),
        ...(options.echoConsole ? { echoConsole: true } : {}),
      },
      host,
    );
  } catch (err) {
    throw withReplayHint(err, options.cwd);
  }

  const rerunFacts = readRunFacts(resultsDir);
  const comparison = originalFacts && rerunFacts ? compareRuns(originalFacts, rerunFacts) : undefined;
  const described = comparison
    ? describeComparison(comparison)
    : { lines: ['qfi reproduce: nothing to compare with (the original did not finish)'], warnings: [] };
  const comparisonFile = join(resultsDir, REPRODUCE_FILES.comparison);
  writeFileSync(
    comparisonFile,
    `${JSON.stringify({ original: original.label, originalDir: original.dir, replayDir: resultsDir, ...(comparison ?? { matched: null }) }, null, 2)}\n`,
  );
  return { original, rerun, comparison, lines: described.lines, warnings: described.warnings, comparisonFile };
}

/**
 * `<PATH>-reproduced` in the current folder: beside the user's checkout, never inside the
 * original; next to PATH when the current folder is inside it (reproducer.sh run from there).
 */
function defaultResultsDir(source: ResultsSource, options: ReproduceOptions): string {
  const name = reproducedName(source.path, options.scenario);
  const cwd = resolve(options.cwd);
  return source.kind === 'folder' && isInside(cwd, source.path) ? join(dirname(source.path), name) : join(cwd, name);
}

/** The replay writes into its results folder (and a zip's `original/`): neither may hold the original. */
function checkApart(source: ResultsSource, resultsDir: string): void {
  const clash = source.kind === 'folder' ? isInside(resultsDir, source.path) : isInside(source.path, join(resultsDir, UNPACKED_ORIGINAL));
  if (clash) {
    throw new UsageError(`the replay's results folder ${resultsDir} would overwrite the original ${source.path}`, {
      hint: '--results-dir must be a folder outside the results being reproduced (by default: <PATH>-reproduced in the current folder)',
    });
  }
}

function isInside(path: string, folder: string): boolean {
  const rel = relative(folder, path);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !rel.startsWith(sep) && !/^[A-Za-z]:/.test(rel));
}

function readManifest(original: OpenedResults): ReproduceManifest {
  const file = join(original.dir, REPRODUCE_FILES.manifest);
  let manifest: ReproduceManifest;
  try {
    manifest = JSON.parse(readFileSync(file, 'utf8')) as ReproduceManifest;
  } catch (err) {
    throw new UsageError(`${original.label}: ${REPRODUCE_FILES.manifest} is not valid JSON (${(err as Error).message})`, {
      hint: 'the results are damaged; download the artifact again',
    });
  }
  if (
    typeof manifest.schema !== 'number' ||
    typeof manifest.seed !== 'number' ||
    typeof manifest.scenario !== 'string' ||
    typeof manifest.inputs !== 'object'
  ) {
    throw new UsageError(`${original.label}: ${REPRODUCE_FILES.manifest} lacks schema, scenario, seed or inputs`, {
      hint: 'the results are damaged; download the artifact again',
    });
  }
  for (const copy of [manifest.config?.copy, manifest.rulesFile?.copy]) {
    if (copy !== undefined && !existsSync(join(original.dir, copy))) {
      throw new UsageError(`${original.label}: ${copy} is missing, though ${REPRODUCE_FILES.manifest} lists it`, {
        hint: 'the results are incomplete; download the whole artifact again',
      });
    }
  }
  return manifest;
}

/**
 * A config error in a replay is nearly always a file the config names that this checkout
 * does not have where CI had it: say where relative paths were looked up.
 */
function withReplayHint(err: unknown, cwd: string): unknown {
  if (!(err instanceof ConfigError)) return err;
  const hint = `qfi reproduce resolves the run's relative paths against the current folder (${resolve(cwd)}), as CI did in its workspace: run it from the top of your checkout of the project, at the commit the run was made from`;
  return new ConfigError(err.message, {
    ...(err.location ? { location: err.location } : {}),
    hint: err.hint ? `${err.hint}\nhint: ${hint}` : hint,
    cause: err,
  });
}
