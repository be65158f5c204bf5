/**
 * Where a snapshot campaign's flips land. Built-in regions are resolved at run time: `ram`
 * from the machine's memory map, the kernel's sections from the built-in agent's
 * `QFI-REGION:` report (its /proc/iomem), `registers` from the architecture's register file.
 * Given regions are guest-physical ranges: `name=0xSTART-0xEND` (end exclusive), `;` between.
 */
import { ValueProblem } from '../../config/parse-values.js';
import type { Arch, RegionSpec } from '../../config/types.js';
import type { ConsoleEvent } from '../../run/types.js';
import { KERNEL_REGIONS } from '../../protocol/guest-protocol.js';

export const BUILTIN_REGIONS = ['ram', 'registers', ...KERNEL_REGIONS] as const;

const REGION_HINT = `a region is one of ${BUILTIN_REGIONS.join(', ')}, or your own guest-physical ranges: \`dma-buffers=0x8000000-0x8100000\` (end exclusive, several joined by ;)`;
const NAME = /^[a-z][a-z0-9-]{0,31}$/;
const RANGE = /^0x([0-9a-fA-F]{1,16})-0x([0-9a-fA-F]{1,16})$/;

/** Default regions: the kernel's code and data and all of RAM for the built-in guest; RAM and registers always. */
export function defaultRegions(builtinGuest: boolean): RegionSpec[] {
  return (builtinGuest ? ['kernel-code', 'kernel-data', 'ram', 'registers'] : ['ram', 'registers']).map((name) => ({ name }));
}

export function parseRegionLine(line: string): RegionSpec {
  const text = line.trim();
  const eq = text.indexOf('=');
  if (eq === -1) {
    if ((BUILTIN_REGIONS as readonly string[]).includes(text)) return { name: text };
    throw new ValueProblem(`unknown region ${JSON.stringify(text)}`, REGION_HINT);
  }
  const name = text.slice(0, eq).trim();
  if (!NAME.test(name)) throw new ValueProblem(`bad region name ${JSON.stringify(name)}`, 'region names are lower-case letters, digits and -, up to 32, starting with a letter');
  if ((BUILTIN_REGIONS as readonly string[]).includes(name)) throw new ValueProblem(`region ${name} is built in and takes no ranges`, `write just \`${name}\`, or give your ranges another name`);
  const ranges = text.slice(eq + 1).split(';').map((r) => r.trim());
  for (const r of ranges) {
    const m = RANGE.exec(r);
    if (!m || BigInt(`0x${m[1]}`) >= BigInt(`0x${m[2]}`)) throw new ValueProblem(`bad range ${JSON.stringify(r)} in region ${name}`, REGION_HINT);
  }
  return { name, ranges: ranges.join(';') };
}

export function printRegionLine(spec: RegionSpec): string {
  return spec.ranges === undefined ? spec.name : `${spec.name}=${spec.ranges}`;
}

/** A region ready for trials: RAM ranges for `mem.flip`, or registers for `reg.flip`. */
export type ResolvedRegion = { name: string; kind: 'ram'; ranges: string } | { name: string; kind: 'registers'; registers: readonly string[] };

/** General-purpose registers and the program counter, the state a register flip hits. */
const REGISTERS: Partial<Record<Arch, readonly string[]>> = {
  x86_64: ['rax', 'rbx', 'rcx', 'rdx', 'rsi', 'rdi', 'rbp', 'rsp', 'r8', 'r9', 'r10', 'r11', 'r12', 'r13', 'r14', 'r15', 'rip', 'eflags'],
};

const hex = (n: bigint): string => `0x${n.toString(16)}`;

/**
 * Resolves region names against what this run knows. A kernel region the guest did not
 * report is an error naming what was reported: flips would otherwise land somewhere else.
 */
export function resolveRegions(specs: readonly RegionSpec[], opts: { arch: Arch; ram: Array<[bigint, bigint]>; reported: readonly ConsoleEvent[] }): ResolvedRegion[] {
  const reported = new Map(opts.reported.filter((e) => e.kind === 'region' && e.name && e.value).map((e) => [e.name!, e.value!]));
  return specs.map((spec): ResolvedRegion => {
    if (spec.ranges !== undefined) return { name: spec.name, kind: 'ram', ranges: spec.ranges };
    if (spec.name === 'registers') {
      const registers = REGISTERS[opts.arch];
      if (!registers) throw new Error(`register flips are only known for x86_64, not ${opts.arch}`);
      return { name: spec.name, kind: 'registers', registers };
    }
    if (spec.name === 'ram') return { name: spec.name, kind: 'ram', ranges: opts.ram.map(([a, b]) => `${hex(a)}-${hex(b)}`).join(';') };
    const ranges = reported.get(spec.name);
    if (ranges === undefined) {
      const seen = [...reported.keys()];
      throw new Error(
        `the guest did not report region ${spec.name} (${seen.length ? `it reported ${seen.join(', ')}` : 'it reported none'}); ` +
          'kernel regions come from the built-in agent (QFI-REGION lines from /proc/iomem): with another guest, give the ranges as `name=0xSTART-0xEND`',
      );
    }
    return { name: spec.name, kind: 'ram', ranges };
  });
}
