import { describe, expect, it } from 'vitest';
import { ConfigError, formatError } from '../../../src/core/errors.js';
import { parseRule, parseRuleLines, type Rule, type RuleOrigin } from '../../../src/rules/index.js';

/** Runs `fn`, which must throw a ConfigError, and returns it. */
function configError(fn: () => unknown): ConfigError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return err as ConfigError;
  }
  throw new Error('expected a ConfigError, nothing was thrown');
}

/** The source line and the 1-based column the caret points at, read back from formatError's output. */
function caretOf(err: ConfigError): { shown: string; column: number } {
  const lines = formatError(err).split('\n');
  const caretIndex = lines.findIndex((l) => /^ *\| *\^$/.test(l));
  expect(caretIndex).toBeGreaterThan(0);
  const source = lines[caretIndex - 1] ?? '';
  const caret = lines[caretIndex] ?? '';
  const gutter = source.indexOf('| ') + 2;
  return { shown: source.slice(gutter), column: caret.indexOf('^') - gutter + 1 };
}

describe('parseRule: valid rules', () => {
  const cases: [string, Rule][] = [
    ['a=off', { point: 'a', action: { kind: 'off' } }],
    ['alloc.frame=fail', { point: 'alloc.frame', action: { kind: 'fail' } }],
    ['driver.mod-load=drop-every:1', { point: 'driver.mod-load', action: { kind: 'drop-every', n: 1 } }],
    ['block.read=fail-after:0', { point: 'block.read', action: { kind: 'fail-after', n: 0 } }],
    ['x.y=rate:0', { point: 'x.y', action: { kind: 'rate', perMille: 0 } }],
    ['x.y=rate:1000', { point: 'x.y', action: { kind: 'rate', perMille: 1000 } }],
    ['net.tx=delay-ms:4294967295', { point: 'net.tx', action: { kind: 'delay-ms', ms: 4294967295 } }],
    ['a=drop-every:4294967295', { point: 'a', action: { kind: 'drop-every', n: 4294967295 } }],
    ['_x.Y_1-.z=fail', { point: '_x.Y_1-.z', action: { kind: 'fail' } }],
    // Leading zeros are still a plain decimal; they print canonically without them.
    ['a=fail-after:007', { point: 'a', action: { kind: 'fail-after', n: 7 } }],
    ['a=rate:00001000', { point: 'a', action: { kind: 'rate', perMille: 1000 } }],
  ];
  it.each(cases)('%s', (text, rule) => {
    expect(parseRule(text)).toEqual(rule);
  });
});

describe('parseRule: whitespace', () => {
  const want: Rule = { point: 'alloc.frame', action: { kind: 'fail-after', n: 3 } };
  it.each([
    '  alloc.frame=fail-after:3',
    'alloc.frame=fail-after:3 \t ',
    'alloc.frame = fail-after:3',
    'alloc.frame\t=\tfail-after:3',
    'alloc.frame=fail-after : 3',
    'alloc.frame=fail-after:\t3',
    ' \t alloc.frame \t = \t fail-after \t : \t 3 \t ',
  ])('%j', (text) => {
    expect(parseRule(text)).toEqual(want);
  });

  it('tolerates whitespace around actions without N', () => {
    expect(parseRule(' a.b=off')).toEqual({ point: 'a.b', action: { kind: 'off' } });
    expect(parseRule('\ta.b =  fail\t')).toEqual({ point: 'a.b', action: { kind: 'fail' } });
  });

  it('rejects whitespace inside the point, the action name and the number', () => {
    expect(configError(() => parseRule('alloc .frame=fail')).location?.column).toBe(7);
    expect(configError(() => parseRule('a=fail -after:3')).location?.column).toBe(8);
    expect(configError(() => parseRule('a=rate:1 0')).location?.column).toBe(10);
  });

  it('rejects whitespace other than spaces and tabs', () => {
    const err = configError(() => parseRule('a=fail\n'));
    expect(err.message).toBe('bad rule "a=fail\\n": unexpected U+000A after `a=fail`, expected end of rule');
    expect(err.location?.column).toBe(7);
    expect(configError(() => parseRule('a\u00a0=fail')).message).toContain('unexpected U+00A0 in point name');
  });
});

