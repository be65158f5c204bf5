import { describe, expect, it } from 'vitest';
import { ruleProblem } from '../../helpers/rule-problem.js';
import { compilePluginRules, isPluginRule, parseRule, q35RamRanges, resolveWaitingRule } from '../../../src/rules/index.js';

const problem = ruleProblem;

describe('plugin rules', () => {
  it('are the mem/reg/insn points; everything else goes to the guest', () => {
    expect(isPluginRule(parseRule('mem.flip[addr=0x10 at=insn:5]=fail'))).toBe(true);
    expect(isPluginRule(parseRule('mem.alloc=fail'))).toBe(false);
    expect(isPluginRule(parseRule('alloc.frame=fail-after:3'))).toBe(false);
  });

  it('point errors at the parameter at fault', () => {
    expect(problem('mem.flip[addr=0x10 at=insn:0]=fail')).toMatchObject({
      column: 23,
      message: expect.stringMatching(/bad trigger "insn:0"[\s\S]*hint: at= takes insn:N/),
    });
    expect(problem('mem.flip[addr=100 at=insn:5]=fail')).toMatchObject({
      column: 15,
      message: expect.stringMatching(/addr must be a hex guest-physical address/),
    });
    expect(problem('reg.set[reg=rax at=insn:5]=fail')).toMatchObject({ column: 1, message: expect.stringMatching(/reg\.set needs `value=`/) });
    expect(problem('reg.flip[reg=rax at=insn:5 bits=3]=fail')).toMatchObject({
      column: 28,
      message: expect.stringMatching(/reg\.flip has no parameter `bits`[\s\S]*takes reg, mask, at, count, cpu, period/),
    });
    expect(problem('mem.flip[addr=0x10 ranges=ram at=insn:5]=fail').message).toMatch(/either addr .* or ranges/);
    expect(problem('mem.flip[addr=0x10 at=insn:5]=fail-after:3')).toMatchObject({
      column: 31,
      message: expect.stringMatching(/fail-after has no meaning for mem\.flip/),
    });
    expect(problem('mem.flip[at=insn:5 period=10]=fail').message).toMatch(/period only goes with rate:N/);
    expect(problem('mem.flip[ranges=0x20-0x10 at=insn:5]=fail').message).toMatch(/ranges must be ram or 0xSTART-0xEND/);
    expect(problem('mem.flip[at=insn:5 mask=0x100]=fail').message).toMatch(/mask 0x100 is wider than the 1 byte it flips[\s\S]*up to 0xff/);
    expect(problem('mem.flip[addr=0x10 width=2 at=insn:5 mask=0x10000]=fail')).toMatchObject({
      column: 43,
      message: expect.stringMatching(/wider than the 2 bytes/),
    });
    expect(parseRule('mem.flip[addr=0x10 width=2 at=insn:5 mask=0x8000]=fail').params?.mask).toBe('0x8000');
  });

  it('compile to the plugin rule lines of plugin/README.md', () => {
    const rules = [
      'mem.flip[addr=0x100000 mask=0x8 at=insn:5000000]=fail',
      'mem.flip[at=insn:1000]=rate:5',
      'reg.set[reg=rax value=0x2a at=pc:0x100030#1 count=1]=drop-every:100',
      'alloc.frame=fail-after:3',
      'reg.flip[reg=rbx at=marker:ready+insn:10]=off',
      'mem.write[addr=0x2000 bytes=deadbeef at=insn:1]=fail',
    ].map((r) => parseRule(r));
    const lines = compilePluginRules(rules, q35RamRanges(256n * 2n ** 20n));
    expect(lines).toEqual([
      {
        id: 'r1',
        action: 'flip-ram',
        rule: 'mem.flip[addr=0x100000 at=insn:5000000 mask=0x8]=fail',
        line: 'id=r1 action=flip-ram addr=0x100000 mask=0x8 trigger=insn:5000000 repeat=once',
      },
      {
        id: 'r2',
        action: 'flip-ram-random',
        rule: 'mem.flip[at=insn:1000]=rate:5',
        line: 'id=r2 action=flip-ram-random ranges=0x0-0xa0000;0x100000-0x10000000 trigger=insn:1000 repeat=rate:5:1000000',
      },
      {
        id: 'r3',
        action: 'set-reg',
        rule: 'reg.set[at=pc:0x100030#1 count=1 reg=rax value=0x2a]=drop-every:100',
        line: 'id=r3 action=set-reg reg=rax value=0x2a trigger=pc:0x100030#1 repeat=every:100 count=1',
      },
      {
        id: 'r4',
        action: 'write-ram',
        rule: 'mem.write[addr=0x2000 at=insn:1 bytes=deadbeef]=fail',
        line: 'id=r4 action=write-ram addr=0x2000 bytes=deadbeef trigger=insn:1 repeat=once',
      },
    ]);
  });

  it('knows where q35 puts RAM', () => {
    expect(q35RamRanges(4n * 2n ** 30n)).toEqual([
      [0n, 0xa0000n],
      [0x100000n, 0x80000000n],
      [0x100000000n, 0x180000000n],
    ]);
  });

  it('name the plugin action of each line, so a skip (plugin API 6) is found by its action', () => {
    const lines = compilePluginRules([parseRule('insn.skip[at=pc:0x401000]=fail'), parseRule('reg.flip[reg=rbx at=insn:5]=fail')], []);
    expect(lines.map((l) => [l.action, l.line])).toEqual([
      ['skip', 'id=r1 action=skip trigger=pc:0x401000 repeat=once'],
      ['flip-reg', 'id=r2 action=flip-reg reg=rbx mask=0x1 trigger=insn:5 repeat=once'],
    ]);
  });

  it('hold a rule whose address the guest reports until its marker, counting from then', () => {
    const rule = parseRule('mem.flip[addr=marker:page mask=0x1 at=marker:page+insn:1000]=fail');
    const [line] = compilePluginRules([rule], []);
    expect(line).toEqual({
      id: 'r1',
      action: 'flip-ram',
      rule: 'mem.flip[addr=marker:page at=marker:page+insn:1000 mask=0x1]=fail',
      line: 'id=r1 action=flip-ram addr=@ mask=0x1 trigger=insn:+1000 repeat=once',
      waitsFor: 'page',
    });
    expect(resolveWaitingRule(line!, '0x12345678')).toBe('id=r1 action=flip-ram addr=0x12345678 mask=0x1 trigger=insn:+1000 repeat=once');
    expect(problem('mem.flip[addr=marker:page at=insn:5]=fail').message).toMatch(/at= must be marker:page\+insn:N/);
  });
});
