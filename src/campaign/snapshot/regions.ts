/**
 * Where a snapshot campaign's flips land. Built-in regions are resolved at run time: `ram`
 * from the machine's memory map, the kernel's sections from the built-in agent's
 * `QFI-REGION:` report (its /proc/iomem), `registers` from the architecture's register file.
 * Given regions are guest-physical ranges: `name=0xSTART-0xEND` (end exclusive), `;` between.
 */
import type { Arch } from '../../config/types.js';
import type { RegionSpec } from '../../config/region-spec.js';
import type { ConsoleEvent } from '../../run/types.js';

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
export function resolveRegions(
  specs: readonly RegionSpec[],
  opts: { arch: Arch; ram: Array<[bigint, bigint]>; reported: readonly ConsoleEvent[] },
): ResolvedRegion[] {
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
