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
  const len = text.length;
  let i = 0;
  const found = (at: number): string => describeAt(text, at, 'end of rule');
  const fail = (offset: number, what: string, hint = RULE_GRAMMAR_HINT): never => {
    throw new ConfigError(`bad rule ${JSON.stringify(text.replace(/^[ \t]+|[ \t]+$/g, ''))}: ${what}`, {
      hint,
      location: locationInText(origin, text, offset),
    });
  };
  // At the end of the text the caret goes right after the last token, where the missing part belongs.
  const here = (tokenEnd: number): number => (i === len ? tokenEnd : i);
  const skipWs = (): void => {
    while (isWs(text[i])) i++;
  };

  skipWs();
  if (i === len) fail(i, 'empty rule, expected point=action');
  if (text[i] === '=') fail(i, 'empty point, expected a point name like alloc.frame before `=`');
  const pointStart = i;
  for (;;) {
    if (!isNameStart(text[i])) {
      fail(
        i,
        i === pointStart
          ? `expected a point name starting with a letter or \`_\`, found ${found(i)}`
          : `expected a name (starting with a letter or \`_\`) after \`.\`, found ${found(i)}`,
      );
    }
    while (isNameChar(text[i])) i++;
    if (text[i] !== '.') break;
    i++;
  }
  const point = text.slice(pointStart, i);
  let pointEnd = i;

  let params: Record<string, string> | undefined;
  const paramAt: Record<string, number> = {};
  const paramKeyAt: Record<string, number> = {};
  if (text[i] === '[') {
    params = {};
    i++;
    for (;;) {
      skipWs();
      if (text[i] === ']') {
        if (Object.keys(params).length === 0) fail(i, 'empty parameter list `[]`, expected key=value inside the brackets or no brackets');
        i++;
        break;
      }
      if (i === len) fail(i, 'missing `]` to close the parameter list');
      const keyStart = i;
      if (!/^[a-z]$/.test(text[i] ?? '')) fail(i, `expected a parameter name (a lowercase letter first), found ${found(i)}`, PARAMS_HINT);
      while (/^[a-z0-9_-]$/.test(text[i] ?? '')) i++;
      const key = text.slice(keyStart, i);
      if (text[i] !== '=') fail(i, `expected \`=\` after parameter \`${key}\`, found ${found(i)}`, PARAMS_HINT);
      i++;
      const valueStart = i;
      while (isParamValueChar(text[i])) i++;
      if (i === valueStart) fail(i, `expected a value for parameter \`${key}\`, found ${found(i)}`, PARAMS_HINT);
      if (Object.hasOwn(params, key)) fail(keyStart, `parameter \`${key}\` is given twice`, PARAMS_HINT);
      params[key] = text.slice(valueStart, i);
      paramAt[key] = valueStart;
      paramKeyAt[key] = keyStart;
      if (i === len) fail(i, 'missing `]` to close the parameter list');
      if (!isWs(text[i]) && text[i] !== ']') fail(i, `unexpected ${found(i)} in the value of \`${key}\`, expected a space or \`]\``, PARAMS_HINT);
    }
    pointEnd = i;
  }

  skipWs();
  if (i === len) fail(pointEnd, `missing \`=\` after point \`${point}\`, expected point=action`);
  if (text[i] !== '=') {
    fail(
      i,
      i === pointEnd
        ? `unexpected ${found(i)} in point name, expected letters, digits, \`_\`, \`-\`, \`.\` or \`=\``
        : `expected \`=\` after point \`${point}\`, found ${found(i)}`,
    );
  }
  i++;
  const eqEnd = i;

  skipWs();
  const nameStart = i;
  // Read any name-like word so typos (`fial`, `drop_every`) get a suggestion rather than a char error.
  while (isNameChar(text[i])) i++;
  const name = text.slice(nameStart, i);
  if (name === '') fail(here(eqEnd), `expected an action (${ACTION_KINDS.join(', ')}), found ${found(i)}`);
  if (!isActionKind(name)) {
    const guess = closestActionKind(name);
    fail(
      nameStart,
      `unknown action \`${name}\`, expected one of ${ACTION_KINDS.join(', ')}`,
      guess === undefined ? RULE_GRAMMAR_HINT : `did you mean \`${guess}\`? ${RULE_GRAMMAR_HINT}`,
    );
  }
  const kind = name as ActionKind;
  const nameEnd = i;

  skipWs();
  let action: Action;
  if (kind === 'off' || kind === 'fail') {
    if (text[i] === ':') fail(i, `\`${kind}\` takes no \`:N\`, expected end of rule`);
    action = { kind };
  } else {
    const spec = COUNTED[kind];
    if (text[i] !== ':') fail(here(nameEnd), `expected \`:N\` after \`${kind}\` (e.g. ${kind}:${Math.max(spec.min, 1)}), found ${found(i)}`);
    i++;
    const colonEnd = i;
    skipWs();
    const numStart = i;
    while (isDigit(text[i])) i++;
    if (i === numStart) fail(here(colonEnd), `expected an unsigned decimal number after \`${kind}:\`, found ${found(i)}`);
    const digits = text.slice(numStart, i).replace(/^0+(?=\d)/, '');
    // Longer than 10 digits is past u32 anyway; shorter ones are exact as a double.
    const n = digits.length > 10 ? Infinity : Number(digits);
    if (n < spec.min || n > spec.max) fail(numStart, spec.range);
    action = spec.make(n);
  }

  skipWs();
  if (i < len) fail(i, `unexpected ${found(i)} after \`${point}=${printAction(action)}\`, expected end of rule`);
  const rule: Rule = params ? { point, params, action } : { point, action };
  // The guest's own rules are its business: no host layer checks them.
  if (opts.guestOwn) return { ...rule, guest: true };
  // Layer-specific checks (plugin and host points): the error goes under the parameter at fault.
  const problem = checkPluginRule(rule) ?? checkHostRule(rule);
  if (problem) {
    const offset = problem.param !== undefined ? ((problem.onKey ? paramKeyAt : paramAt)[problem.param] ?? pointStart) : problem.onAction ? nameStart : pointStart;
    fail(offset, problem.message, problem.hint);
  }
  return rule;
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
    const lineOrigin: RuleOrigin =
      index === 0
        ? { ...origin, line: firstLine }
        : { ...origin, line: firstLine + index, column: 1, sourceLine: undefined };
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
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, r) =>
    Array.from({ length: b.length + 1 }, (_, c) => (r === 0 ? c : c === 0 ? r : 0)),
  );
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
