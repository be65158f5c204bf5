/**
 * The host layers of the rule language: points QEMU itself carries out, so an unmodified
 * guest meets real device failures. Block points go to blkdebug (see blkdebug.ts); VM and
 * network points are QMP commands the runner sends at a time or on a guest marker.
 *
 *   block.read[disk=data errno=ENOSPC sectors=0-7]=fail-after:3
 *   vm.pause[on=written duration=2s]=fail
 *   net.link[after=5s duration=3s]=drop-every:10
 */
import { parseDuration } from '../core/duration.js';
import { isMarkerName } from '../protocol/guest-protocol.js';
import type { Action, Rule } from './model.js';
import type { RuleProblem } from './plugin-rules.js';
import { printRule } from './print-rule.js';

export const BLOCK_POINTS = ['block.read', 'block.write', 'block.flush'] as const;
export const TIMED_POINTS = ['vm.pause', 'vm.nmi', 'vm.reset', 'net.link'] as const;
export const HOST_POINTS = [...BLOCK_POINTS, ...TIMED_POINTS] as const;
export type TimedPoint = (typeof TIMED_POINTS)[number];

/** A rule qfi's host layers carry out (not one from the guest's own rules file). */
export function isHostRule(rule: Pick<Rule, 'point' | 'guest'>): boolean {
  return !rule.guest && (HOST_POINTS as readonly string[]).includes(rule.point);
}

export function isBlockRule(rule: Pick<Rule, 'point'>): boolean {
  return (BLOCK_POINTS as readonly string[]).includes(rule.point);
}

/** errno names the guest can be given, with Linux's numbers (QEMU passes the host's errno on). */
export const ERRNO: Readonly<Record<string, number>> = {
  EPERM: 1,
  EIO: 5,
  ENXIO: 6,
  EAGAIN: 11,
  ENOMEM: 12,
  EACCES: 13,
  EBUSY: 16,
  EINVAL: 22,
  EFBIG: 27,
  ENOSPC: 28,
  EROFS: 30,
  ENODATA: 61,
  ETIMEDOUT: 110,
  EREMOTEIO: 121,
  EDQUOT: 122,
};

/** When a rule is in force. Times are host wall-clock time measured by the runner. */
export interface RuleWindow {
  /** Time zero and, for block rules, where request counting starts: QEMU start or the test command's start. */
  from: 'boot' | 'test';
  /** Opens this long after `from` (0: at once). */
  afterMs: number;
  /** Opens when the guest prints `QFI-MARKER:<on>` (after `from` and `afterMs`). */
  on: string | undefined;
  /** Closes this long after it opened; undefined: stays open to the end. */
  forMs: number | undefined;
}

export interface BlockRule {
  layer: 'block';
  /** `h1`, `h2`... in rule order, shared with timed rules: the id in injections.jsonl. */
  id: string;
  /** Canonical rule text. */
  text: string;
  op: 'read' | 'write' | 'flush';
  /** The disk id; undefined means every disk. */
  disk: string | undefined;
  errno: number;
  errnoName: string;
  /** Inclusive sector range (512-byte sectors): only requests touching it fail. */
  sectors: [number, number] | undefined;
  /** Stop after the first failure. */
  once: boolean;
  action: Exclude<Action, { kind: 'delay-ms' }>;
  window: RuleWindow;
}

export interface TimedRule {
  layer: 'vm' | 'net';
  id: string;
  text: string;
  point: TimedPoint;
  /** How long a pause or a link-down lasts (vm.pause, net.link). */
  durationMs: number;
  action: Exclude<Action, { kind: 'delay-ms' }>;
  window: RuleWindow;
}

export type HostRule = BlockRule | TimedRule;

/** One sector range may not be wider: blkdebug matches a sector per rule, so a range is one rule per sector. */
export const MAX_SECTOR_RANGE = 4096;

const WINDOW_PARAMS = ['from', 'after', 'on', 'for'];
const spec: Record<(typeof HOST_POINTS)[number], { params: string[]; example: string }> = {
  'block.read': { params: ['disk', 'errno', 'sectors', 'once'], example: 'block.read[disk=data errno=EIO]=fail-after:3' },
  'block.write': { params: ['disk', 'errno', 'sectors', 'once'], example: 'block.write[disk=data errno=ENOSPC]=drop-every:4' },
  'block.flush': { params: ['disk', 'errno', 'once'], example: 'block.flush[disk=data]=fail' },
  'vm.pause': { params: ['duration'], example: 'vm.pause[on=written duration=2s]=fail' },
  'vm.nmi': { params: [], example: 'vm.nmi[after=3s]=fail' },
  'vm.reset': { params: [], example: 'vm.reset[on=committed]=fail' },
  'net.link': { params: ['duration'], example: 'net.link[after=2s duration=3s]=fail' },
};

const TIMED_ACTIONS_HINT =
  'timed faults take fail (once when the window opens), drop-every:N (every N seconds), fail-after:N (every second after the first N), rate:N (each second with probability N/1000, from the seed) or off';

function durationProblem(value: string): string | undefined {
  try {
    parseDuration(value);
    return undefined;
  } catch (err) {
    return (err as Error).message;
  }
}

