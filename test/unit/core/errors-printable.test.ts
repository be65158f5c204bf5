import { describe, expect, it } from 'vitest';
import { ConfigError, formatError, printable } from '../../../src/core/errors.js';

describe('printable', () => {
  it('shows control characters escaped, keeping tabs, newlines and other text', () => {
    expect(printable('a\u001b[31mred\u0007\tb\nc\u009bé')).toBe('a\\x1b[31mred\\x07\tb\nc\\x9bé');
  });

  it('keeps the caret under its character when the source line has escapes before it', () => {
    const err = new ConfigError('bad value', { location: { file: 'qfi.toml', line: 2, column: 13, sourceLine: 'arch = "\u001b[1mx"' } });
    const [, source, caret] = formatError(err).split('\n');
    expect(source).toBe('2 | arch = "\\x1b[1mx"');
    expect(caret!.indexOf('^') - 4).toBe(source!.indexOf('x"') - 4);
  });
});
