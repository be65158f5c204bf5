import type { ConsoleEvent } from '../run/types.js';

/** A fault point the guest's runtime told about on the console (`QFI-POINT:`). */
export interface GuestPoint {
  name: string;
  /** Calls of the point in the run; undefined when the runtime only registered it. */
  calls: number | undefined;
  fails: number | undefined;
}

/** Points in the order first seen; a later report of a point replaces its counts. */
export function guestPoints(events: readonly ConsoleEvent[]): GuestPoint[] {
  const points = new Map<string, GuestPoint>();
  for (const e of events) {
    if (e.kind !== 'point' || e.name === undefined) continue;
    const known = points.get(e.name);
    if (e.calls === undefined && known) continue; // a registration never erases counts
    points.set(e.name, { name: e.name, calls: e.calls, fails: e.fails });
  }
  return [...points.values()];
}
