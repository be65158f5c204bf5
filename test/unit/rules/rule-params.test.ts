import { describe, expect, it } from 'vitest';
import { formatError } from '../../../src/core/errors.js';
import { mergeRules, parseRule, printRule } from '../../../src/rules/index.js';

describe('rule parameters', () => {
  it('parse as key=value pairs in brackets after the point', () => {
    expect(parseRule('mem.flip[addr=0x100000 mask=0x8 at=insn:5000000]=fail')).toEqual({
      point: 'mem.flip',
      params: { addr: '0x100000', mask: '0x8', at: 'insn:5000000' },
      action: { kind: 'fail' },
    });
    expect(parseRule(' reg.set[ reg=rax  value=0x2a at=pc:0x100030#1 ] = fail ').params).toEqual({ reg: 'rax', value: '0x2a', at: 'pc:0x100030#1' });
    expect(parseRule('mem.flip[ranges=0x1000-0x2000;0x3000-0x4000 at=marker:ready+insn:10]=drop-every:100').params?.ranges).toBe('0x1000-0x2000;0x3000-0x4000');
  });

  it('print canonically: parameters sorted by name, one space apart', () => {
    expect(printRule(parseRule('mem.flip[mask=0x8   at=insn:5 addr=0x10]=fail'))).toBe('mem.flip[addr=0x10 at=insn:5 mask=0x8]=fail');
    expect(printRule(parseRule('a.b=off'))).toBe('a.b=off');
  });

  it('keep rules with the same point but different parameters apart when merging', () => {
    const merged = mergeRules([
      [parseRule('mem.flip[addr=0x10 at=insn:5]=fail'), parseRule('mem.flip[addr=0x20 at=insn:5]=fail')],
      [parseRule('mem.flip[at=insn:5 addr=0x10]=off')],
    ]);
    expect(merged.map(printRule)).toEqual(['mem.flip[addr=0x10 at=insn:5]=off', 'mem.flip[addr=0x20 at=insn:5]=fail']);
  });

  const errors: Array<[string, number, RegExp]> = [
    ['mem.flip[]=fail', 10, /empty parameter list/],
    ['mem.flip[addr=0x1=fail', 18, /unexpected `=` in the value of `addr`/],
    ['mem.flip[addr=0x1', 18, /missing `]`/],
    ['mem.flip[Addr=1]=fail', 10, /expected a parameter name \(a lowercase letter first\), found `A`/],
    ['mem.flip[addr]=fail', 14, /expected `=` after parameter `addr`, found `]`/],
    ['mem.flip[addr=]=fail', 15, /expected a value for parameter `addr`/],
    ['mem.flip[a=1 a=2]=fail', 14, /parameter `a` is given twice/],
    ['mem.flip[a=1,b=2]=fail', 13, /unexpected `,` in the value of `a`/],
  ];
  for (const [text, column, message] of errors) {
    it(`rejects ${JSON.stringify(text)} at column ${column}`, () => {
      try {
        parseRule(text, { input: 'faults', column: 1 });
        expect.unreachable();
      } catch (err) {
        expect(formatError(err)).toMatch(message);
        expect((err as { location: { column: number } }).location.column).toBe(column);
      }
    });
  }
});
