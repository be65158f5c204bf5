/**
 * The guest SDK's shared test vectors (guest/sdk/vectors.json): their types and qfi's own model
 * of them (the runner's rule parser + src/rules/guest-decide.ts). scripts/write-sdk-vectors.mjs
 * records the file from the model (and bundles this file, so it imports no packages).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { QfiError } from '../../src/core/errors.js';
import { decideGuestCall, type PointCounts } from '../../src/rules/guest-decide.js';
import { canonicalRulesText, mergeRules, parseRule, parseRuleLines, printRule } from '../../src/rules/index.js';
import type { Rule } from '../../src/rules/model.js';

const repo = new URL('../..', import.meta.url).pathname;
export const sdkDir = join(repo, 'guest/sdk');
export const sdkVectorsPath = join(sdkDir, 'vectors.json');

export interface SdkCall {
  point: string;
  fail: boolean;
  delayMs: number;
}

/** Rules and calls of one run; the expected results are in the vector kinds below. */
export interface SdkRunInput {
  name: string;
  /** The rules text byte for byte (what the runner writes into the fw_cfg file). */
  rules: string;
  seed: number;
  /** Points registered (QFI-POINT:name) before any call, in order. */
  register: string[];
}

export interface DecisionVector extends SdkRunInput {
  /** The text is exactly what the runner writes for some inputs (canonicalRulesText of merged rules). */
  canonical: boolean;
  calls: SdkCall[];
  /** Final counts of every point registered or called. */
  counts: Record<string, PointCounts>;
}

export interface MalformedVector {
  name: string;
  rules: string;
  line: number;
  column: number;
  /** The runner's message without its `bad rule "...": ` prefix; the SDKs print the same words. */
  message: string;
}

/** The SDKs' fixed-storage limits (not part of the model): expected results given by hand. */
export interface LimitVector extends SdkRunInput {
  calls: SdkCall[];
  /** Results of the `register` calls: ok, name or limit. */
  registerStatus: string[];
  /** The init error, when the rules text goes over a limit. */
  error?: { kind: 'limit'; line: number; column: number };
  /** The QFI-POINT report lines, in order. */
  report: string[];
  /** Words that must appear in a `qfi:` line the SDK printed (the limit, reported once). */
  printed: string[];
}

export interface SdkVectorFile {
  about: string;
  limits: { maxPoints: number; maxRules: number; maxName: number; maxRulesText: number };
  decisions: DecisionVector[];
  malformed: MalformedVector[];
  limitCases: LimitVector[];
}

export function loadSdkVectors(): SdkVectorFile {
  return JSON.parse(readFileSync(sdkVectorsPath, 'utf8')) as SdkVectorFile;
}

/** The fw_cfg text the runner writes for rules given in groups (config file, then action input). */
export function runnerRulesText(groups: string[][]): string {
  return canonicalRulesText(mergeRules(groups.map((g) => g.flatMap((r) => parseRuleLines(r)))));
}

/** Whether the text is the runner's own output: merging and printing its rules gives it back. */
export function isCanonicalRulesText(text: string): boolean {
  try {
    return canonicalRulesText(mergeRules([parseRuleLines(text)])) === text;
  } catch {
    return false;
  }
}

/** Every line is one printed rule and nothing else (duplicates allowed): what guest/qfi-fault.sh reads. */
export function isPrintedRuleLines(text: string): boolean {
  if (text !== '' && !text.endsWith('\n')) return false;
  try {
    return text
      .split('\n')
      .slice(0, -1)
      .every((line) => printRule(parseRule(line)) === line);
  } catch {
    return false;
  }
}

/** The model: the runner's parser, the last rule per point, decideGuestCall per call. */
export function runOnModel(input: SdkRunInput, points: string[]): { calls: SdkCall[]; counts: Record<string, PointCounts> } {
  const rules = new Map<string, Rule>();
  for (const rule of parseRuleLines(input.rules)) rules.set(rule.point, rule);
  const counts: Record<string, PointCounts> = {};
  for (const p of input.register) counts[p] ??= { calls: 0, fails: 0 };
  const calls = points.map((point) => {
    const d = decideGuestCall(rules.get(point), point, counts[point] ?? { calls: 0, fails: 0 }, input.seed);
    counts[point] = d.after;
    return { point, fail: d.fail, delayMs: d.delayMs };
  });
  return { calls, counts };
}

/** The runner's error for a malformed text: position and message without the rule prefix. */
export function modelParseError(rules: string): { line: number; column: number; message: string } | undefined {
  try {
    parseRuleLines(rules);
    return undefined;
  } catch (err) {
    if (!(err instanceof QfiError) || err.location?.line === undefined || err.location.column === undefined) throw err;
    const { line, column } = err.location;
    const text = (rules.split('\n')[line - 1] ?? '').replace(/\r$/, '');
    const prefix = `bad rule ${JSON.stringify(text.replace(/^[ \t]+|[ \t]+$/g, ''))}: `;
    if (!err.message.startsWith(prefix)) throw new Error(`unexpected message shape: ${err.message}`);
    return { line, column, message: err.message.slice(prefix.length) };
  }
}
