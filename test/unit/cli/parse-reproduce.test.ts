import { describe, expect, it } from 'vitest';
import { helpText, parseCliArgs } from '../../../src/adapters/cli/parse-args.js';

describe('qfi reproduce PATH', () => {
  it('takes one PATH; --scenario picks a campaign scenario; the other flags override, --fault adds', () => {
    expect(parseCliArgs(['reproduce', 'qfi-results'])).toEqual({
      kind: 'reproduce',
      path: 'qfi-results',
      scenario: undefined,
      inputs: {},
      quiet: false,
      summarizeLog: false,
    });
    expect(parseCliArgs(['reproduce', 'run.zip', '--scenario', 'storage.read-fail', '--results-dir', 'again', '--fault', 'a.b=fail', '-q'])).toEqual({
      kind: 'reproduce',
      path: 'run.zip',
      scenario: 'storage.read-fail',
      inputs: { 'results-dir': 'again', faults: ['a.b=fail'] },
      quiet: true,
      summarizeLog: false,
    });
  });

  it('is strict: no PATH, two PATHs and unknown flags are usage errors', () => {
    expect(() => parseCliArgs(['reproduce'])).toThrow(/qfi reproduce needs the results to reproduce/);
    expect(() => parseCliArgs(['reproduce', 'a', 'b'])).toThrow(/unexpected argument "b"/);
    expect(() => parseCliArgs(['reproduce', 'a', '--nope'])).toThrow(/Unknown option '--nope'/);
  });

  it('is in the help text', () => {
    expect(helpText()).toMatch(/qfi reproduce PATH \[flags\]/);
  });
});
