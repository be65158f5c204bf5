/**
 * Where in the user's repository the reports should point: the file and line of each rule and
 * of the test command, for JUnit `file`/`line` attributes (publishers turn them into
 * annotations). The file is the config file, else the workflow that runs qfi; paths are
 * relative to the workspace, as publishers resolve them against the repository root.
 */
import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { printPoint, printRule, type Rule } from '../rules/index.js';

export interface SourceRef {
  /** Relative to the workspace, `/`-separated. */
  file: string;
  /** 1-based. */
  line: number;
}

export interface ReportSources {
  /** The file reports point at by default (line 1 when nothing better is known). */
  main: SourceRef | undefined;
  command: SourceRef | undefined;
  resultsFile: SourceRef | undefined;
  /** By canonical rule text (`printRule`). */
  rules: Record<string, SourceRef>;
}

/** A rule with where it was written, when that is a file line (the config or a rules file). */
export interface LocatedRule {
  rule: Rule;
  at: { file?: string; line?: number } | undefined;
}

export interface SourceFacts {
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Absolute path of the config file, if one was read. */
  configFile: string | undefined;
  /** Rules in merge order (a later rule for the same point wins, as mergeRules does). */
  rules: readonly LocatedRule[];
  /** Where `command` / `results-file` were set, when a file line (from the config file). */
  commandAt: { file?: string; line?: number } | undefined;
  resultsFileAt: { file?: string; line?: number } | undefined;
  command: string | undefined;
  resultsFile: string | undefined;
}

/**
 * The workspace publishers resolve paths against: GITHUB_WORKSPACE on a runner when qfi runs
 * inside it, else the working directory.
 */
function workspaceOf(facts: { cwd: string; env: NodeJS.ProcessEnv }): string {
  const ws = facts.env.GITHUB_WORKSPACE;
  return ws && isAbsolute(ws) && (facts.cwd === ws || inWorkspace(facts.cwd, ws) !== undefined) ? ws : facts.cwd;
}

/** `path` relative to the workspace, `/`-separated; undefined outside it. */
export function workspaceRelative(path: string, where: { cwd: string; env: NodeJS.ProcessEnv }): string | undefined {
  return inWorkspace(resolve(where.cwd, path), workspaceOf(where));
}

function inWorkspace(path: string, workspace: string): string | undefined {
  const rel = relative(workspace, path);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return undefined;
  return rel.split(sep).join('/');
}

/** `.github/workflows/ci.yml` from GITHUB_WORKFLOW_REF (`owner/repo/.github/workflows/ci.yml@refs/…`), when checked out. */
function workflowFile(env: NodeJS.ProcessEnv, workspace: string): string | undefined {
  const ref = env.GITHUB_WORKFLOW_REF;
  const repo = env.GITHUB_REPOSITORY;
  if (!ref || !repo || !ref.startsWith(`${repo}/`)) return undefined;
  const path = ref.slice(repo.length + 1).replace(/@[^@]*$/, '');
  return path && existsSync(join(workspace, path)) ? path : undefined;
}

/** 1-based line of the first line holding `needle`, or undefined. */
function lineHolding(lines: readonly string[], needle: string): number | undefined {
  if (needle.trim() === '') return undefined;
  const i = lines.findIndex((l) => l.includes(needle));
  return i < 0 ? undefined : i + 1;
}

export function reportSources(facts: SourceFacts): ReportSources {
  const workspace = workspaceOf(facts);
  const configRel = facts.configFile ? inWorkspace(facts.configFile, workspace) : undefined;
  const mainFile = configRel ?? workflowFile(facts.env, workspace);
  let lines: string[] = [];
  if (mainFile) {
    try {
      lines = readFileSync(join(workspace, mainFile), 'utf8').split('\n');
    } catch {
      lines = [];
    }
  }
  const main = mainFile ? { file: mainFile, line: 1 } : undefined;
  // A line of the config file when the setting came from it; else the first line holding the text.
  const locate = (at: { file?: string; line?: number } | undefined, ...needles: Array<string | undefined>): SourceRef | undefined => {
    if (at?.line !== undefined && at.file !== undefined) {
      const file = inWorkspace(resolve(facts.cwd, at.file), workspace);
      if (file) return { file, line: at.line };
    }
    if (!mainFile) return undefined;
    for (const needle of needles) {
      const line = needle === undefined ? undefined : lineHolding(lines, needle);
      if (line !== undefined) return { file: mainFile, line };
    }
    return undefined;
  };

  // Keyed by point like mergeRules, so a rule another one overrode leaves no line behind.
  const byPoint = new Map<string, { text: string; ref: SourceRef | undefined }>();
  for (const { rule, at } of facts.rules) {
    // Campaign scenarios get their rules as inputs: the point in the config's `points` is the line.
    byPoint.set(printPoint(rule), { text: printRule(rule), ref: locate(at, printRule(rule), printPoint(rule), rule.point) });
  }
  const rules: Record<string, SourceRef> = {};
  for (const { text, ref } of byPoint.values()) if (ref) rules[text] = ref;
  const firstCommandLine = facts.command
    ?.split('\n')
    .find((l) => l.trim() !== '')
    ?.trim();
  return {
    main,
    command: locate(facts.commandAt, firstCommandLine),
    resultsFile: locate(facts.resultsFileAt, facts.resultsFile),
    rules,
  };
}
