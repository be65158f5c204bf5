/**
 * Parsing `point=action` rules (RustOS's `[fault_injection]` format) with compiler-style errors:
 * each names the rule, what was expected at the column, and carries a caret location.
 */
import { ConfigError } from '../core/errors.js';
import type { Action, ActionKind, Rule, RuleOrigin } from './model.js';
import { checkHostRule } from './host-rules.js';
import { checkPluginRule } from './plugin-rules.js';
import { printAction } from './print-rule.js';
import { describeAt, locationInText } from './text-position.js';

export const ACTION_KINDS: readonly ActionKind[] = ['off', 'fail', 'drop-every', 'fail-after', 'rate', 'delay-ms'];

/** The guest parses N as a u32. */
export const RULE_COUNT_MAX = 4294967295;

export const RULE_GRAMMAR_HINT =
  'a rule is point=action, e.g. alloc.frame=fail-after:3; point: names of letters, digits, `_` and `-` ' +
  '(each starting with a letter or `_`) joined by `.`; action: off | fail | drop-every:N (N >= 1) | ' +
  'fail-after:N | rate:N (N per 1000, 0..1000) | delay-ms:N; N is an unsigned decimal up to 4294967295';

type CountedKind = Exclude<ActionKind, 'off' | 'fail'>;

/** Valid range of N per action, and the message when N is outside it. */
const COUNTED: Record<CountedKind, { min: number; max: number; range: string; make: (n: number) => Action }> = {
  'drop-every': {
    min: 1,
    max: RULE_COUNT_MAX,
    range: `drop-every fails every Nth call, expected N in 1..${RULE_COUNT_MAX}`,
    make: (n) => ({ kind: 'drop-every', n }),
  },
  'fail-after': {
    min: 0,
    max: RULE_COUNT_MAX,
    range: `N out of range, expected 0..${RULE_COUNT_MAX}`,
    make: (n) => ({ kind: 'fail-after', n }),
  },
  rate: { min: 0, max: 1000, range: 'rate is per 1000, expected 0..1000', make: (n) => ({ kind: 'rate', perMille: n }) },
  'delay-ms': {
    min: 0,
    max: RULE_COUNT_MAX,
    range: `N out of range, expected 0..${RULE_COUNT_MAX}`,
    make: (n) => ({ kind: 'delay-ms', ms: n }),
  },
};

