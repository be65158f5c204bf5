import { describe, expect, it } from 'vitest';
import { describeSnapshotPoint, parseSnapshotAt, printSnapshotPoint, resumeLineFor } from '../../../src/config/snapshot-point.js';

describe('snapshot-at', () => {
  it('reads the test start, a marker, or a time after the start', () => {
    expect(parseSnapshotAt(' start ')).toEqual({ kind: 'start' });
    expect(parseSnapshotAt('warm.up')).toEqual({ kind: 'marker', name: 'warm.up' });
    expect(parseSnapshotAt('time:1m30s')).toEqual({ kind: 'time', ms: 90_000 });
  });

  it('prints back as text snapshot-at reads the same way', () => {
    for (const text of ['start', 'warm.up', 'time:2s', 'time:1500ms', 'time:1m30s']) {
      const point = parseSnapshotAt(text);
      expect(parseSnapshotAt(printSnapshotPoint(point))).toEqual(point);
    }
    expect(printSnapshotPoint(parseSnapshotAt('time:1m30s'))).toBe('time:90s');
  });

  it('says what the guest waits for there', () => {
    expect(resumeLineFor(parseSnapshotAt('start'))).toBe('go');
    expect(resumeLineFor(parseSnapshotAt('warm'))).toBe('ack warm');
    expect(resumeLineFor(parseSnapshotAt('time:2s'))).toBeUndefined();
    expect(describeSnapshotPoint(parseSnapshotAt('time:500ms'))).toBe('0.5 s after the test start');
  });

  it.each([
    ['time:0s', /longer than zero/],
    ['time:soon', /bad duration/],
    ['two words', /bad snapshot-at/],
    ['', /bad snapshot-at/],
  ])('refuses %j', (text, message) => {
    expect(() => parseSnapshotAt(text)).toThrow(message);
  });
});
