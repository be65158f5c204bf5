/**
 * Hears the console as the run goes: each line becomes at most one parsed event (agent markers,
 * kernel reports) and at most one verdict-marker event (success/failure-marker). These events
 * drive the watchdogs and the drivers, so recognising them live is the run's job.
 */
import type { ConsoleEvent } from './types.js';
import type { VerdictSources } from '../plan/types.js';
import { ConsoleParser } from './console-parser.js';
import { MarkerWatch } from './verdict-sources.js';

export class ConsoleListener {
  /** Lines heard so far (console.log's line count). */
  lines = 0;
  private readonly parser: ConsoleParser;
  private readonly markers: MarkerWatch;

  constructor(markerToken: string, sources: Pick<VerdictSources, 'successMarker' | 'failureMarker'>) {
    this.parser = new ConsoleParser(markerToken);
    this.markers = new MarkerWatch(sources);
  }

  /** The events of one line, parsed event first. */
  hear(text: string, atMs: number): ConsoleEvent[] {
    this.lines++;
    const events: ConsoleEvent[] = [];
    const event = this.parser.parseLine(text, this.lines, atMs);
    if (event) events.push(event);
    const marker = this.markers.active ? this.markers.check(text, this.lines, atMs) : undefined;
    if (marker) events.push(marker);
    return events;
  }
}
