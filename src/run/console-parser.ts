import type { ConsoleEvent, ConsoleEventKind } from './types.js';

/**
 * Turns console lines into events. Agent markers count only with this run's token, so a
 * test that prints `QFI:...:exit=0` cannot fake a pass. Kernel problems are recognised by
 * the prefixes Linux prints for them (printk timestamps and log-level prefixes stripped).
 */
export class ConsoleParser {
  private readonly markerPrefix: string;

  constructor(token: string) {
    this.markerPrefix = `QFI:${token}:`;
  }

  parseLine(text: string, line: number, atMs: number): ConsoleEvent | undefined {
    const marker = this.parseMarker(text, line, atMs);
    if (marker) return marker;
    // A guest's own named moment, for triggers relative to it (marker:NAME+insn:N).
    // With `=0x...` it also carries a value, e.g. the physical address of a page it wants hit.
    // A guest runtime's fault point: registered (`QFI-POINT:name`) or with its counts at the end.
    const point = /QFI-POINT:([A-Za-z_][A-Za-z0-9_-]*(?:\.[A-Za-z_][A-Za-z0-9_-]*)*)(?: calls=(\d{1,10}) fails=(\d{1,10}))?\s*$/.exec(text);
    if (point) {
      return { kind: 'point', line, atMs, text, name: point[1]!, ...(point[2] !== undefined ? { calls: Number(point[2]), fails: Number(point[3]) } : {}) };
    }
    // A memory region the agent reports for snapshot trials (physical, end exclusive).
    const region = /QFI-REGION:([a-z][a-z0-9-]{0,31})=(0x[0-9a-f]{1,16}-0x[0-9a-f]{1,16})\s*$/.exec(text);
    if (region) return { kind: 'region', line, atMs, text, name: region[1]!, value: region[2]! };
    const named = /QFI-MARKER:([A-Za-z0-9_.-]{1,32})(?:=(0x[0-9a-fA-F]{1,16}))?/.exec(text);
    if (named) return { kind: 'marker', line, atMs, text, name: named[1]!, ...(named[2] ? { value: named[2] } : {}) };
    // Indented as a KUnit case prints it (`\tKernel panic - …` inside a suite), it still counts.
    const kind = classifyKernelLine(stripPrintkPrefix(text).trimStart());
    return kind ? { kind, line, atMs, text } : undefined;
  }

  private parseMarker(text: string, line: number, atMs: number): ConsoleEvent | undefined {
    const at = text.indexOf(this.markerPrefix);
    if (at === -1) return undefined;
    const body = text.slice(at + this.markerPrefix.length).trim();
    if (body === 'ready') return { kind: 'agent-ready', line, atMs, text };
    if (body === 'start') return { kind: 'test-start', line, atMs, text };
    const exit = /^exit=(\d{1,3})$/.exec(body);
    if (exit) return { kind: 'test-exit', line, atMs, text, exitCode: Number(exit[1]) };
    if (body.startsWith('agent-error=')) return { kind: 'agent-error', line, atMs, text: body.slice('agent-error='.length) };
    return undefined;
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
