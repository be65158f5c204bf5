import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadToml } from '../../../src/config/load-toml.js';
import { ConfigError, formatError } from '../../../src/core/errors.js';
import { tempDir } from './temp-files.js';
import { thrownBy } from '../../helpers/thrown.js';

const loadError = (fn: () => unknown): ConfigError => thrownBy(fn, ConfigError);

describe('loadToml', () => {
  it('parses with integers as bigint and keeps the positions', () => {
    const dir = tempDir({ 'qfi.toml': '\uFEFF[machine]\ncpus = 2\n' });
    const loaded = loadToml({ path: join(dir, 'qfi.toml'), displayPath: 'qfi.toml', what: 'config file' });
    expect(loaded.document).toEqual({ machine: { cpus: 2n } });
    expect(loaded.positions.get('machine.cpus')?.value).toEqual({ line: 2, column: 8 });
  });

  it("turns a syntax error into file:line:col with smol-toml's reason and a caret", () => {
    const dir = tempDir({ 'qfi.toml': '[test]\ncommand = "make check"\ntimeout = 10m\n' });
    const err = loadError(() => loadToml({ path: join(dir, 'qfi.toml'), displayPath: 'qfi.toml', what: 'config file' }));
    expect(formatError(err)).toBe(
      [
        'qfi.toml:3:13: error: invalid TOML: illegal character in numeric literal',
        '3 | timeout = 10m',
        '  |             ^',
        'hint: fix the TOML syntax at the caret (see https://toml.io/en/v1.0.0)',
      ].join('\n'),
    );
    expect(err.message).not.toMatch(/Invalid TOML document|\n/);
  });

  it('points at an unterminated string and a duplicate key', () => {
    const dir = tempDir({ 'a.toml': 'a = 1\nb = "open\n', 'b.toml': '[test]\ncommand = "x"\ncommand = "y"\n' });
    const a = loadError(() => loadToml({ path: join(dir, 'a.toml'), displayPath: 'a.toml', what: 'config file' }));
    expect(a.location).toMatchObject({ file: 'a.toml', line: 2, column: 10, sourceLine: 'b = "open' });
    expect(a.message).toBe('invalid TOML: control characters are not allowed in strings');
    const b = loadError(() => loadToml({ path: join(dir, 'b.toml'), displayPath: 'b.toml', input: 'config', what: 'config file' }));
    expect(formatError(b)).toMatch(/^b\.toml:3:1 \(input config\): error: invalid TOML: trying to redefine/);
  });

  it('names a missing file and the input that gave it', () => {
    const dir = tempDir();
    const err = loadError(() => loadToml({ path: join(dir, 'nope.toml'), displayPath: 'nope.toml', input: 'config', what: 'config file' }));
    expect(formatError(err)).toMatch(/^input config: error: config file nope\.toml does not exist\nhint: check the path \(.*nope\.toml\)/);
  });
});
