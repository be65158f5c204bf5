import { describe, expect, it } from 'vitest';
import { canonicalRulesText, mergeRules, type Rule } from '../../../src/rules/index.js';

const fail = (point: string): Rule => ({ point, action: { kind: 'fail' } });
const off = (point: string): Rule => ({ point, action: { kind: 'off' } });
const rate = (point: string, perMille: number): Rule => ({ point, action: { kind: 'rate', perMille } });

describe('mergeRules', () => {
  it('lets later groups override per point, keeping first-appearance order', () => {
    const file = [fail('alloc.frame'), rate('block.read', 5), fail('net.tx')];
    const input = [off('net.tx'), fail('new.point'), rate('alloc.frame', 7)];
    expect(mergeRules([file, input])).toEqual([rate('alloc.frame', 7), rate('block.read', 5), off('net.tx'), fail('new.point')]);
  });

  it('keeps the last rule when a point repeats within one group', () => {
    expect(mergeRules([[fail('a'), off('b'), rate('a', 1), rate('a', 2)]])).toEqual([rate('a', 2), off('b')]);
  });

  it('returns nothing for no groups or empty groups', () => {
    expect(mergeRules([])).toEqual([]);
    expect(mergeRules([[], []])).toEqual([]);
  });

  it('does not share action objects with its input', () => {
    const input = [rate('a', 1)];
    const merged = mergeRules([input]);
    (merged[0]?.action as { perMille: number }).perMille = 9;
    expect(input[0]).toEqual(rate('a', 1));
  });
});

describe('canonicalRulesText', () => {
  it('prints one canonical rule per line with a trailing newline', () => {
    expect(canonicalRulesText([fail('alloc.frame'), rate('x.y', 5), off('a')])).toBe('alloc.frame=fail\nx.y=rate:5\na=off\n');
    expect(canonicalRulesText([off('a')])).toBe('a=off\n');
  });

  it('is empty for no rules', () => {
    expect(canonicalRulesText([])).toBe('');
  });
});
