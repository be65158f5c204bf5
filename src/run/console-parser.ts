import type { ConsoleEvent, ConsoleEventKind } from './types.js';
import { parseGuestLine, type GuestLine } from '../protocol/guest-protocol.js';

/**
 * Turns console lines into events. Agent markers count only with this run's token, so a
 * test that prints `QFI:...:exit=0` cannot fake a pass. Kernel problems are recognised by
 * the prefixes Linux prints for them (printk timestamps and log-level prefixes stripped).
 */
export class ConsoleParser {
  constructor(private readonly token: string) {}

  parseLine(text: string, line: number, atMs: number): ConsoleEvent | undefined {
    // The agent's markers, a guest runtime's fault points and a test's named moments
    // (for triggers relative to it, marker:NAME+insn:N), in the guest protocol's words.
    const said = parseGuestLine(text, this.token);
    if (said) return guestLineEvent(said, line, atMs, text);
    // Indented as a KUnit case prints it (`\tKernel panic - …` inside a suite), it still counts.
    const kind = classifyKernelLine(stripPrintkPrefix(text).trimStart());
    return kind ? { kind, line, atMs, text } : undefined;
  }
}

/** A protocol line as the console event the runner records (an agent-error's text is its reason). */
function guestLineEvent(said: GuestLine, line: number, atMs: number, text: string): ConsoleEvent {
  switch (said.kind) {
    case 'agent-error':
      return { kind: said.kind, line, atMs, text: said.reason };
    case 'region':
      return { kind: said.kind, line, atMs, text, name: said.name, value: said.range };
    default: {
      // The event's own fields after the common ones, in the order the records have always had.
      const { kind, ...fields } = said;
      return { kind, line, atMs, text, ...fields };
    }
  }
}

/** `[    1.234567] ` timestamps (with a `[T123]` caller id) and `<4>` levels, as printk may add them. */
export function stripPrintkPrefix(text: string): string {
  return text.replace(/^<\d>/, '').replace(/^\[\s*\d+\.\d+\](?:\[\s*[TC]\d+\])?\s?/, '');
}

/**
 * The first line of each kind of report, as Linux prints it (6.1 wording; older kernels
 * differ little). Order matters: the first match wins, so specific forms of `BUG:` come
 * before the general one.
 */
const kernelPatterns: Array<[ConsoleEventKind, RegExp]> = [
  ['panic', /^Kernel panic - not syncing/],
  // A page fault in the kernel: `BUG: kernel NULL pointer dereference` is its first line since 5.x.
  ['oops', /^Oops: |^general protection fault|^BUG: unable to handle|^BUG: kernel NULL pointer dereference|^Internal error: Oops/],
  ['kasan', /^BUG: KASAN: /],
  ['soft-lockup', /^(?:watchdog: )?BUG: soft lockup - CPU#\d+ stuck for /],
  ['bug', /^BUG: |^kernel BUG at /],
  ['ubsan', /^UBSAN: [a-z-]+ in /],
  ['hard-lockup', /Watchdog detected hard LOCKUP on cpu \d+/],
  ['hung-task', /^INFO: task .+:\d+ blocked for more than \d+ seconds\./],
  ['rcu-stall', /^rcu: INFO: \w+ (?:self-)?detected (?:expedited )?stalls? on CPU/],
  ['warning', /^WARNING: CPU: \d+ PID: \d+ at /],
  ['call-trace', /^Call Trace:$|^Call trace:$/],
  ['oom-kill', /^(?:Memory cgroup )?Out of memory: Killed process \d+ /],
  // A user-space crash the kernel reports (show_unhandled_signals, printed at KERN_INFO).
  ['segfault', /^\S+\[\d+\]: segfault at [0-9a-f]+ ip |^traps: \S+\[\d+\] (?:general protection fault|trap [a-z ]+) ip:/],
  ['fault-injection', /^FAULT_INJECTION: forcing a failure\./],
  // KTAP/TAP results that fail: SKIP is no failure, TODO and XFAIL are expected ones.
  ['ktap-failure', /^\s*not ok \d+\b(?!.*#\s*(?:SKIP|TODO|XFAIL)\b)/i],
];

export function classifyKernelLine(text: string): ConsoleEventKind | undefined {
  for (const [kind, pattern] of kernelPatterns) if (pattern.test(text)) return kind;
  return undefined;
}
