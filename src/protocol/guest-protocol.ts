/**
 * The protocol between qfi's runner and the built-in guest agent (guest/qfi-init.sh, with the
 * `qfi-marker` it installs and guest/qfi-fault.sh): every name and line format both sides use,
 * so the runner's side lives here only. docs/reference/guest-protocol.md describes it;
 * test/unit/protocol/guest-protocol.test.ts runs the real agent against this module.
 *
 * Who says what, when:
 * 1. At boot the host gives the agent its inputs as fw_cfg files ({@link AGENT_FW_CFG}, the rules
 *    under the name {@link rulesNameParam} puts on the kernel command line) and switches on
 *    waiting for `go` ({@link SYNC_START_PARAM}) and the region report ({@link REPORT_REGIONS_PARAM}).
 * 2. The agent prints on the console, each line after a newline of its own: `QFI-REGION:` lines
 *    (when asked), `QFI:<token>:ready`, `QFI:<token>:start`; with the sync parameter it waits for
 *    the host's {@link GO_LINE} on the console's input before it runs the test command.
 * 3. The command prints `QFI-MARKER:NAME[=0xVALUE]` (qfi-marker); at a marker the host listed in
 *    `opt/qfi/sync-markers`, it waits for the host's {@link ackLine}.
 * 4. After the command: the results file goes to the virtio-serial port {@link RESULTS_PORT}, then
 *    `QFI-POINT:` lines (qfi-fault's counts), then `QFI:<token>:exit=<code>`, and the guest powers
 *    off. `QFI:<token>:agent-error=<reason>` instead when the agent cannot do its job.
 *
 * Agent markers carry the run's random token, so test output cannot fake them; the other lines
 * are the test's own (it may print them itself, as other guest runtimes do).
 */

/** fw_cfg files the built-in agent reads (`/sys/firmware/qemu_fw_cfg/by_name/<name>/raw`). */
export const AGENT_FW_CFG = {
  /** The per-run marker token; the agent keeps only `[A-Za-z0-9_-]`. */
  token: 'opt/qfi/token',
  /** The test command, shell text the agent runs with `sh -c`. */
  command: 'opt/qfi/command',
  /** The run's seed (decimal), for guest runtimes' rate rules. */
  seed: 'opt/qfi/seed',
  /** Marker names the guest's qfi-marker waits at until the runner acknowledges them ({@link syncMarkersText}). */
  syncMarkers: 'opt/qfi/sync-markers',
  /** Guest path of the results file the agent copies to the results port after the command. */
  resultsFile: 'opt/qfi/results-file',
} as const;

/** Where the agent reads the rules when the kernel command line names no other fw_cfg file. */
export const DEFAULT_RULES_FW_CFG_NAME = 'opt/qfi/rules';

/** The sync-markers file: one name a line (the agent matches whole lines). */
export function syncMarkersText(names: readonly string[]): string {
  return names.map((m) => `${m}\n`).join('');
}

/** Kernel command line parameter: the fw_cfg file that holds the rules. */
export function rulesNameParam(fwCfgName: string): string {
  return `qfi.rules=${fwCfgName}`;
}

/** Kernel command line parameter: the agent waits for the runner's {@link GO_LINE} before the test command. */
export const SYNC_START_PARAM = 'qfi.sync=1';

/** Kernel command line parameter: the agent prints the kernel's sections as `QFI-REGION:` lines. */
export const REPORT_REGIONS_PARAM = 'qfi.regions=1';

/** Name of the virtio-serial port the agent copies the results file to (the host side is a file). */
export const RESULTS_PORT = 'org.qfi.results';

/** The console-input line that releases a test waiting at its start (with {@link SYNC_START_PARAM}). */
export const GO_LINE = 'go';

/** The console-input line that releases `qfi-marker NAME` waiting at a sync marker. */
export function ackLine(markerName: string): string {
  return `ack ${markerName}`;
}

/** A line as written to the guest's console input (QEMU's stdin); the agent reads it with echo off. */
export function consoleInput(line: string): string {
  return `${line}\n`;
}

