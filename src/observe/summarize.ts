import type { ConsoleEvent, LogSummary } from '../core/types.js';

/** How much of a problem block (panic + call trace) to keep, and how many blocks. */
const blockLines = 24;
const maxBlocks = 3;
const tailLines = 30;

/**
 * Builds the short log summary while the console streams: the first problem blocks
 * (panic / oops / BUG / warning with the lines after them, where the call trace is) and the
 * last lines before the end. Runs of identical lines are folded so a looping guest does
 * not fill the summary.
 */
export class LogSummarizer {
  private readonly highlights: string[] = [];
  private blocksStarted = 0;
  private blockRemaining = 0;
  private readonly tail: string[] = [];

  addLine(text: string, event: ConsoleEvent | undefined): void {
    const isProblem = event !== undefined && event.kind !== 'call-trace' && !isMarker(event);
    if (isProblem && this.blockRemaining === 0 && this.blocksStarted < maxBlocks) {
      this.blocksStarted++;
      this.blockRemaining = blockLines;
    }
    if (this.blockRemaining > 0) {
      this.highlights.push(text);
      this.blockRemaining--;
    }
    this.tail.push(text);
    if (this.tail.length > tailLines) this.tail.shift();
  }

  result(): LogSummary {
    return { highlights: foldRepeats(this.highlights), tail: foldRepeats(this.tail) };
  }
}

/** Progress lines (agent and guest markers), not problems. */
function isMarker(event: ConsoleEvent): boolean {
  return event.kind === 'agent-ready' || event.kind === 'test-start' || event.kind === 'test-exit' || event.kind === 'marker';
}

/** `x, x, x` -> `x`, `(previous line repeated 2 more times)`. */
export function foldRepeats(lines: string[]): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < lines.length) {
    let j = i + 1;
    while (j < lines.length && lines[j] === lines[i]) j++;
    out.push(lines[i]!);
    const extra = j - i - 1;
    if (extra > 0) out.push(`(previous line repeated ${extra} more time${extra === 1 ? '' : 's'})`);
    i = j;
  }
  return out;
}
