import { describe, expect, it } from 'vitest';
import { ACTION_MODES, INPUTS } from '../../../src/config/inputs.js';
import { ConfigError } from '../../../src/core/errors.js';
import { actionMode, MODES } from '../../../src/modes/modes.js';

describe('the MODES table', () => {
  it('has an entry for each action mode and for reproduce, and the mode input lists the same modes', () => {
    expect(Object.keys(MODES).sort()).toEqual([...ACTION_MODES, 'reproduce'].sort());
    const input = INPUTS.find((i) => i.name === 'mode');
    expect(input && 'values' in input ? input.values : undefined).toEqual([...ACTION_MODES]);
  });

  it('uploads the results of every mode that ends with a verdict, not a plan', () => {
    expect(
      Object.entries(MODES)
        .filter(([, spec]) => spec.uploads)
        .map(([name]) => name)
        .sort(),
    ).toEqual(['campaign', 'merge', 'qtest', 'run']);
  });
});

describe('actionMode', () => {
  it('reads an empty mode as run and accepts each action mode', () => {
    expect(actionMode(undefined)).toBe('run');
    expect(actionMode('  ')).toBe('run');
    for (const mode of ACTION_MODES) expect(actionMode(mode)).toBe(mode);
  });

  it('refuses an unknown mode at input mode, with the closest one', () => {
    let error: unknown;
    try {
      actionMode('campain');
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const e = error as ConfigError;
    expect(e.message).toBe('unknown mode "campain"');
    expect(e.location).toEqual({ input: 'mode' });
    expect(e.hint).toContain('did you mean `campaign`?');
  });

  it('does not run reproduce from the action', () => {
    expect(() => actionMode('reproduce')).toThrow(ConfigError);
  });
});
