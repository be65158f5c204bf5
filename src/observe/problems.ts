import type { ConsoleEventKind } from '../run/types.js';

/**
 * What can go wrong on a console, worst first. The rank decides which problem a summary shows
 * first and names as the run's top problem: a panic outranks the oops that caused it, an oops
 * the BUG line of the same splat, a sanitizer report a plain warning, and anything the kernel
 * reports outranks user-space trouble and the notices fault injection prints on purpose.
 */
export const problemSeverity = {
  panic: 100,
  /** The guest agent could not run the test (an infrastructure problem). */
  'agent-error': 95,
  oops: 90,
  bug: 85,
  kasan: 80,
  ubsan: 75,
  'hard-lockup': 70,
  'soft-lockup': 65,
  'rcu-stall': 60,
  'hung-task': 55,
  /** A KTAP/TAP stream that ended early, lost its plan or bailed out (from the KTAP parser). */
  'ktap-error': 50,
  'ktap-failure': 45,
  warning: 40,
  'oom-kill': 30,
  segfault: 25,
  'fault-injection': 10,
} as const;

export type ProblemKind = keyof typeof problemSeverity;

export function isProblemKind(kind: string): kind is ProblemKind {
  return Object.hasOwn(problemSeverity, kind);
}

/** Console event kinds that are problems (markers, regions and call-trace lines are not). */
export function isProblemEvent(kind: ConsoleEventKind): kind is ConsoleEventKind & ProblemKind {
  return isProblemKind(kind);
}

/** One kind of problem in a run: how often it appeared and its first line. */
export interface ProblemSummary {
  kind: ProblemKind;
  count: number;
  /** 1-based console line of the first occurrence (0 when not from a console line). */
  firstLine: number;
  /** The first occurrence's text, shortened. */
  text: string;
}

/** A problem's lines as the summary keeps them: its first line and what followed (the call trace). */
export interface ProblemBlock {
  kind: ProblemKind;
  /** 1-based console line of its first line. */
  firstLine: number;
  /** Folded, each line shortened. */
  lines: string[];
  /** Later reports with the same first line (numbers aside), counted instead of kept. */
  repeats: number;
}

/** Worst first; equal kinds keep the order they appeared in. */
export function bySeverity(a: { kind: ProblemKind; firstLine: number }, b: { kind: ProblemKind; firstLine: number }): number {
  return problemSeverity[b.kind] - problemSeverity[a.kind] || a.firstLine - b.firstLine;
}

/** Longest line kept in summaries and reasons: a guest can print a megabyte without a newline. */
export const maxLineChars = 400;

/** `text`, cut to `max` characters with a note of how much was cut. */
export function shorten(text: string, max = maxLineChars): string {
  if (text.length <= max) return text;
  return `${text.slice(0, max)}… (${text.length - max} more characters)`;
}
