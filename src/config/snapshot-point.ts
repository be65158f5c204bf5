/**
 * Where a snapshot campaign saves the guest's state (`snapshot-at`): `start` (the guest waits
 * for `go` before the test command), a marker name (the test's `qfi-marker NAME` waits for
 * `ack NAME`), or `time:DURATION` after the test started (nothing waits: the state is whatever
 * the guest is doing then).
 */
import { parseDuration } from '../core/duration.js';
import { ValueProblem } from '../core/value-problem.js';
import { GO_LINE, ackLine, isMarkerName } from '../protocol/guest-protocol.js';

export type SnapshotPoint = { kind: 'start' } | { kind: 'marker'; name: string } | { kind: 'time'; ms: number };

const HINT =
  'write `start` (the test command is about to run), a marker name the test reaches with `qfi-marker NAME` ([A-Za-z0-9_.-], up to 32), or `time:2s` (that long after the test started)';

export function parseSnapshotAt(text: string): SnapshotPoint {
  const at = text.trim();
  if (at === 'start') return { kind: 'start' };
  if (at.startsWith('time:')) return { kind: 'time', ms: parseDuration(at.slice('time:'.length)) };
  if (isMarkerName(at)) return { kind: 'marker', name: at };
  throw new ValueProblem(`bad snapshot-at ${JSON.stringify(text)}`, HINT);
}

/** Back to the text `snapshot-at` takes: for the reproducer and reports (campaign.json's `at`). */
export function printSnapshotPoint(point: SnapshotPoint): string {
  if (point.kind === 'start') return 'start';
  if (point.kind === 'marker') return point.name;
  return `time:${point.ms % 1000 === 0 ? `${point.ms / 1000}s` : `${point.ms}ms`}`;
}

/** For logs and reasons: `the test start`, `marker warm`, `1.5 s after the test start`. */
export function describeSnapshotPoint(point: SnapshotPoint): string {
  if (point.kind === 'start') return 'the test start';
  if (point.kind === 'marker') return `marker ${point.name}`;
  return `${point.ms / 1000} s after the test start`;
}

/** The line that lets a guest waiting at the point go on (none for a time: nothing waits). */
export function resumeLineFor(point: SnapshotPoint): string | undefined {
  if (point.kind === 'start') return GO_LINE;
  if (point.kind === 'marker') return ackLine(point.name);
  return undefined;
}
