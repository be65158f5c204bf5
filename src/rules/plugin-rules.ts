/**
 * The plugin layer of the rule language: points carried out by qfi's TCG plugin instead of
 * the guest. `mem.flip[addr=0x100000 mask=0x8 at=insn:5000000]=fail` flips bit 3 of that
 * guest-physical byte just before the 5,000,000th instruction.
 */
import { MARKER_NAME_SOURCE } from '../protocol/guest-protocol.js';
import type { Action, Rule } from './model.js';
import { printRule } from './print-rule.js';

export const PLUGIN_POINTS = ['mem.flip', 'mem.write', 'reg.flip', 'reg.set', 'insn.skip'] as const;
export type PluginPoint = (typeof PLUGIN_POINTS)[number];

/** A rule qfi's plugin carries out (not one from the guest's own rules file). */
export function isPluginRule(rule: Rule): boolean {
  return !rule.guest && (PLUGIN_POINTS as readonly string[]).includes(rule.point);
}

/** A problem with one parameter (or the action when `param` is undefined), for the parser to place. */
export interface RuleProblem {
  /** The parameter whose value is wrong; undefined for the point or the action. */
  param: string | undefined;
  /** True when the parameter's name (not its value) is what is wrong. */
  onKey?: boolean;
  /** True when the action (after `=`) is what is wrong. */
  onAction?: boolean;
  message: string;
  hint: string;
}

const HEX = /^0x[0-9a-fA-F]{1,16}$/;
const DEC = /^[1-9][0-9]{0,18}$/;
const TRIGGER = new RegExp(String.raw`^(insn:[1-9][0-9]{0,18}|pc:0x[0-9a-fA-F]{1,16}(#[1-9][0-9]{0,9})?|marker:${MARKER_NAME_SOURCE}\+insn:[0-9]{1,19})$`);
const RANGE = /^0x[0-9a-fA-F]{1,16}-0x[0-9a-fA-F]{1,16}$/;
/** An address the guest reports at run time: `QFI-MARKER:NAME=0x...` on the console. */
const MARKER_ADDR = new RegExp(`^marker:(${MARKER_NAME_SOURCE})$`);

const TRIGGER_HINT = 'at= takes insn:N (just before the N-th instruction), pc:0xADDR or pc:0xADDR#K (K-th execution), or marker:NAME+insn:N';

type ParamCheck = (value: string) => string | undefined;

const checks: Record<string, ParamCheck> = {
  at: (v) => (TRIGGER.test(v) ? undefined : `bad trigger "${v}"`),
  addr: (v) =>
    HEX.test(v) || MARKER_ADDR.test(v)
      ? undefined
      : `addr must be a hex guest-physical address like 0x100000, or marker:NAME (the address the guest prints as QFI-MARKER:NAME=0x...), found "${v}"`,
  mask: (v) => (HEX.test(v) && !/^0x0+$/.test(v) ? undefined : `mask must be a non-zero hex bit mask like 0x8, found "${v}"`),
  value: (v) => (HEX.test(v) ? undefined : `value must be hex like 0x2a, found "${v}"`),
  width: (v) => (['1', '2', '4', '8'].includes(v) ? undefined : `width must be 1, 2, 4 or 8 bytes, found "${v}"`),
  reg: (v) => (/^[a-z][a-z0-9_]{0,15}$/.test(v) ? undefined : `reg must be a register name like rax or x0, found "${v}"`),
  bytes: (v) => (/^([0-9a-fA-F]{2}){1,64}$/.test(v) ? undefined : `bytes must be 1 to 64 bytes of hex like deadbeef, found "${v}"`),
  ranges: (v) =>
    v === 'ram' || v.split(';').every((r) => RANGE.test(r) && rangeOk(r)) ? undefined : `ranges must be ram or 0xSTART-0xEND joined by ;, found "${v}"`,
  count: (v) => (DEC.test(v) ? undefined : `count must be a positive whole number, found "${v}"`),
  cpu: (v) => (/^[0-9]{1,3}$/.test(v) ? undefined : `cpu must be a vCPU index, found "${v}"`),
  period: (v) => (DEC.test(v) ? undefined : `period must be a positive number of instructions, found "${v}"`),
};

function rangeOk(range: string): boolean {
  const [a, b] = range.split('-').map((x) => BigInt(x));
  return a! < b!;
}

