/**
 * `qfi parse LOG…`: the KTAP and TAP results in console logs or result files (a qfi run's
 * console.log, a kernelci or LAVA log, a kselftest or TAP file), read by the parser the runs use.
 * Prints a tree (or one JSON object per file), writes JUnit on request, and exits 0 only when
 * every file passed, as `kunit.py parse` does.
 *
 * A qfi results folder's console.log is read as the run read it: under the run's scenario, its
 * cases pointing where the run's did, so the JUnit is the run's KTAP JUnit.
 */
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { ExitCode, InfraError, UsageError } from '../core/errors.js';
import { readKtapFile } from '../observe/ktap-console.js';
import { parseKtap, type KtapReport } from '../observe/ktap.js';
import { ktapSuites } from '../report/junit-ktap.js';
import { renderJUnit, type JUnitSuite } from '../report/junit-xml.js';
import { ktapFileJson } from '../report/ktap-json.js';
import { ktapTreeText } from '../report/ktap-tree.js';
import { REPORT_FILES, RESULTS_FILES } from '../core/results-layout.js';

export interface ParseOptions {
  /** Paths, or `-` for standard input. */
  files: readonly string[];
  json: boolean;
  /** Where to write JUnit, if anywhere. */
  junit: string | undefined;
  /** The scenario name in JUnit names (default: qfi's run's own, else the file's name). */
  name: string | undefined;
  cwd: string;
  readStdin: () => string;
}

export interface ParseOutcome {
  code: number;
  /** Lines for standard output. */
  lines: string[];
  reports: Array<{ file: string; report: KtapReport | undefined }>;
}

/** What a qfi run recorded beside its console.log: its scenario and where its KTAP cases point. */
interface RunContext {
  scenario: string;
  location: { file?: string; line?: number };
}

function runContext(consoleLog: string): RunContext | undefined {
  if (basename(consoleLog) !== RESULTS_FILES.console) return undefined;
  const summary = join(dirname(consoleLog), REPORT_FILES.summaryJson);
  if (!existsSync(summary)) return undefined;
  try {
    const json = JSON.parse(readFileSync(summary, 'utf8')) as { scenario?: unknown; ktap?: { caseLocation?: { file?: string; line?: number } | null } | null };
    if (typeof json.scenario !== 'string') return undefined;
    return { scenario: json.scenario, location: json.ktap?.caseLocation ?? {} };
  } catch {
    return undefined;
  }
}

/** A path as messages and JUnit show it: relative to the working folder when inside it. */
function shownPath(file: string, cwd: string): string {
  const rel = relative(cwd, resolve(cwd, file));
  return rel && !rel.startsWith('..') ? rel : resolve(cwd, file);
}

/** The file's name without its extension, as a scenario name: `dmesg` for dmesg.log. */
function fileScenario(file: string): string {
  return file === '-' ? 'stdin' : basename(file).replace(/\.[^.]*$/, '') || basename(file);
}

function readOne(file: string, cwd: string, readStdin: () => string): KtapReport | undefined {
  if (file === '-') return parseKtap(readStdin(), 'stdin');
  const path = resolve(cwd, file);
  let st;
  try {
    st = statSync(path);
  } catch {
    throw new UsageError(`log file ${file} does not exist`, { hint: 'qfi parse LOG… reads console logs or KTAP/TAP files; give - to read standard input' });
  }
  // A FIFO or a device would block or never end: only regular files (and `-`).
  if (!st.isFile()) throw new UsageError(`log file ${file} is not a regular file`, { hint: 'to parse a stream, pipe it: … | qfi parse -' });
  return readKtapFile(path, runContext(path) ? 'console' : shownPath(file, cwd));
}

export function parseLogs(opts: ParseOptions): ParseOutcome {
  if (opts.files.length === 0)
    throw new UsageError('qfi parse needs at least one log', { hint: 'qfi parse console.log [--json] [--junit junit.xml]; - reads standard input' });
  const lines: string[] = [];
  const suites: JUnitSuite[] = [];
  const reports: ParseOutcome['reports'] = [];
  let allPassed = true;
  for (const file of opts.files) {
    const report = readOne(file, opts.cwd, opts.readStdin);
    reports.push({ file, report });
    allPassed &&= report?.status === 'pass';
    if (opts.json) lines.push(JSON.stringify(ktapFileJson(file, report)));
    else lines.push(...ktapTreeText(file, report));
    if (opts.junit && report) {
      const context = file === '-' ? undefined : runContext(resolve(opts.cwd, file));
      const logFile = file === '-' ? undefined : shownPath(file, opts.cwd);
      suites.push(
        ...ktapSuites(report, {
          scenario: opts.name ?? context?.scenario ?? fileScenario(file),
          location: (_stream, test) => context?.location ?? { ...(logFile ? { file: logFile } : {}), ...(test ? { line: test.line } : {}) },
        }),
      );
    }
  }
  if (opts.junit) {
    const target = resolve(opts.cwd, opts.junit);
    try {
      writeFileSync(target, renderJUnit('qfi parse', suites));
    } catch (err) {
      throw new InfraError(`could not write --junit ${opts.junit}: ${(err as Error).message}`, { hint: 'give a path in a folder that exists and is writable' });
    }
  }
  return { code: allPassed ? ExitCode.pass : ExitCode.testFailed, lines, reports };
}
