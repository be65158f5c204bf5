import { describe, expect, it } from 'vitest';
import { formatError } from '../../../src/core/errors.js';
import { judgeAnswer } from '../../../src/qtest/judge-step.js';
import { parseQtestScript } from '../../../src/qtest/script.js';

const problem = (text: string) => {
  try {
    parseQtestScript(text, '/w/uart.qtest');
  } catch (err) {
    return formatError(err);
  }
  return 'no error';
};

describe('qtest scripts', () => {
  it("reads sections, commands, expectations, masks, polling, attributes and qfi's own steps", () => {
    const script = parseQtestScript(
      [
        'outw 0x510 0x0   # select the signature',
        '[uart]',
        'readl 0x09000018 & 0x20 == 0x0 until 2s',
        'read 0x40000000 4 == 0x51454D55',
        'writel 0x0e000000 0x1 secure',
        'readl 0x0e000000 space=realm == ERR',
        'marker blk-window',
        'irq_intercept_in ioapic',
        'irq 4 == raised',
        'endianness == little',
        'clock_step',
      ].join('\n'),
      '/w/uart.qtest',
    );
    expect(script.name).toBe('uart');
    expect(script.sections.map((s) => [s.name, s.line, s.steps.length])).toEqual([
      ['setup', 1, 1],
      ['uart', 2, 9],
    ]);
    const [mask, data, attrs, err, marker, intercept, irq, text, step] = script.sections[1]!.steps;
    expect(mask).toMatchObject({ wire: 'readl 0x09000018', untilMs: 2000, expect: { kind: 'value', op: '==', value: 0n, mask: 0x20n } });
    expect(data?.expect).toEqual({ kind: 'data', op: '==', data: '0x51454d55', text: '0x51454D55' });
    expect(attrs).toMatchObject({ wire: 'writel 0x0e000000 0x1 secure', attrs: 'secure', expect: undefined });
    expect(err).toMatchObject({ attrs: 'space=realm', expect: { kind: 'error' } });
    expect(marker).toMatchObject({ kind: 'marker', marker: 'blk-window', wire: '' });
    expect(intercept?.wire).toBe('irq_intercept_in ioapic');
    expect(irq).toMatchObject({ kind: 'irq', irq: { line: 4, raised: true } });
    expect(text?.expect).toMatchObject({ kind: 'text', word: 'little' });
    expect(step?.wire).toBe('clock_step');
  });

  it('names a script without sections after its file', () => {
    expect(parseQtestScript('inb 0x511 == 0x51\n', '/w/fw-cfg.qtest').sections.map((s) => s.name)).toEqual(['fw-cfg']);
  });

  it('says what is wrong, at file:line:col, with a hint', () => {
    expect(problem('[a]\nreadl 0x1000 == 0x1\nfoo 0x1\n')).toMatch(/^\/w\/uart\.qtest:3:1: error: unknown qtest command `foo`/);
    expect(problem('[a]\n  readl 0x1000 nonsense == 1\n')).toMatch(/^\/w\/uart\.qtest:2:16: error: bad memory-transaction attributes `nonsense`/);
    expect(problem('outb 0x70 == 0x1\n')).toMatch(/outb` takes 2 arguments, got 1/);
    expect(problem('outb 0x70 0x1 == 0x1\n')).toMatch(/this command answers only OK: expect nothing, or `== ERR`/);
    expect(problem('inb 0x511 == Q\n')).toMatch(/1:14: error: expected value `Q` is not a number/);
    expect(problem('inb 0x511 until 1s\n')).toMatch(/`until` polls for an expectation, but the line has none/);
    expect(problem('read 0x0 2 == 0x123\n')).toMatch(/expected data `0x123` is not hex bytes/);
    expect(problem('[a]\ninb 0x511\n[a]\ninb 0x511\n')).toMatch(/3:1: error: section \[a\] is given twice/);
    expect(problem('[a]\n[b]\ninb 0x511\n')).toMatch(/1:1: error: section \[a\] has no commands/);
    expect(problem('# nothing\n')).toMatch(/the script has no commands/);
    expect(problem('irq 4 == up\n')).toMatch(/`irq` checks an intercepted IRQ line/);
  });
});

describe('judging an answer', () => {
  const step = (line: string) => parseQtestScript(line, '/w/t.qtest').sections[0]!.steps[0]!;
  const ok = (rest: string) => ({ status: 'OK' as const, rest, line: `OK ${rest}`.trim() });

  it('compares values after the mask and shows the bits that differ, as wide as QEMU printed them', () => {
    expect(judgeAnswer(step('inb 0x71 == 0x05'), ok('0x0005'))).toEqual({ ok: true, actual: 'OK 0x0005' });
    expect(judgeAnswer(step('inb 0x71 == 0x06'), ok('0x0005')).diff).toBe('expected: 0x0006\nactual:   0x0005\ndiffers:  0x0003 (bits 0, 1)');
    expect(judgeAnswer(step('readl 0x0 & 0xf0 == 0x20'), ok('0x00000021')).ok).toBe(true);
    expect(judgeAnswer(step('readl 0x0 & 0xf0 == 0x30'), ok('0x00000021')).diff).toBe(
      'expected: 0x00000030 (after & 0x000000f0)\nactual:   0x00000020 (read 0x00000021)\ndiffers:  0x00000010 (bits 4)',
    );
    expect(judgeAnswer(step('readl 0x0 != 0x0'), ok('0x0')).ok).toBe(false);
  });

  it('shows which bytes of a read differ, and fails a command QEMU refused unless an error was expected', () => {
    expect(judgeAnswer(step('read 0x0 4 == 0x51454d55'), ok('0x51454d56')).diff).toBe('expected: 0x51454d55\nactual:   0x51454d56\ndiffers:  byte 3: 55 != 56');
    expect(judgeAnswer(step('outb 0x70 0x0'), { status: 'FAIL', rest: 'Unknown command', line: 'FAIL Unknown command' })).toMatchObject({
      ok: false,
      diff: 'expected: OK\nactual:   FAIL Unknown command',
    });
    expect(judgeAnswer(step('readl 0x0 secure == ERR'), { status: 'ERR', rest: 'MEMTX_DECODE_ERROR', line: 'ERR MEMTX_DECODE_ERROR' }).ok).toBe(true);
    expect(judgeAnswer(step('readl 0x0 secure == ERR'), ok('0x0')).ok).toBe(false);
  });
});

describe('inputs QEMU would abort on', () => {
  it('are refused before QEMU sees them', () => {
    expect(() => parseQtestScript('inb 0x10000\n', '/w/t.qtest')).toThrow(/port 0x10000 is beyond 0xffff/);
    expect(() => parseQtestScript('read 0x0 0 == 0x00\n', '/w/t.qtest')).toThrow(/a size of 0 reads or writes nothing/);
  });
});