const common = ['at', 'count', 'cpu', 'period'];
const allowed: Record<PluginPoint, { required: string[]; optional: string[]; example: string }> = {
  'mem.flip': { required: [], optional: ['addr', 'ranges', 'mask', 'width'], example: 'mem.flip[addr=0x100000 mask=0x8 at=insn:5000000]=fail' },
  'mem.write': { required: ['addr', 'bytes'], optional: [], example: 'mem.write[addr=0x2000 bytes=deadbeef at=insn:1000]=fail' },
  'reg.flip': { required: ['reg'], optional: ['mask'], example: 'reg.flip[reg=rbx mask=0x1 at=pc:0x401000]=fail' },
  'reg.set': { required: ['reg', 'value'], optional: [], example: 'reg.set[reg=rax value=0x2a at=pc:0x100030#1]=fail' },
  'insn.skip': { required: [], optional: [], example: 'insn.skip[at=pc:0x401000]=fail' },
};

/** What is wrong with a plugin rule, or undefined. Guest rules are never checked here. */
export function checkPluginRule(rule: Rule): RuleProblem | undefined {
  if (!isPluginRule(rule)) return undefined;
  const spec = allowed[rule.point as PluginPoint];
  const params = rule.params ?? {};
  const known = [...spec.required, ...spec.optional, ...common];
  for (const key of Object.keys(params)) {
    if (!known.includes(key)) {
      return {
        param: key,
        onKey: true,
        message: `${rule.point} has no parameter \`${key}\``,
        hint: `${rule.point} takes ${known.join(', ')}; e.g. ${spec.example}`,
      };
    }
    const problem = checks[key]?.(params[key]!);
    if (problem) return { param: key, message: problem, hint: key === 'at' ? TRIGGER_HINT : `e.g. ${spec.example}` };
  }
  for (const key of ['at', ...spec.required]) {
    if (params[key] === undefined) return { param: undefined, message: `${rule.point} needs \`${key}=\``, hint: `e.g. ${spec.example}` };
  }
  if (params.addr !== undefined && params.ranges !== undefined) {
    return { param: 'ranges', message: 'give either addr (one address) or ranges (a random address inside), not both', hint: `e.g. ${spec.example}` };
  }
  const addrMarker = MARKER_ADDR.exec(params.addr ?? '')?.[1];
  if (addrMarker !== undefined && !params.at!.startsWith(`marker:${addrMarker}+insn:`)) {
    return {
      param: 'at',
      message: `an address from marker ${addrMarker} is known only once the guest prints it, so at= must be marker:${addrMarker}+insn:N`,
      hint: `e.g. mem.flip[addr=marker:${addrMarker} mask=0x1 at=marker:${addrMarker}+insn:1000]=fail`,
    };
  }
  if (params.mask !== undefined && rule.point === 'mem.flip') {
    // A random flip touches one byte; a fixed one touches `width` bytes.
    const bytes = params.addr === undefined ? 1 : Number(params.width ?? '1');
    if (BigInt(params.mask) >> BigInt(8 * bytes) !== 0n) {
      return {
        param: 'mask',
        message: `mask ${params.mask} is wider than the ${bytes} byte${bytes === 1 ? '' : 's'} it flips`,
        hint: params.addr === undefined ? 'a random flip hits one byte: use a mask up to 0xff' : 'raise width= (1, 2, 4 or 8 bytes) or narrow the mask',
      };
    }
  }
  if (params.width !== undefined && params.addr === undefined) {
    return { param: 'width', message: 'width goes with addr; a random flip touches one byte', hint: `e.g. ${spec.example}` };
  }
  const action = rule.action.kind;
  if (action === 'fail-after' || action === 'delay-ms') {
    return {
      param: undefined,
      onAction: true,
      message: `${action} has no meaning for ${rule.point}`,
      hint: 'plugin rules take fail (once), drop-every:N (again every N instructions), rate:N (N per 1000 at each period= instructions, default 1000000) or off',
    };
  }
  if (params.period !== undefined && action !== 'rate') {
    return { param: 'period', message: 'period only goes with rate:N', hint: 'drop-every:N already says how many instructions apart the fires are' };
  }
  return undefined;
}

/** Guest-physical RAM of an x86 q35 machine with `memBytes` of memory: below the VGA hole, and from 1 MiB up. */
export function q35RamRanges(memBytes: bigint): Array<[bigint, bigint]> {
  const lowMax = 0xb0000000n;
  const low = memBytes <= lowMax ? memBytes : 0x80000000n;
  const ranges: Array<[bigint, bigint]> = [
    [0n, 0xa0000n],
    [0x100000n, low],
  ];
  if (memBytes > low) ranges.push([0x100000000n, 0x100000000n + (memBytes - low)]);
  return ranges;
}

