import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../src/core/errors.js';
import { canonicalRulesText, mergeRules, parseRule, parseRuleLines, printAction, printRule, type Action, type Rule } from '../../../src/rules/index.js';

const U32_MAX = 4294967295;

const arbSegment = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_-]{0,12}$/);
const arbPoint = fc.array(arbSegment, { minLength: 1, maxLength: 4 }).map((s) => s.join('.'));
const arbAction: fc.Arbitrary<Action> = fc.oneof(
  fc.constant<Action>({ kind: 'off' }),
  fc.constant<Action>({ kind: 'fail' }),
  fc.integer({ min: 1, max: U32_MAX }).map((n): Action => ({ kind: 'drop-every', n })),
  fc.integer({ min: 0, max: U32_MAX }).map((n): Action => ({ kind: 'fail-after', n })),
  fc.integer({ min: 0, max: 1000 }).map((perMille): Action => ({ kind: 'rate', perMille })),
  fc.integer({ min: 0, max: U32_MAX }).map((ms): Action => ({ kind: 'delay-ms', ms })),
);
const arbParams = fc.dictionary(fc.stringMatching(/^[a-z][a-z0-9_-]{0,8}$/), fc.stringMatching(/^[A-Za-z0-9_.:#+;/-]{1,16}$/), { minKeys: 1, maxKeys: 4 });
const arbRule: fc.Arbitrary<Rule> = fc.oneof(
  fc.record({ point: arbPoint, action: arbAction }),
  fc.record({ point: arbPoint, params: arbParams, action: arbAction }),
);
const arbWs = fc.array(fc.constantFrom(' ', '\t'), { maxLength: 3 }).map((a) => a.join(''));

/** `rule` written with whitespace at every tolerated place. */
const arbSpacedRule = fc.tuple(arbRule, fc.array(arbWs, { minLength: 6, maxLength: 6 })).map(([rule, ws]) => {
  const [w0, w1, w2, w3, w4, w5] = ws as [string, string, string, string, string, string];
  const [name, n] = printAction(rule.action).split(':');
  const arg = n === undefined ? '' : `${w3}:${w4}${n}`;
  // inside brackets, spaces around every parameter are tolerated too
  const params = rule.params
    ? `[${w1}${Object.entries(rule.params)
        .map(([k, v]) => `${k}=${v}`)
        .join(` ${w2}`)}${w3}]`
    : '';
  return { rule, text: `${w0}${rule.point}${params}${w1}=${w2}${name}${arg}${w5}` };
});

/** Near-miss text: mostly the rule alphabet, so some parse and many fail at varied columns. */
const arbNoise = fc.oneof(
  fc.string({ unit: fc.constantFrom(...'ab.=_-:019 \tfailoverdpy#+,'.split('')), maxLength: 24 }),
  arbSpacedRule.chain(({ text }) => fc.tuple(fc.nat(text.length), fc.string({ maxLength: 2 })).map(([at, s]) => text.slice(0, at) + s + text.slice(at + 1))),
);

/** The parse result, or the column of the error. */
function attempt(text: string, column?: number): Rule | number {
  try {
    return parseRule(text, column === undefined ? {} : { column });
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    return err.location?.column ?? Number.NaN;
  }
}

describe('rule properties', () => {
  it('parse(print(r)) equals r', () => {
    fc.assert(
      fc.property(arbRule, (rule) => {
        expect(parseRule(printRule(rule))).toEqual(rule);
      }),
      { numRuns: 500 },
    );
  });

  it('whitespace at the tolerated places does not change the rule', () => {
    fc.assert(
      fc.property(arbSpacedRule, ({ rule, text }) => {
        expect(parseRule(text)).toEqual(rule);
      }),
      { numRuns: 500 },
    );
  });

  it('print(parse(s)) is a fixed point', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          arbSpacedRule.map((r) => r.text),
          arbNoise,
        ),
        (text) => {
          const parsed = attempt(text);
          fc.pre(typeof parsed !== 'number');
          const once = printRule(parsed);
          expect(printRule(parseRule(once))).toBe(once);
          // the only whitespace in canonical text: one space between bracketed parameters
          expect(once.replace(/\[[^\]]*\]/, '')).not.toMatch(/[ \t]/);
          expect(once).not.toMatch(/\t| {2}|\[ | \]/);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('any text parses or throws a ConfigError pointing inside it, shifted by the origin column', () => {
    fc.assert(
      fc.property(arbNoise, fc.integer({ min: 1, max: 80 }), (text, column) => {
        const plain = attempt(text);
        const shifted = attempt(text, column);
        if (typeof plain === 'number') {
          expect(plain).toBeGreaterThanOrEqual(1);
          expect(plain).toBeLessThanOrEqual(text.length + 1);
          expect(shifted).toBe(plain + column - 1);
        } else {
          expect(shifted).toEqual(plain);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('mergeRules keeps one rule per point, the last given, in first-appearance order', () => {
    const arbSmallRule = fc.record({ point: fc.constantFrom('a', 'b', 'c.d', 'e.f-g'), action: arbAction });
    fc.assert(
      fc.property(fc.array(fc.array(arbSmallRule, { maxLength: 6 }), { maxLength: 4 }), (groups) => {
        const all = groups.flat();
        const merged = mergeRules(groups);
        const points = merged.map((r) => r.point);
        expect(new Set(points).size).toBe(points.length);
        expect(points).toEqual([...new Set(all.map((r) => r.point))]);
        for (const rule of merged) expect(rule.action).toEqual(all.findLast((r) => r.point === rule.point)?.action);
      }),
    );
  });

  it('canonicalRulesText reads back as the same rules', () => {
    fc.assert(
      fc.property(fc.array(arbRule, { maxLength: 8 }), (rules) => {
        const text = canonicalRulesText(rules);
        expect(parseRuleLines(text)).toEqual(rules);
        expect(text === '' || text.endsWith('\n')).toBe(true);
        expect(text.split('\n')).toHaveLength(rules.length + 1);
      }),
    );
  });
});
