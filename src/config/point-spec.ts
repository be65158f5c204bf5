/**
 * The fault points a campaign covers: `points` input lines (`storage.read`,
 * `block.read[disk=data] actions=fail,fail-after:2`) and `[[fault_injection.points]]` tables
 * (`name`, `actions`), each checked by parsing the rules it will make.
 */
import { QfiError } from '../core/errors.js';
import { parseRule, printAction, printPoint, type Rule } from '../rules/index.js';
import { ValueProblem } from './parse-values.js';

export interface PointSpec {
  /** Canonical point with its parameters: `block.read[disk=data]`. */
  point: string;
  /** Canonical actions for this point; undefined: the campaign's `actions`. */
  actions: string[] | undefined;
}

const POINT_HINT = 'write a point as `storage.read` or `block.read[disk=data]`, optionally followed by its actions: `storage.read actions=fail,fail-after:2`';

/** Parses `point=action` for a point line; a rule error becomes a value problem of the line. */
export function ruleFor(point: string, action: string): Rule {
  try {
    return parseRule(`${point}=${action}`);
  } catch (err) {
    if (err instanceof QfiError) throw new ValueProblem(err.message, err.hint);
    throw err;
  }
}

/** Splits `point[params with spaces] rest` at the first blank outside brackets. */
function splitPointLine(line: string): { point: string; rest: string } {
  let depth = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '[') depth++;
    else if (c === ']') depth--;
    else if ((c === ' ' || c === '\t') && depth === 0) return { point: line.slice(0, i), rest: line.slice(i + 1).trim() };
  }
  return { point: line, rest: '' };
}

export function pointFrom(pointText: string, actions: string[] | undefined): PointSpec {
  if (pointText.trim() === '') throw new ValueProblem('empty point', POINT_HINT);
  const rule = ruleFor(pointText.trim(), actions?.[0] ?? 'fail');
  const point = printPoint(rule);
  if (actions !== undefined && actions.length === 0) throw new ValueProblem(`point ${point}: actions= names no action`, POINT_HINT);
  const canonical = actions?.map((a) => printAction(ruleFor(point, a).action));
  return { point, actions: canonical };
}

export function printPointLine(spec: PointSpec): string {
  return spec.actions ? `${spec.point} actions=${spec.actions.join(',')}` : spec.point;
}

/** A `[[fault_injection.points]]` table. */
export function pointFromTable(table: Record<string, unknown>): PointSpec {
  for (const key of Object.keys(table)) {
    if (key !== 'name' && key !== 'actions')
      throw new ValueProblem(`unknown point key \`${key}\``, 'a [[fault_injection.points]] table has `name` and, optionally, `actions` (a list of strings)');
  }
  const { name, actions } = table;
  if (typeof name !== 'string') throw new ValueProblem('a point needs `name`, a string such as "storage.read"', POINT_HINT);
  if (actions !== undefined && (!Array.isArray(actions) || actions.some((a) => typeof a !== 'string'))) {
    throw new ValueProblem('`actions` must be a list of strings, like ["fail", "fail-after:2"]', POINT_HINT);
  }
  return pointFrom(name, actions as string[] | undefined);
}

/** One `points` input line. */
export function parsePointLine(line: string): PointSpec {
  const { point, rest } = splitPointLine(line.trim());
  if (rest === '') return pointFrom(point, undefined);
  const m = /^actions\s*=\s*(.*)$/.exec(rest);
  if (!m) throw new ValueProblem(`bad point line ${JSON.stringify(line)}: expected \`actions=...\` after the point, found ${JSON.stringify(rest)}`, POINT_HINT);
  return pointFrom(
    point,
    m[1]!.split(',').map((a) => a.trim()),
  );
}
