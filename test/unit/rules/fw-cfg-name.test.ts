import { describe, expect, it } from 'vitest';
import { ConfigError, formatError, type SourceLocation } from '../../../src/core/errors.js';
import { DEFAULT_RULES_FW_CFG_NAME, validateFwCfgName } from '../../../src/rules/index.js';

function configError(fn: () => unknown): ConfigError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return err as ConfigError;
  }
  throw new Error('expected a ConfigError, nothing was thrown');
}

describe('validateFwCfgName', () => {
  it.each([DEFAULT_RULES_FW_CFG_NAME, 'opt/a', 'opt/org.example/x-y_z', 'opt/' + 'x'.repeat(51), 'opt/with space~!'])('accepts %j', (name) => {
    expect(validateFwCfgName(name)).toBe(name);
  });

  it('uses opt/qfi/rules by default', () => {
    expect(DEFAULT_RULES_FW_CFG_NAME).toBe('opt/qfi/rules');
  });

  // [name, column of the caret, message after `bad fw_cfg name "...": `]
  it.each([
    ['', 1, 'expected a name starting with `opt/`'],
    ['qfi/rules', 1, 'expected a name starting with `opt/`'],
    ['/opt/qfi/rules', 1, 'expected a name starting with `opt/`'],
    ['etc/qfi', 1, 'expected a name starting with `opt/`'],
    ['opt', 1, 'expected a name starting with `opt/`'],
    ['opt/qfi//rules', 9, 'empty path segment, expected a name between the `/`s'],
    ['opt//rules', 5, 'empty path segment, expected a name between the `/`s'],
    ['opt/qfi/', 8, 'trailing `/`, expected a file name after it'],
    ['opt/', 4, 'trailing `/`, expected a file name after it'],
    ['opt/a,b', 6, "`,` is not allowed: QEMU's option parser would split the name there"],
    ['opt/a,file=/etc/passwd', 6, "`,` is not allowed: QEMU's option parser would split the name there"],
    ['opt/r\u00e9gles', 6, 'U+00E9 is not printable ASCII'],
    ['opt/a\tb', 6, 'a tab is not printable ASCII'],
    ['opt/a\nb', 6, 'U+000A is not printable ASCII'],
    ['opt/a\u007f', 6, 'U+007F is not printable ASCII'],
    ['opt/' + 'x'.repeat(52), 56, '56 bytes long, expected at most 55'],
    ['opt/' + 'x'.repeat(100), 56, '104 bytes long, expected at most 55'],
  ])('rejects %j at column %i', (name, column, what) => {
    const err = configError(() => validateFwCfgName(name));
    expect(err.message).toBe(`bad fw_cfg name ${JSON.stringify(name)}: ${what}`);
    expect(err.location).toEqual({ column, sourceLine: name });
    expect(err.hint).toMatch(/^use a name like opt\/qfi\/rules/);
  });

  it('points into the TOML line with a caret', () => {
    const location: SourceLocation = { file: 'qfi.toml', line: 9, column: 11, sourceLine: 'fw-cfg = "opt/qfi//rules"' };
    const err = configError(() => validateFwCfgName('opt/qfi//rules', location));
    expect(err.location).toEqual({ ...location, column: 19 });
    const lines = formatError(err).split('\n');
    expect(lines.slice(0, 3)).toEqual([
      'qfi.toml:9:19: error: bad fw_cfg name "opt/qfi//rules": empty path segment, expected a name between the `/`s',
      '9 | fw-cfg = "opt/qfi//rules"',
      '  | ' + ' '.repeat(18) + '^',
    ]);
    expect(lines[3]).toBe(`hint: ${err.hint}`);
    expect(location.sourceLine?.[18]).toBe('/');
  });

  it('names the action input', () => {
    const err = configError(() => validateFwCfgName('rules', { input: 'fw-cfg-name' }));
    expect(formatError(err).split('\n').slice(0, 3)).toEqual([
      'input fw-cfg-name: error: bad fw_cfg name "rules": expected a name starting with `opt/`',
      '  | rules',
      '  | ^',
    ]);
  });
});