describe('parseRule: errors', () => {
  // [rule text, column of the caret, message after `bad rule "...": `]
  const cases: [string, number, string][] = [
    ['', 1, 'empty rule, expected point=action'],
    ['   ', 4, 'empty rule, expected point=action'],
    ['alloc.frame', 12, 'missing `=` after point `alloc.frame`, expected point=action'],
    ['alloc.frame  ', 12, 'missing `=` after point `alloc.frame`, expected point=action'],
    ['=fail', 1, 'empty point, expected a point name like alloc.frame before `=`'],
    ['  = fail', 3, 'empty point, expected a point name like alloc.frame before `=`'],
    ['alloc.fr@me=fail', 9, 'unexpected `@` in point name, expected letters, digits, `_`, `-`, `.` or `=`'],
    ['alloc/frame=fail', 6, 'unexpected `/` in point name, expected letters, digits, `_`, `-`, `.` or `=`'],
    ['alloc..frame=fail', 7, 'expected a name (starting with a letter or `_`) after `.`, found `.`'],
    ['alloc.=fail', 7, 'expected a name (starting with a letter or `_`) after `.`, found `=`'],
    ['alloc.', 7, 'expected a name (starting with a letter or `_`) after `.`, found end of rule'],
    ['alloc.9x=fail', 7, 'expected a name (starting with a letter or `_`) after `.`, found `9`'],
    ['.alloc=fail', 1, 'expected a point name starting with a letter or `_`, found `.`'],
    ['1alloc=fail', 1, 'expected a point name starting with a letter or `_`, found `1`'],
    ['-a=fail', 1, 'expected a point name starting with a letter or `_`, found `-`'],
    ['alloc frame=fail', 7, 'expected `=` after point `alloc`, found `f`'],
    ['a==fail', 3, 'expected an action (off, fail, drop-every, fail-after, rate, delay-ms), found `=`'],
    ['a=', 3, 'expected an action (off, fail, drop-every, fail-after, rate, delay-ms), found end of rule'],
    ['a=  ', 3, 'expected an action (off, fail, drop-every, fail-after, rate, delay-ms), found end of rule'],
    ['a=:3', 3, 'expected an action (off, fail, drop-every, fail-after, rate, delay-ms), found `:`'],
    ['alloc.frame=fial', 13, 'unknown action `fial`, expected one of off, fail, drop-every, fail-after, rate, delay-ms'],
    ['a= explode', 4, 'unknown action `explode`, expected one of off, fail, drop-every, fail-after, rate, delay-ms'],
    ['a=fail:3', 7, '`fail` takes no `:N`, expected end of rule'],
    ['a=off : 1', 7, '`off` takes no `:N`, expected end of rule'],
    ['a=rate', 7, 'expected `:N` after `rate` (e.g. rate:1), found end of rule'],
    ['a=drop-every  ', 13, 'expected `:N` after `drop-every` (e.g. drop-every:1), found end of rule'],
    ['a=rate 5', 8, 'expected `:N` after `rate` (e.g. rate:1), found `5`'],
    ['a=rate=5', 7, 'expected `:N` after `rate` (e.g. rate:1), found `=`'],
    ['a=rate:', 8, 'expected an unsigned decimal number after `rate:`, found end of rule'],
    ['a=rate: ', 8, 'expected an unsigned decimal number after `rate:`, found end of rule'],
    ['a=rate:x', 8, 'expected an unsigned decimal number after `rate:`, found `x`'],
    ['a=fail-after:-1', 14, 'expected an unsigned decimal number after `fail-after:`, found `-`'],
    ['a=fail-after:+1', 14, 'expected an unsigned decimal number after `fail-after:`, found `+`'],
    ['alloc.frame=rate:2000', 18, 'rate is per 1000, expected 0..1000'],
    ['a=rate:1001', 8, 'rate is per 1000, expected 0..1000'],
    ['a=drop-every:0', 14, 'drop-every fails every Nth call, expected N in 1..4294967295'],
    ['a=drop-every:4294967296', 14, 'drop-every fails every Nth call, expected N in 1..4294967295'],
    ['a=fail-after:4294967296', 14, 'N out of range, expected 0..4294967295'],
    ['a=delay-ms:99999999999999999999999', 12, 'N out of range, expected 0..4294967295'],
    ['a=rate:1.5', 9, 'unexpected `.` after `a=rate:1`, expected end of rule'],
    ['a=rate:5x', 9, 'unexpected `x` after `a=rate:5`, expected end of rule'],
    ['a=fail x', 8, 'unexpected `x` after `a=fail`, expected end of rule'],
    ['a=fail-after:3 # note', 16, 'unexpected `#` after `a=fail-after:3`, expected end of rule'],
    ['a=fail,b=off', 7, 'unexpected `,` after `a=fail`, expected end of rule'],
  ];

  it.each(cases)('%j at column %i', (text, column, what) => {
    const err = configError(() => parseRule(text));
    expect(err.message).toBe(`bad rule ${JSON.stringify(text.trim())}: ${what}`);
    expect(err.location).toEqual({ column, sourceLine: text });
    expect(err.hint).toContain('a rule is point=action');
    // The caret in the rendered error sits under the reported column.
    expect(caretOf(err)).toEqual({ shown: text, column });
  });

  it('quotes the example from the docs exactly', () => {
    expect(configError(() => parseRule('alloc.frame=rate:2000')).message).toBe('bad rule "alloc.frame=rate:2000": rate is per 1000, expected 0..1000');
  });

  it.each([
    ['a=fial', 'fail'],
    ['a=FAIL', 'fail'],
    ['a=of', 'off'],
    ['a=drop_every:2', 'drop-every'],
    ['a=drop:2', 'drop-every'],
    ['a=failafter:2', 'fail-after'],
    ['a=fail_after:2', 'fail-after'],
    ['a=rates:5', 'rate'],
    ['a=delay:5', 'delay-ms'],
    ['a=delayms:5', 'delay-ms'],
  ])('%j suggests `%s`', (text, guess) => {
    expect(configError(() => parseRule(text)).hint).toMatch(new RegExp(`^did you mean \`${guess}\`\\? a rule is`));
  });

  it('does not suggest anything for an unrelated word', () => {
    for (const text of ['a=explode', 'a=x', 'a=panic']) {
      expect(configError(() => parseRule(text)).hint).toMatch(/^a rule is point=action/);
    }
  });

  it('renders like a compiler error with the full source line from the origin', () => {
    const origin: RuleOrigin = { file: 'qfi.toml', line: 3, column: 12, sourceLine: 'faults = ["alloc.frame=fial"]' };
    const err = configError(() => parseRule('alloc.frame=fial', origin));
    expect(err.location).toEqual({ ...origin, column: 24 });
    expect(formatError(err).split('\n')).toEqual([
      'qfi.toml:3:24: error: bad rule "alloc.frame=fial": unknown action `fial`, expected one of off, fail, drop-every, fail-after, rate, delay-ms',
      '3 | faults = ["alloc.frame=fial"]',
      '  |                        ^',
      `hint: ${err.hint}`,
    ]);
    expect(err.hint).toMatch(/^did you mean `fail`\? a rule is point=action/);
    expect(caretOf(err)).toEqual({ shown: origin.sourceLine, column: 24 });
    expect(origin.sourceLine?.[23]).toBe('f');
  });

  it('indents the rule to its column when the source line is unknown', () => {
    const err = configError(() => parseRule('a=rate:2000', { input: 'fault', line: 2, column: 5 }));
    expect(err.location).toEqual({ input: 'fault', line: 2, column: 12, sourceLine: '    a=rate:2000' });
    expect(formatError(err).split('\n').slice(0, 3)).toEqual([
      'input fault: error: bad rule "a=rate:2000": rate is per 1000, expected 0..1000',
      '2 |     a=rate:2000',
      '  |            ^',
    ]);
  });

  it('names both the file and the input', () => {
    const err = configError(() => parseRule('a=', { file: 'ci/qfi.toml', input: 'faults', line: 1, column: 1 }));
    expect(formatError(err).split('\n')[0]).toBe(
      'ci/qfi.toml:1:3 (input faults): error: bad rule "a=": expected an action (off, fail, drop-every, fail-after, rate, delay-ms), found end of rule',
    );
  });
});

