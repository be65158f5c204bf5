import { describe, expect, it } from 'vitest';
import { ConsoleListener } from '../../../src/run/console-listener.js';

describe('ConsoleListener', () => {
  it("numbers the lines and hears agent markers (with this run's token only), kernel reports and verdict markers", () => {
    const listener = new ConsoleListener('tok', { successMarker: 'ALL PASSED', failureMarker: 'FAILED' });
    const heard = [
      'booting',
      'QFI:tok:ready',
      'QFI:other:start',
      'QFI-MARKER:warm=0x1000',
      '[    1.5] Kernel panic - not syncing: FAILED here',
      'ALL PASSED',
      'ALL PASSED',
    ].map((text, i) => listener.hear(text, i * 10).map((e) => [e.kind, e.line, e.atMs, e.name ?? '']));
    expect(heard).toEqual([
      [],
      [['agent-ready', 2, 10, '']],
      [],
      [['marker', 4, 30, 'warm']],
      [
        ['panic', 5, 40, ''],
        ['failure-marker', 5, 40, ''],
      ],
      [['success-marker', 6, 50, '']],
      [], // each verdict marker counts at its first match
    ]);
    expect(listener.lines).toBe(7);
  });
});
