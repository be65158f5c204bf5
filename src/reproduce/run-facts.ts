/**
 * What a results folder says about its run, reduced to what a replay can be compared on:
 * summary.json's verdict, rules, QEMU and guest, and the injections in injections.jsonl and
 * the guest points' counts. Read the same way for the original and for the rerun.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from '../core/errors.js';
import type { Verdict } from '../core/verdict.js';
import type { GuestPoint } from '../observe/guest-points.js';
import { reportFilesIn } from '../report/write-reports.js';
import { RESULTS_FILES } from '../core/results-layout.js';

/** The built-in guest as summary.json records it (`guest`, the provision stage's GuestIdentity). */
export interface RecordedGuest {
  arch?: string;
  kernel?: { package?: string; version?: string; debSha256?: string };
  busybox?: { package?: string; version?: string; debSha256?: string };
  kernelSha256?: string;
  initrdSha256?: string;
  pin?: string;
}

/** The parts of summary.json reproduce reads. */
export interface RecordedSummary {
  scenario: string;
  verdict: Verdict;
  reason: string;
  startedAt?: string;
  faults: { rules: string[]; seed: number };
  qemu: { version: string; origin: string; argv: string[] };
  guest?: RecordedGuest | null;
  points: GuestPoint[];
}

export interface RunFacts {
  summary: RecordedSummary;
  /** One line per injection, holding only what a replay repeats (see injectionKey). */
  injections: string[];
  /** The run had -icount: guest execution, and so plugin injections, repeat exactly. */
  icount: boolean;
}

/** undefined when the folder has no summary.json (the run never finished). */
export function readRunFacts(dir: string): RunFacts | undefined {
  const file = reportFilesIn(dir).summaryJson;
  if (!existsSync(file)) return undefined;
  let summary: RecordedSummary;
  try {
    summary = JSON.parse(readFileSync(file, 'utf8')) as RecordedSummary;
  } catch (err) {
    throw new UsageError(`${file} is not valid JSON (${(err as Error).message})`, { hint: 'the results folder is damaged; download the artifact again' });
  }
  if (typeof summary.verdict !== 'string' || !Array.isArray(summary.faults?.rules) || typeof summary.qemu?.version !== 'string') {
    throw new UsageError(`${file} lacks verdict, faults or qemu: not a qfi run's summary`, { hint: 'give the results folder of a qfi run' });
  }
  const icount = summary.qemu.argv.includes('-icount');
  return { summary, injections: readInjectionKeys(join(dir, RESULTS_FILES.injections), icount), icount };
}

function readInjectionKeys(file: string, icount: boolean): string[] {
  if (!existsSync(file)) return [];
  const keys: string[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    try {
      keys.push(injectionKey(JSON.parse(line) as Record<string, unknown>, icount));
    } catch {
      keys.push('unreadable line (a log cut off by a crash)');
    }
  }
  return keys.sort();
}

/**
 * An injection without what differs from run to run by timing alone. Host block injections
 * keep the disk, operation, sectors, errno and the request's number since the rule's window
 * opened: the same guest doing the same I/O fails the same requests. Timed VM/network faults
 * keep their rule and point (their time is wall-clock). Plugin injections keep the rule,
 * vCPU, kind and target; where they happened (icount, pc) and the values they changed only
 * repeat when guest execution does, which takes -icount.
 */
export function injectionKey(entry: Record<string, unknown>, icount: boolean): string {
  const parts = (names: string[]) => names.filter((n) => entry[n] !== undefined && entry[n] !== null).map((n) => `${n}=${String(entry[n])}`);
  const failed = entry.error !== undefined ? ['failed'] : [];
  if (typeof entry.layer === 'string') {
    const rule = entry.rule === null ? 'no rule (a host I/O error)' : String(entry.rule);
    if (entry.layer === 'block') return [`block ${rule}`, ...parts(['disk', 'op', 'sector', 'sectors', 'request', 'errno']), ...failed].join(' ');
    return [`${entry.layer} ${rule}`, ...parts(['point']), ...failed].join(' ');
  }
  return [
    `plugin ${String(entry.rule)}`,
    ...parts(['vcpu', 'kind', 'addr', 'reg', 'width']),
    ...(icount ? parts(['icount', 'pc', 'before', 'after', 'next']) : []),
    ...failed,
  ].join(' ');
}
