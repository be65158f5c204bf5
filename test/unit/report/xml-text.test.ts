import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toReportText, toXmlText } from '../../../src/report/xml-text.js';
import { shellCommand, shellQuote } from '../../../src/core/shell-quote.js';

describe('toXmlText', () => {
  it('drops characters XML 1.0 forbids and keeps tab, newline and non-ASCII', () => {
    expect(toXmlText('a\u0000b\u0007c\td\ne\u001b✓\uFFFE\uD800x')).toBe('abc\td\ne✓x');
  });

  it('strips ANSI colour sequences for reports', () => {
    expect(toReportText('\u001b[31mred\u001b[0m \u001b[?25l')).toBe('red ');
  });

  it('makes text that a real XML parser accepts', () => {
    const dir = mkdtempSync(join(tmpdir(), 'qfi-xml-'));
    const nasty = Array.from({ length: 0x80 }, (_, i) => String.fromCharCode(i)).join('') + '\uD83D\uDE00\uDC00';
    const file = join(dir, 'x.xml');
    writeFileSync(file, `<r>${toXmlText(nasty).replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;')}</r>`);
    expect(() => execFileSync('xmllint', ['--noout', file], { stdio: 'pipe' })).not.toThrow();
  });
});

describe('shellQuote', () => {
  it('round-trips arbitrary arguments through bash', () => {
    const args = ['plain', 'with space', "it's", '$HOME', 'a\nb', '', '--fault=a.b=fail', '"q"'];
    const out = execFileSync('bash', ['-c', `printf '%s\\0' ${shellCommand(args)}`]).toString();
    expect(out.split('\0').slice(0, -1)).toEqual(args);
    expect(shellQuote('a.b=fail')).toBe('a.b=fail');
  });
});
