/** A RunRecord for verdict tests: what a run of nothing left, with the fields a test sets. */
import type { ConsoleEvent, RunRecord } from '../../src/run/types.js';

export function runRecord(over: Partial<RunRecord>): RunRecord {
  return {
    startedAt: '2026-11-21T00:00:00.000Z',
    wallMs: 1000,
    bootMs: undefined,
    testMs: undefined,
    commandExitCode: undefined,
    qemuExit: { code: 0, signal: undefined },
    timedOut: undefined,
    diagnostics: undefined,
    infraError: undefined,
    events: [],
    consoleLines: 0,
    files: { dir: '/r', console: '/r/c', qemuStderr: '/r/e', qmpLog: '/r/q' },
    qemuArgv: [],
    qemuPid: undefined,
    hostFaults: undefined,
    ...over,
  };
}

/** A console event of `kind` at `line`. */
export const consoleEvent = (kind: ConsoleEvent['kind'], extra: Partial<ConsoleEvent> = {}): ConsoleEvent => ({ kind, line: 1, atMs: 0, text: kind, ...extra });
