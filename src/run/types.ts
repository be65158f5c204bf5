/** The run stage's output: what QEMU's run left (RunRecord), with the console events heard live. */
import type { HostFaultRecord } from './host-faults.js';

export type ConsoleEventKind =
  | 'marker'
  /** A guest fault point: registered, or reported with its call counts. */
  | 'point'
  | 'agent-ready'
  | 'test-start'
  | 'test-exit'
  | 'agent-error'
  | 'panic'
  | 'oops'
  | 'bug'
  | 'warning'
  | 'call-trace'
  /** Sanitizer and detector reports, user-space crashes and kernel notices (console-parser.ts). */
  | 'kasan'
  | 'ubsan'
  | 'soft-lockup'
  | 'hard-lockup'
  | 'hung-task'
  | 'rcu-stall'
  | 'segfault'
  | 'oom-kill'
  | 'fault-injection'
  /** A KTAP/TAP `not ok` result line (not SKIP, TODO or XFAIL). */
  | 'ktap-failure'
  /** A memory region the agent reports (`QFI-REGION:kernel-code=0xA-0xB`), for snapshot trials. */
  | 'region'
  /** A console line matched the run's success-marker / failure-marker. */
  | 'success-marker'
  | 'failure-marker';

export interface ConsoleEvent {
  kind: ConsoleEventKind;
  /** 1-based line number in console.log. */
  line: number;
  /** Milliseconds since QEMU started. */
  atMs: number;
  text: string;
  /** For `test-exit`. */
  exitCode?: number;
  /** For `marker`: the name after `QFI-MARKER:`, and the hex value after `=` if any. */
  name?: string;
  value?: string;
  /** For `point` reports: calls of the point and how many of them were failed. */
  calls?: number;
  fails?: number;
}

export interface RunFiles {
  dir: string;
  console: string;
  qemuStderr: string;
  qmpLog: string;
}

export interface RunRecord {
  startedAt: string;
  wallMs: number;
  /** QEMU start to agent-ready marker. */
  bootMs: number | undefined;
  /** test-start to test-exit marker. */
  testMs: number | undefined;
  /** Exit status the guest's command reported through the agent. */
  commandExitCode: number | undefined;
  qemuExit: { code: number | undefined; signal: string | undefined };
  timedOut: 'boot' | 'test' | 'overall' | undefined;
  /** Diagnostics captured on timeout: QMP query-status and HMP `info registers`. */
  diagnostics: { status?: unknown; registers?: string } | undefined;
  /** Why the run could not happen or finish (QEMU failed to start, crashed...). */
  infraError: string | undefined;
  events: ConsoleEvent[];
  /** Total console lines written. */
  consoleLines: number;
  files: RunFiles;
  /** The exact argv QEMU ran with (argv[0] is the binary). */
  qemuArgv: string[];
  /** QEMU's process id (undefined if it never started). */
  qemuPid: number | undefined;
  /** What the host rules did (undefined: the run had none). */
  hostFaults: HostFaultRecord | undefined;
  /** Snapshot runs: when the state was saved or loaded (ms since QEMU started), and how long that took. */
  snapshot?: { savedAtMs?: number; saveMs?: number; loadMs?: number };
  /** Instructions qfi's plugin had counted on vCPU 0 when the test command ended (snapshot trials). */
  testEndIcount?: number;
  /** What the guest's exit device reported (only with an exit-device, when the guest ended QEMU itself). */
  guestExit?: GuestExit;
}

/** `code`: the guest's exit code through the exit device; `power-off`: it ended QEMU without one. */
export type GuestExit = { kind: 'code'; code: number } | { kind: 'power-off' };