const isWs = (c: string | undefined): boolean => c === ' ' || c === '\t';
const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';
const isNameStart = (c: string | undefined): boolean => c !== undefined && /^[A-Za-z_]$/.test(c);
const isNameChar = (c: string | undefined): boolean => c !== undefined && /^[A-Za-z0-9_-]$/.test(c);
/** Parameter values: addresses, counts, `insn:N`, `pc:0xADDR#K`, ranges `a-b;c-d`, hex bytes, names. */
const isParamValueChar = (c: string | undefined): boolean => c !== undefined && /^[A-Za-z0-9_.:#+;/-]$/.test(c);
const PARAMS_HINT = 'parameters go in brackets after the point, separated by spaces: mem.flip[addr=0x100000 mask=0x8 at=insn:5000000]=fail';
const isActionKind = (s: string): s is ActionKind => (ACTION_KINDS as readonly string[]).includes(s);

/** Parses one rule; whitespace is allowed at both ends and around the point, `=` and `:`. */
export function parseRule(text: string, origin: RuleOrigin = {}, opts: { guestOwn?: boolean } = {}): Rule {
  const scan = new RuleScanner(text, origin);
  scan.skipWs();
  if (scan.atEnd()) scan.fail(scan.i, 'empty rule, expected point=action');
  if (text[scan.i] === '=') scan.fail(scan.i, 'empty point, expected a point name like alloc.frame before `=`');
  const point = readPoint(scan);
  const params = text[scan.i] === '[' ? readParams(scan) : undefined;
  const eqEnd = readEquals(scan, point.name, params?.end ?? point.end);
  const { kind, nameStart } = readActionName(scan, eqEnd);
  const action = readActionCount(scan, kind);
  scan.skipWs();
  if (!scan.atEnd()) scan.fail(scan.i, `unexpected ${scan.found(scan.i)} after \`${point.name}=${printAction(action)}\`, expected end of rule`);
  const rule: Rule = params ? { point: point.name, params: params.values, action } : { point: point.name, action };
  // The guest's own rules are its business: no host layer checks them.
  if (opts.guestOwn) return { ...rule, guest: true };
  // Layer-specific checks (plugin and host points): the error goes under the parameter at fault.
  const problem = checkPluginRule(rule) ?? checkHostRule(rule);
  if (problem) {
    const offset =
      problem.param !== undefined
        ? ((problem.onKey ? params?.keyAt : params?.valueAt)?.[problem.param] ?? point.start)
        : problem.onAction
          ? nameStart
          : point.start;
    scan.fail(offset, problem.message, problem.hint);
  }
  return rule;
}

/** A position in a rule's text, and errors that point at an offset in it. */
class RuleScanner {
  i = 0;

  constructor(
    readonly text: string,
    private readonly origin: RuleOrigin,
  ) {}

  atEnd(): boolean {
    return this.i === this.text.length;
  }

  found(at: number): string {
    return describeAt(this.text, at, 'end of rule');
  }

  fail(offset: number, what: string, hint = RULE_GRAMMAR_HINT): never {
    throw new ConfigError(`bad rule ${JSON.stringify(this.text.replace(/^[ \t]+|[ \t]+$/g, ''))}: ${what}`, {
      hint,
      location: locationInText(this.origin, this.text, offset),
    });
  }

  /** At the end of the text the caret goes right after the last token, where the missing part belongs. */
  here(tokenEnd: number): number {
    return this.atEnd() ? tokenEnd : this.i;
  }

  skipWs(): void {
    while (isWs(this.text[this.i])) this.i++;
  }
}

/** The dotted point name, where it starts and ends. */
function readPoint(scan: RuleScanner): { name: string; start: number; end: number } {
  const { text } = scan;
  const start = scan.i;
  for (;;) {
    if (!isNameStart(text[scan.i])) {
      scan.fail(
        scan.i,
        scan.i === start
          ? `expected a point name starting with a letter or \`_\`, found ${scan.found(scan.i)}`
          : `expected a name (starting with a letter or \`_\`) after \`.\`, found ${scan.found(scan.i)}`,
      );
    }
    while (isNameChar(text[scan.i])) scan.i++;
    if (text[scan.i] !== '.') break;
    scan.i++;
  }
  return { name: text.slice(start, scan.i), start, end: scan.i };
}

interface ParamsRead {
  values: Record<string, string>;
  /** Offsets of each value and each key, for errors about one parameter. */
  valueAt: Record<string, number>;
  keyAt: Record<string, number>;
  end: number;
}

/** `[key=value ...]` after the point. */
function readParams(scan: RuleScanner): ParamsRead {
  const { text } = scan;
  const read: ParamsRead = { values: {}, valueAt: {}, keyAt: {}, end: 0 };
  scan.i++;
  for (;;) {
    scan.skipWs();
    if (text[scan.i] === ']') {
      if (Object.keys(read.values).length === 0) scan.fail(scan.i, 'empty parameter list `[]`, expected key=value inside the brackets or no brackets');
      scan.i++;
      break;
    }
    if (scan.atEnd()) scan.fail(scan.i, 'missing `]` to close the parameter list');
    readParam(scan, read);
  }
  read.end = scan.i;
  return read;
}

function readParam(scan: RuleScanner, read: ParamsRead): void {
  const { text } = scan;
  const keyStart = scan.i;
  if (!/^[a-z]$/.test(text[scan.i] ?? '')) scan.fail(scan.i, `expected a parameter name (a lowercase letter first), found ${scan.found(scan.i)}`, PARAMS_HINT);
  while (/^[a-z0-9_-]$/.test(text[scan.i] ?? '')) scan.i++;
  const key = text.slice(keyStart, scan.i);
  if (text[scan.i] !== '=') scan.fail(scan.i, `expected \`=\` after parameter \`${key}\`, found ${scan.found(scan.i)}`, PARAMS_HINT);
  scan.i++;
  const valueStart = scan.i;
  while (isParamValueChar(text[scan.i])) scan.i++;
  if (scan.i === valueStart) scan.fail(scan.i, `expected a value for parameter \`${key}\`, found ${scan.found(scan.i)}`, PARAMS_HINT);
  if (Object.hasOwn(read.values, key)) scan.fail(keyStart, `parameter \`${key}\` is given twice`, PARAMS_HINT);
  read.values[key] = text.slice(valueStart, scan.i);
  read.valueAt[key] = valueStart;
  read.keyAt[key] = keyStart;
  if (scan.atEnd()) scan.fail(scan.i, 'missing `]` to close the parameter list');
  if (!isWs(text[scan.i]) && text[scan.i] !== ']')
    scan.fail(scan.i, `unexpected ${scan.found(scan.i)} in the value of \`${key}\`, expected a space or \`]\``, PARAMS_HINT);
}

/** The `=` between the point (ending at `pointEnd`, after any parameters) and the action; returns the offset after it. */
function readEquals(scan: RuleScanner, point: string, pointEnd: number): number {
  scan.skipWs();
  if (scan.atEnd()) scan.fail(pointEnd, `missing \`=\` after point \`${point}\`, expected point=action`);
  if (scan.text[scan.i] !== '=') {
    scan.fail(
      scan.i,
      scan.i === pointEnd
        ? `unexpected ${scan.found(scan.i)} in point name, expected letters, digits, \`_\`, \`-\`, \`.\` or \`=\``
        : `expected \`=\` after point \`${point}\`, found ${scan.found(scan.i)}`,
    );
  }
  scan.i++;
  return scan.i;
}

function readActionName(scan: RuleScanner, eqEnd: number): { kind: ActionKind; nameStart: number } {
  scan.skipWs();
  const nameStart = scan.i;
  // Read any name-like word so typos (`fial`, `drop_every`) get a suggestion rather than a char error.
  while (isNameChar(scan.text[scan.i])) scan.i++;
  const name = scan.text.slice(nameStart, scan.i);
  if (name === '') scan.fail(scan.here(eqEnd), `expected an action (${ACTION_KINDS.join(', ')}), found ${scan.found(scan.i)}`);
  if (!isActionKind(name)) {
    const guess = closestActionKind(name);
    scan.fail(
      nameStart,
      `unknown action \`${name}\`, expected one of ${ACTION_KINDS.join(', ')}`,
      guess === undefined ? RULE_GRAMMAR_HINT : `did you mean \`${guess}\`? ${RULE_GRAMMAR_HINT}`,
    );
  }
  return { kind: name as ActionKind, nameStart };
}

/** `:N` after a counted action (none after `off` and `fail`). */
function readActionCount(scan: RuleScanner, kind: ActionKind): Action {
  const { text } = scan;
  const nameEnd = scan.i;
  scan.skipWs();
  if (kind === 'off' || kind === 'fail') {
    if (text[scan.i] === ':') scan.fail(scan.i, `\`${kind}\` takes no \`:N\`, expected end of rule`);
    return { kind };
  }
  const spec = COUNTED[kind];
  if (text[scan.i] !== ':')
    scan.fail(scan.here(nameEnd), `expected \`:N\` after \`${kind}\` (e.g. ${kind}:${Math.max(spec.min, 1)}), found ${scan.found(scan.i)}`);
  scan.i++;
  const colonEnd = scan.i;
  scan.skipWs();
  const numStart = scan.i;
  while (isDigit(text[scan.i])) scan.i++;
  if (scan.i === numStart) scan.fail(scan.here(colonEnd), `expected an unsigned decimal number after \`${kind}:\`, found ${scan.found(scan.i)}`);
  const digits = text.slice(numStart, scan.i).replace(/^0+(?=\d)/, '');
  // Longer than 10 digits is past u32 anyway; shorter ones are exact as a double.
  const n = digits.length > 10 ? Infinity : Number(digits);
  if (n < spec.min || n > spec.max) scan.fail(numStart, spec.range);
  return spec.make(n);
}

/**
 * One rule per line (the `faults` action input, a TOML multi-line string). Blank lines and lines
 * starting with `#` are skipped. `origin` locates the text's first character; later lines start
 * at column 1 of the following source lines.
 */
export function parseRuleLines(text: string, origin: RuleOrigin = {}): Rule[] {
  const rules: Rule[] = [];
  const firstLine = origin.line ?? 1;
  text.split('\n').forEach((raw, index) => {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (/^[ \t]*(#|$)/.test(line)) return;
    const lineOrigin: RuleOrigin = index === 0 ? { ...origin, line: firstLine } : { ...origin, line: firstLine + index, column: 1, sourceLine: undefined };
    rules.push(parseRule(line, lineOrigin));
  });
  return rules;
}

/** The known action closest to a typo, if any is close enough to be a plausible intent. */
export function closestActionKind(word: string): ActionKind | undefined {
  const lower = word.toLowerCase().replace(/_/g, '-');
  let best: ActionKind | undefined;
  let bestDistance = Infinity;
  for (const kind of ACTION_KINDS) {
    // A prefix (`drop`, `delay`) is an unfinished name, not a typo.
    const d = kind.startsWith(lower) && lower.length >= 3 ? 0 : editDistance(lower, kind);
    if (d < bestDistance && d <= Math.max(1, Math.floor(kind.length / 3))) {
      best = kind;
      bestDistance = d;
    }
  }
  return best;
}

/** Damerau-Levenshtein (optimal string alignment), so a swap like `fial` costs 1. */
function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, r) => Array.from({ length: b.length + 1 }, (_, c) => (r === 0 ? c : c === 0 ? r : 0)));
  const at = (r: number, c: number): number => d[r]?.[c] ?? Infinity;
  for (let r = 1; r <= a.length; r++) {
    for (let c = 1; c <= b.length; c++) {
      const cost = a[r - 1] === b[c - 1] ? 0 : 1;
      let v = Math.min(at(r - 1, c) + 1, at(r, c - 1) + 1, at(r - 1, c - 1) + cost);
      if (r > 1 && c > 1 && a[r - 1] === b[c - 2] && a[r - 2] === b[c - 1]) v = Math.min(v, at(r - 2, c - 2) + 1);
      (d[r] as number[])[c] = v;
    }
  }
  return at(a.length, b.length);
}
