import { createReadStream } from 'node:fs';
import type { ConsoleEvent, RunRecord } from '../run/types.js';
import type { LogSummary } from './types.js';
import { LineStream } from '../core/line-stream.js';
import { stripPrintkPrefix } from '../run/console-parser.js';
import { bySeverity, isProblemEvent, problemSeverity, shorten, type ProblemBlock, type ProblemKind, type ProblemSummary } from './problems.js';

/** Lines a problem block keeps (its first line, then the call trace and registers after it). */
const blockLines = 24;
/** Blocks kept: the worst ones, whatever the log's length. */
const maxBlocks = 4;
const tailLines = 30;

interface Block {
  kind: ProblemKind;
  firstLine: number;
  /** The first line without its timestamp and numbers: the same report again has the same key. */
  key: string;
  lines: string[];
  /** Later blocks with the same key (a lockup reported every 20 s, a warning in a loop). */
  repeats: number;
}

/**
 * Builds the short log summary while the console streams, in bounded memory however long the
 * log: the worst problem blocks (a problem line and the lines after it, where the call trace
 * is), every kind of problem counted, and the last lines before the end. Identical reports are
 * counted once, runs of identical lines folded, and every line shortened, so a looping guest
 * cannot fill a job summary.
 */
export class LogSummarizer {
  private readonly blocks: Block[] = [];
  private open: Block | undefined;
  private openRemaining = 0;
  private readonly problems = new Map<ProblemKind, ProblemSummary>();
  private readonly tail: string[] = [];

  addLine(text: string, event: ConsoleEvent | undefined): void {
    const line = shorten(text);
    const kind = event && isProblemEvent(event.kind) ? event.kind : undefined;
    if (kind) this.count(kind, event!.line, line);
    // A worse problem starts its own block (a panic after a warning): each block is named by its first line.
    if (this.open && kind && problemSeverity[kind] > problemSeverity[this.open.kind]) this.close();
    if (this.open) {
      this.open.lines.push(line);
      if (--this.openRemaining === 0) this.close();
    } else if (kind) {
      this.open = { kind, firstLine: event!.line, key: blockKey(line), lines: [line], repeats: 0 };
      this.openRemaining = blockLines - 1;
    }
    this.tail.push(line);
    if (this.tail.length > tailLines) this.tail.shift();
  }

  result(): LogSummary {
    if (this.open) this.close();
    const blocks = [...this.blocks]
      .sort(bySeverity)
      .map((b): ProblemBlock => ({ kind: b.kind, firstLine: b.firstLine, lines: foldRepeats(b.lines), repeats: b.repeats }));
    return { highlights: flattenBlocks(blocks), tail: foldRepeats(this.tail), problems: [...this.problems.values()].sort(bySeverity), blocks };
  }

  private count(kind: ProblemKind, line: number, text: string): void {
    const seen = this.problems.get(kind);
    if (seen) seen.count++;
    else this.problems.set(kind, { kind, count: 1, firstLine: line, text: stripPrintkPrefix(text).trim() });
  }

  /** Keeps the block unless it repeats one already kept, dropping the least severe when over budget. */
  private close(): void {
    const block = this.open!;
    this.open = undefined;
    this.openRemaining = 0;
    const same = this.blocks.find((b) => b.key === block.key);
    if (same) {
      same.repeats++;
      return;
    }
    this.blocks.push(block);
    if (this.blocks.length > maxBlocks) {
      const least = [...this.blocks].sort(bySeverity).at(-1)!;
      this.blocks.splice(this.blocks.indexOf(least), 1);
    }
  }
}

/**
 * The run's log summary, from console.log and the events the run heard on it: console.log holds
 * the very bytes the run parsed, so line N here is the run's line N. Streamed, in bounded memory.
 */
export async function summarizeConsole(record: Pick<RunRecord, 'files' | 'events'>): Promise<LogSummary> {
  const problems = new Map<number, ConsoleEvent>();
  for (const e of record.events) if (e.line > 0 && isProblemEvent(e.kind) && !problems.has(e.line)) problems.set(e.line, e);
  const summarizer = new LogSummarizer();
  let line = 0;
  const lines = new LineStream((text) => summarizer.addLine(text, problems.get(++line)));
  for await (const chunk of createReadStream(record.files.console)) lines.push(chunk as Buffer);
  lines.end();
  return summarizer.result();
}

/** Blocks as excerpt lines: `…` between them, a note where a report repeated. */
export function flattenBlocks(blocks: readonly ProblemBlock[]): string[] {
  const lines: string[] = [];
  for (const block of blocks) {
    if (lines.length) lines.push('…');
    lines.push(...block.lines);
    if (block.repeats) lines.push(`(the same report appeared ${block.repeats} more time${block.repeats === 1 ? '' : 's'})`);
  }
  return lines;
}

/** A report's identity: its first line without timestamp, numbers and addresses (hex words with a digit). */
function blockKey(line: string): string {
  return stripPrintkPrefix(line)
    .replace(/\b(?:0x)?[0-9a-f]*\d[0-9a-f]*\b/gi, '#')
    .trim();
}

/** `x, x, x` -> `x`, `(previous line repeated 2 more times)`; printk timestamps do not count. */
export function foldRepeats(lines: string[]): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < lines.length) {
    const text = stripPrintkPrefix(lines[i]!);
    let j = i + 1;
    while (j < lines.length && stripPrintkPrefix(lines[j]!) === text) j++;
    out.push(lines[i]!);
    const extra = j - i - 1;
    if (extra > 0) out.push(`(previous line repeated ${extra} more time${extra === 1 ? '' : 's'})`);
    i = j;
  }
  return out;
}
