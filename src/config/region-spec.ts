/**
 * Where a snapshot campaign's flips land (`regions`): a built-in region, resolved at run time
 * (campaign/snapshot/regions.ts), or given guest-physical ranges `name=0xSTART-0xEND` (end
 * exclusive, `;` between).
 */
import { ValueProblem } from '../core/value-problem.js';
import { KERNEL_REGIONS } from '../protocol/guest-protocol.js';

/** A region flips of a snapshot campaign land in: built in (resolved at run time) or given ranges. */
export interface RegionSpec {
  name: string;
  /** `0xSTART-0xEND` (end exclusive) joined by `;`, as the plugin takes them; undefined for built-in regions. */
  ranges?: string;
}

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
  if (!NAME.test(name))
    throw new ValueProblem(`bad region name ${JSON.stringify(name)}`, 'region names are lower-case letters, digits and -, up to 32, starting with a letter');
  if ((BUILTIN_REGIONS as readonly string[]).includes(name))
    throw new ValueProblem(`region ${name} is built in and takes no ranges`, `write just \`${name}\`, or give your ranges another name`);
  const ranges = text
    .slice(eq + 1)
    .split(';')
    .map((r) => r.trim());
  for (const r of ranges) {
    const m = RANGE.exec(r);
    if (!m || BigInt(`0x${m[1]}`) >= BigInt(`0x${m[2]}`)) throw new ValueProblem(`bad range ${JSON.stringify(r)} in region ${name}`, REGION_HINT);
  }
  return { name, ranges: ranges.join(';') };
}

export function printRegionLine(spec: RegionSpec): string {
  return spec.ranges === undefined ? spec.name : `${spec.name}=${spec.ranges}`;
}