function repeatOf(action: Action, period: string | undefined): string | undefined {
  switch (action.kind) {
    case 'fail':
      return 'once';
    case 'drop-every':
      return `every:${action.n}`;
    case 'rate':
      return `rate:${action.perMille}:${period ?? '1000000'}`;
    default:
      return undefined;
  }
}

/** The plugin's actions (plugin/README.md); `skip` moves the PC and needs plugin API 6. */
export type PluginAction = 'flip-ram' | 'flip-ram-random' | 'write-ram' | 'flip-reg' | 'set-reg' | 'skip';

export interface PluginRuleLine {
  id: string;
  /** The plugin action the line carries out (its `action=`). */
  action: PluginAction;
  /** The rule as the user wrote it, canonical. */
  rule: string;
  /** The plugin's own rule line (plugin/README.md). */
  line: string;
  /**
   * Set when the address comes from the guest: the rule is added over the control socket
   * when `QFI-MARKER:<waitsFor>=0x...` appears; `line` then holds `addr=@` and `trigger=insn:+N`.
   */
  waitsFor?: string;
}

/** The line to add once the guest reported `address` for a waiting rule. */
export function resolveWaitingRule(rule: PluginRuleLine, address: string): string {
  return rule.line.replace(' addr=@ ', ` addr=${address} `);
}

/** A point's plugin action and its arguments; `ram` (or no addr/ranges) becomes the machine's RAM ranges. */
function pluginActionOf(point: PluginPoint, p: Record<string, string>, ram: Array<[bigint, bigint]>): { action: PluginAction; args: string[] } {
  switch (point) {
    case 'mem.flip': {
      if (p.addr) return { action: 'flip-ram', args: [`addr=${p.addr}`, ...(p.width ? [`width=${p.width}`] : []), `mask=${p.mask ?? '0x1'}`] };
      const ranges = p.ranges && p.ranges !== 'ram' ? p.ranges : ram.map(([a, b]) => `0x${a.toString(16)}-0x${b.toString(16)}`).join(';');
      return { action: 'flip-ram-random', args: [`ranges=${ranges}`, ...(p.mask ? [`mask=${p.mask}`] : [])] };
    }
    case 'mem.write':
      return { action: 'write-ram', args: [`addr=${p.addr}`, `bytes=${p.bytes}`] };
    case 'reg.flip':
      return { action: 'flip-reg', args: [`reg=${p.reg}`, `mask=${p.mask ?? '0x1'}`] };
    case 'reg.set':
      return { action: 'set-reg', args: [`reg=${p.reg}`, `value=${p.value}`] };
    case 'insn.skip':
      return { action: 'skip', args: [] };
  }
}

/**
 * Compiles checked plugin rules into the plugin's rule lines, ids r1, r2... in order.
 * `off` rules are left out. `ram` (or no addr/ranges) becomes the machine's RAM ranges.
 */
export function compilePluginRules(rules: Rule[], ram: Array<[bigint, bigint]>): PluginRuleLine[] {
  const out: PluginRuleLine[] = [];
  for (const rule of rules) {
    if (!isPluginRule(rule) || rule.action.kind === 'off') continue;
    const p = rule.params ?? {};
    const id = `r${out.length + 1}`;
    const { action, args } = pluginActionOf(rule.point as PluginPoint, p, ram);
    const tokens = [`id=${id}`, `action=${action}`, ...args];
    const waitsFor = MARKER_ADDR.exec(p.addr ?? '')?.[1];
    // A waiting rule is added after its marker: its trigger counts from that moment.
    const trigger = waitsFor !== undefined ? `insn:+${p.at!.slice(p.at!.indexOf('+insn:') + '+insn:'.length)}` : p.at;
    tokens.push(`trigger=${trigger}`, `repeat=${repeatOf(rule.action, p.period)}`);
    if (p.count) tokens.push(`count=${p.count}`);
    if (p.cpu) tokens.push(`cpu=${p.cpu}`);
    const line = waitsFor !== undefined ? tokens.join(' ').replace(` addr=${p.addr} `, ' addr=@ ') : tokens.join(' ');
    out.push({ id, action, rule: printRule(rule), line, ...(waitsFor !== undefined ? { waitsFor } : {}) });
  }
  return out;
}