const checks: Record<string, (v: string) => string | undefined> = {
  disk: (v) => (/^[a-z][a-z0-9_-]{0,19}$/.test(v) ? undefined : `disk must be a disk id (lowercase letters, digits, \`_\`, \`-\`, at most 20), found "${v}"`),
  errno: (v) => (ERRNO[v] !== undefined ? undefined : `unknown errno "${v}", expected one of ${Object.keys(ERRNO).join(', ')}`),
  sectors: (v) => {
    const range = parseSectorRange(v);
    if (!range) return `sectors must be a sector number or a range like 0-7 (512-byte sectors, inclusive), found "${v}"`;
    if (range[1] < range[0]) return `sector range ${v} ends before it starts`;
    if (range[1] - range[0] + 1 > MAX_SECTOR_RANGE) return `sector range ${v} is wider than ${MAX_SECTOR_RANGE} sectors (blkdebug needs one rule per sector)`;
    return undefined;
  },
  once: (v) => (v === 'true' || v === 'false' ? undefined : `once must be true or false, found "${v}"`),
  from: (v) => (v === 'boot' || v === 'test' ? undefined : `from must be boot or test, found "${v}"`),
  after: durationProblem,
  for: durationProblem,
  duration: durationProblem,
  on: (v) => (isMarkerName(v) ? undefined : `on must be a marker name (the guest prints QFI-MARKER:NAME), found "${v}"`),
};

function parseSectorRange(v: string): [number, number] | undefined {
  const m = /^([0-9]{1,15})(?:-([0-9]{1,15}))?$/.exec(v);
  if (!m) return undefined;
  return [Number(m[1]), Number(m[2] ?? m[1])];
}

/** Namespaces that belong to the host layers: an unknown point in them is a typo, not a guest point. */
const HOST_NAMESPACES = ['block.', 'vm.'];
const GUEST_OWN_HINT =
  "a point of the guest's own runtime with this name belongs in the guest's rules file (rules-file), which qfi hands to the guest unchanged";

/** What is wrong with a host rule on its own (the plan checks it against the disks and NIC), or undefined. */
export function checkHostRule(rule: Rule): RuleProblem | undefined {
  if (!isHostRule(rule)) {
    if (rule.guest || !HOST_NAMESPACES.some((ns) => rule.point.startsWith(ns))) return undefined;
    const ns = rule.point.slice(0, rule.point.indexOf('.') + 1);
    const known = HOST_POINTS.filter((p) => p.startsWith(ns));
    return {
      param: undefined,
      message: `unknown host point \`${rule.point}\`: ${ns}* points are carried out by QEMU (${known.join(', ')})`,
      hint: GUEST_OWN_HINT,
    };
  }
  const point = rule.point as (typeof HOST_POINTS)[number];
  const { params: own, example } = spec[point];
  const known = [...own, ...WINDOW_PARAMS];
  const params = rule.params ?? {};
  for (const key of Object.keys(params)) {
    if (!known.includes(key)) {
      return { param: key, onKey: true, message: `${point} has no parameter \`${key}\``, hint: `${point} takes ${known.join(', ')}; e.g. ${example}` };
    }
    const problem = checks[key]?.(params[key]!);
    if (problem) return { param: key, message: problem, hint: `e.g. ${example}` };
  }
  if (rule.action.kind === 'delay-ms') {
    return {
      param: undefined,
      onAction: true,
      message: isBlockRule(rule)
        ? "block delays need a per-request delay in blkdebug (`delay-ns`), which no QEMU release has (checked: QEMU 10.2.2's QAPI schema)"
        : `delay-ms has no meaning for ${point}`,
      hint: isBlockRule(rule)
        ? 'to stall the guest, use vm.pause[duration=2s]=fail; to fail requests, use fail, fail-after:N, drop-every:N or rate:N'
        : TIMED_ACTIONS_HINT,
    };
  }
  if (params.once === 'true' && params.sectors !== undefined) {
    return {
      param: 'once',
      message:
        'once with sectors= is not supported: blkdebug counts every request of the disk, so "the first failure" cannot be told apart from "the first request"',
      hint: 'drop once (every request touching the range fails), or drop sectors= (the first failing request of the disk is the only one)',
    };
  }
  return undefined;
}

/**
 * Typed host rules from checked rules, ids h1, h2... in order. `off` rules are left out
 * (they only override an earlier rule for the same point).
 */
export function compileHostRules(rules: readonly Rule[]): HostRule[] {
  const out: HostRule[] = [];
  for (const rule of rules) {
    if (!isHostRule(rule) || rule.action.kind === 'off' || rule.action.kind === 'delay-ms') continue;
    const p = rule.params ?? {};
    const id = `h${out.length + 1}`;
    const window: RuleWindow = {
      from: p.from === 'boot' ? 'boot' : 'test',
      afterMs: p.after ? parseDuration(p.after) : 0,
      on: p.on,
      forMs: p.for ? parseDuration(p.for) : undefined,
    };
    const action = rule.action;
    if (isBlockRule(rule)) {
      const errnoName = p.errno ?? 'EIO';
      out.push({
        layer: 'block',
        id,
        text: printRule(rule),
        op: rule.point.slice('block.'.length) as BlockRule['op'],
        disk: p.disk,
        errno: ERRNO[errnoName]!,
        errnoName,
        sectors: p.sectors ? parseSectorRange(p.sectors) : undefined,
        once: p.once === 'true',
        action,
        window,
      });
    } else {
      out.push({
        layer: rule.point.startsWith('net.') ? 'net' : 'vm',
        id,
        text: printRule(rule),
        point: rule.point as TimedPoint,
        durationMs: p.duration ? parseDuration(p.duration) : 1000,
        action,
        window,
      });
    }
  }
  return out;
}

/** Linux's name for an errno number, for reports (`EIO`), or `errno N`. */
export function errnoName(errno: number): string {
  return Object.entries(ERRNO).find(([, n]) => n === errno)?.[0] ?? `errno ${errno}`;
}