describe('parseRuleLines', () => {
  it('skips blank and comment lines and handles CRLF', () => {
    const text = '# faults for the CI run\n\n  alloc.frame=fail-after:3\r\n\t# off for now: x=fail\nblock.read = rate:5\n   \n';
    expect(parseRuleLines(text, { input: 'faults' })).toEqual([
      { point: 'alloc.frame', action: { kind: 'fail-after', n: 3 } },
      { point: 'block.read', action: { kind: 'rate', perMille: 5 } },
    ]);
  });

  it('returns nothing for empty or comment-only text', () => {
    expect(parseRuleLines('')).toEqual([]);
    expect(parseRuleLines('\n  \n# a=fail\n')).toEqual([]);
  });

  it('locates an error on its own line of an action input', () => {
    const err = configError(() => parseRuleLines('a=fail\n# c\n  b.c=rate:5000\n', { input: 'faults' }));
    expect(err.location).toEqual({ input: 'faults', line: 3, column: 12, sourceLine: '  b.c=rate:5000' });
    expect(formatError(err).split('\n').slice(0, 3)).toEqual([
      'input faults: error: bad rule "b.c=rate:5000": rate is per 1000, expected 0..1000',
      '3 |   b.c=rate:5000',
      '  |            ^',
    ]);
  });

  it('places the first line at the origin column and later lines at column 1 of following lines', () => {
    const origin: RuleOrigin = { file: 'qfi.toml', line: 4, column: 13, sourceLine: "faults = '''a=fial" };
    const first = configError(() => parseRuleLines("a=fial\nb=off\n'''", origin));
    expect(first.location).toEqual({ ...origin, column: 15 });
    expect(caretOf(first)).toEqual({ shown: "faults = '''a=fial", column: 15 });

    const later = configError(() => parseRuleLines('a=fail\n\nb=fial', origin));
    expect(later.location).toEqual({ file: 'qfi.toml', line: 6, column: 3, sourceLine: 'b=fial' });
    expect(formatError(later).split('\n')[0]).toMatch(/^qfi\.toml:6:3: error: bad rule "b=fial"/);
  });

  it('does not accept a comment after a rule', () => {
    expect(configError(() => parseRuleLines('a=fail # why\n')).location?.column).toBe(8);
  });
});
