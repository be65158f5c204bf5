import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BlockTraceReader } from '../../../src/run/block-trace.js';

/**
 * test/fixtures/traces/two-disks.log was recorded by scripts/record-block-trace-fixture.sh
 * (Debian's QEMU 7.2, `pid@sec.usec:` time stamps): disks `data` and `logs`, rules
 * block.read[disk=data sectors=2-3]=fail and block.write[disk=logs errno=ENOSPC]=drop-every:2.
 * The runner's own accounting of that run is two-disks.injections.jsonl.
 */
const fixture = (name: string) => readFileSync(new URL(`../../fixtures/traces/${name}`, import.meta.url), 'utf8');

describe('BlockTraceReader', () => {
  it('ties each failed request to its disk, sector and errno, as the runner recorded', () => {
    const reader = new BlockTraceReader(
      new Map([
        ['/run/disk-data.raw', 'data'],
        ['/run/disk-logs.raw', 'logs'],
      ]),
    );
    for (const line of fixture('two-disks.log').split('\n')) reader.addLine(line);
    expect(reader.unmatched).toBe(0);
    const recorded = fixture('two-disks.injections.jsonl')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { disk: string; op: string; sector: number; sectors: number; errno: string });
    expect(reader.failures.map((f) => [f.disk, f.op, f.sector, f.sectors, f.errno])).toEqual(
      recorded.map((r) => [r.disk, r.op, r.sector, r.sectors, r.errno === 'ENOSPC' ? 28 : 5]),
    );
    // Every failed read touches sectors 2-3; the writes on `logs` fail every second one.
    expect(reader.failures.filter((f) => f.disk === 'data').every((f) => f.sector! <= 3 && f.sector! + f.sectors! > 2)).toBe(true);
    expect(reader.failures.filter((f) => f.disk === 'logs').map((f) => f.ordinal % 2)).toEqual([0, 0]);
    expect(reader.total('logs', 'write')).toBe(4);
  });

  it('reads the ISO time stamps of newer QEMU and counts requests per disk and kind', () => {
    const reader = new BlockTraceReader(new Map([['/i.raw', 'd']]));
    const lines = [
      '2026-11-21T01:56:17.000100Z bdrv_open_common bs 0xa filename "/i.raw" flags 0x2002 format_name "raw"',
      '2026-11-21T01:56:17.000200Z virtio_blk_handle_read vdev 0xv req 0xr sector 9 nsectors 1',
      '2026-11-21T01:56:17.000300Z blk_co_preadv blk 0xb bs 0xa offset 4608 bytes 512 flags 0x0',
      '2026-11-21T01:56:17.000400Z virtio_blk_rw_complete vdev 0xv req 0xr ret -28',
      '2026-11-21T01:56:17.000500Z virtio_blk_req_complete vdev 0xv req 0xr status 1',
      '2026-11-21T01:56:18.000000Z virtio_blk_req_complete vdev 0xv req 0xs status 1',
    ];
    for (const line of lines) reader.addLine(line);
    expect(reader.failures).toEqual([
      { disk: 'd', op: 'read', at: Date.parse('2026-11-21T01:56:17Z') + 0.4, ordinal: 1, sector: 9, sectors: 1, errno: 28 },
      { disk: 'd', op: 'flush', at: Date.parse('2026-11-21T01:56:18Z'), ordinal: 1, sector: undefined, sectors: undefined, errno: undefined },
    ]);
    expect(reader.total('d', 'read')).toBe(1);
    expect(reader.total('d', 'flush')).toBe(1);
  });
});