/** A marker name (`qfi-marker NAME`, a host rule's `on=NAME`, a plugin rule's `marker:NAME`), as a regex source. */
export const MARKER_NAME_SOURCE = '[A-Za-z0-9_.-]{1,32}';
const MARKER_NAME = new RegExp(`^${MARKER_NAME_SOURCE}$`);

export function isMarkerName(text: string): boolean {
  return MARKER_NAME.test(text);
}

/** Kernel sections the agent reports (`QFI-REGION:kernel-<section>`, from /proc/iomem's "Kernel ..." lines). */
export const KERNEL_REGIONS = ['kernel-code', 'kernel-rodata', 'kernel-data', 'kernel-bss'] as const;

/** The token the agent prints in its markers when it could not read the run's (an agent-error follows). */
export const NO_TOKEN = 'notoken';

/** What one console line says in the protocol; the kinds are those of the runner's console events. */
export type GuestLine =
  | { kind: 'agent-ready' }
  | { kind: 'test-start' }
  | { kind: 'test-exit'; exitCode: number }
  | { kind: 'agent-error'; reason: string }
  /** A fault point: registered (`QFI-POINT:name`) or with its counts at the end of the test. */
  | { kind: 'point'; name: string; calls?: number; fails?: number }
  /** A guest-physical range the agent reports for snapshot trials: `0xSTART-0xEND`, end exclusive. */
  | { kind: 'region'; name: string; range: string }
  /** A named moment of the test, with a hex value (e.g. a page's physical address) if given. */
  | { kind: 'marker'; name: string; value?: string };

const POINT_LINE = /QFI-POINT:([A-Za-z_][A-Za-z0-9_-]*(?:\.[A-Za-z_][A-Za-z0-9_-]*)*)(?: calls=(\d{1,10}) fails=(\d{1,10}))?\s*$/;
const REGION_LINE = /QFI-REGION:([a-z][a-z0-9-]{0,31})=(0x[0-9a-f]{1,16}-0x[0-9a-f]{1,16})\s*$/;
const MARKER_LINE = new RegExp(`QFI-MARKER:(${MARKER_NAME_SOURCE})(?:=(0x[0-9a-fA-F]{1,16}))?`);
const AGENT_ERROR = 'agent-error=';

/** `QFI:<token>:`, the start of the agent's own markers. */
export function agentMarkerPrefix(token: string): string {
  return `QFI:${token}:`;
}

/**
 * The agent's marker in `text` when it carries `token`; anywhere in the line, as serial output
 * may put something before it. A marker with another token is the test's output, not the agent's.
 */
export function parseAgentMarker(text: string, token: string): GuestLine | undefined {
  const prefix = agentMarkerPrefix(token);
  const at = text.indexOf(prefix);
  if (at === -1) return undefined;
  const body = text.slice(at + prefix.length).trim();
  if (body === 'ready') return { kind: 'agent-ready' };
  if (body === 'start') return { kind: 'test-start' };
  const exit = /^exit=(\d{1,3})$/.exec(body);
  if (exit) return { kind: 'test-exit', exitCode: Number(exit[1]) };
  if (body.startsWith(AGENT_ERROR)) return { kind: 'agent-error', reason: body.slice(AGENT_ERROR.length) };
  return undefined;
}

/** A console line in the protocol: the agent's markers (with this run's token) first, then points, regions, named markers. */
export function parseGuestLine(text: string, token: string): GuestLine | undefined {
  const agent = parseAgentMarker(text, token);
  if (agent) return agent;
  const point = POINT_LINE.exec(text);
  if (point) return { kind: 'point', name: point[1]!, ...(point[2] !== undefined ? { calls: Number(point[2]), fails: Number(point[3]) } : {}) };
  const region = REGION_LINE.exec(text);
  if (region) return { kind: 'region', name: region[1]!, range: region[2]! };
  const named = MARKER_LINE.exec(text);
  if (named) return { kind: 'marker', name: named[1]!, ...(named[2] ? { value: named[2] } : {}) };
  return undefined;
}

/** Any of the protocol's prefixes, whatever the token: lines that are the runner's business, not the test's output. */
const PROTOCOL_LINE = /QFI:[A-Za-z0-9_-]*:|QFI-(?:POINT|MARKER|REGION):/;

export function isProtocolLine(line: string): boolean {
  return PROTOCOL_LINE.test(line);
}
