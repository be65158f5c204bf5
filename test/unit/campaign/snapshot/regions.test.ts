import { describe, expect, it } from 'vitest';
import { defaultRegions, parseRegionLine, printRegionLine } from '../../../../src/config/region-spec.js';
import { resolveRegions } from '../../../../src/campaign/snapshot/regions.js';
import { loadConsoleFixture } from '../../../helpers/console-fixture.js';

describe('region lines', () => {
  it('takes built-in names and named ranges', () => {
    expect(parseRegionLine(' kernel-code ')).toEqual({ name: 'kernel-code' });
    expect(parseRegionLine('dma=0x8000000-0x8100000; 0x9000000-0x9001000')).toEqual({ name: 'dma', ranges: '0x8000000-0x8100000;0x9000000-0x9001000' });
    expect(printRegionLine(parseRegionLine('dma=0x10-0x20'))).toBe('dma=0x10-0x20');
  });

  it.each([
    ['kernel-text', /unknown region "kernel-text"/],
    ['ram=0x0-0x10', /built in and takes no ranges/],
    ['Buf=0x0-0x10', /bad region name/],
    ['buf=0x20-0x10', /bad range "0x20-0x10"/],
    ['buf=0x0-0x', /bad range/],
  ])('refuses %s', (line, message) => {
    expect(() => parseRegionLine(line)).toThrow(message);
  });

  it('defaults to the kernel sections and RAM for the built-in guest', () => {
    expect(defaultRegions(true).map((r) => r.name)).toEqual(['kernel-code', 'kernel-data', 'ram', 'registers']);
    expect(defaultRegions(false).map((r) => r.name)).toEqual(['ram', 'registers']);
  });
});

describe('resolveRegions', () => {
  const { events } = loadConsoleFixture('regions');
  const ram: Array<[bigint, bigint]> = [
    [0n, 0xa0000n],
    [0x100000n, 0x10000000n],
  ];

  it("takes kernel sections from the agent's report, RAM from the memory map, registers from the arch", () => {
    const regions = resolveRegions([{ name: 'kernel-code' }, { name: 'ram' }, { name: 'registers' }, { name: 'buf', ranges: '0x10-0x20' }], {
      arch: 'x86_64',
      ram,
      reported: events,
    });
    expect(regions[0]).toEqual({ name: 'kernel-code', kind: 'ram', ranges: events.find((e) => e.name === 'kernel-code')!.value });
    expect(regions[1]).toEqual({ name: 'ram', kind: 'ram', ranges: '0x0-0xa0000;0x100000-0x10000000' });
    expect(regions[2]).toMatchObject({ kind: 'registers' });
    expect(regions[3]).toEqual({ name: 'buf', kind: 'ram', ranges: '0x10-0x20' });
  });

  it('says which regions the guest reported when one is missing', () => {
    expect(() => resolveRegions([{ name: 'kernel-bss' }], { arch: 'x86_64', ram, reported: [] })).toThrow(
      /did not report region kernel-bss \(it reported none\)/,
    );
  });
});
