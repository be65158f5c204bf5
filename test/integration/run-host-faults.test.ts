import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { localCacheDir } from '../../src/core/cache-dir.js';
import { silentLogger, type Host } from '../../src/core/host.js';
import { runPipeline } from '../../src/modes/run-pipeline.js';
import type { RawInputs } from '../../src/config/index.js';
import type { HostInjection } from '../../src/observe/host-injections.js';
import { guestProgramFiles } from '../helpers/guest-programs.js';
import { builtQemu } from '../helpers/qfi-plugin.js';

/**
 * Host fault layers on the built-in Linux guest: block rules through blkdebug on a virtio
 * disk, VM and network rules over QMP. Most runs use the system QEMU (Debian's 7.2, what
 * `qemu: auto` picks); the qcow2 run uses the QEMU 10.2.2 qfi builds. The guest runs
 * test/fixtures/guests/blkio/blkio.c, which makes one O_DIRECT request per sector and prints
 * its outcome, so every check below is request by request, inside the guest.
 */
const host: Host = { log: silentLogger, cacheDir: localCacheDir() };
let files: string[];

beforeAll(async () => {
  files = guestProgramFiles(['blkio/blkio.c']);
}, 120_000);

async function qfi(inputs: RawInputs) {
  const cwd = mkdtempSync(join(tmpdir(), 'qfi-host-'));
  const result = await runPipeline({ inputs: { files, 'results-dir': join(cwd, 'results'), 'test-timeout': '60s', ...inputs }, cwd }, host);
  const consoleText = readFileSync(result.run.record.files.console, 'utf8');
  const injectionsFile = join(result.config.report.dir, 'injections.jsonl');
  const injections = readFileSync(injectionsFile, 'utf8')
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as HostInjection);
  return { ...result, consoleText, injections };
}

/** `blkio: read 7 EIO` -> [[7, 'EIO'], ...] for one operation, in order. */
function outcomes(consoleText: string, op: string): Array<[number, string]> {
  return [...consoleText.matchAll(new RegExp(`^blkio: ${op} (\\d+) (\\S+)$`, 'gm'))].map((m) => [Number(m[1]), m[2]!]);
}
const failed = (list: Array<[number, string]>) => list.filter(([, s]) => s !== 'ok').map(([n]) => n);

describe('block rules on a virtio disk (system QEMU)', () => {
  it('fail-after:3 counts from the test start: reads 1-3 succeed, every later one fails, and injections.jsonl lists each', async () => {
    const { run, consoleText, injections } = await qfi({
      command: '/root/blkio /dev/qfi/data read 0 10',
      disks: 'id=data size=1M',
      faults: 'block.read[disk=data]=fail-after:3',
    });
    const reads = outcomes(consoleText, 'read');
    expect(reads).toHaveLength(10);
    expect(failed(reads)).toEqual([3, 4, 5, 6, 7, 8, 9]);
    expect(injections.map((i) => [i.sector, i.request, i.errno, i.rule])).toEqual([3, 4, 5, 6, 7, 8, 9].map((s) => [s, s + 1, 'EIO', 'h1']));
    expect(run.verdict).toBe('fail');
    expect(run.injections?.perRule).toEqual([expect.objectContaining({ id: 'h1', layer: 'block', fires: 7 })]);
  }, 60_000);

  it("from=boot counts the kernel's own partition-scan read: fail-after:1 then fails the test's first read", async () => {
    const { consoleText, injections } = await qfi({
      command: '/root/blkio /dev/qfi/data read 0 3',
      disks: 'id=data size=1M',
      faults: 'block.read[from=boot]=fail-after:1',
    });
    expect(failed(outcomes(consoleText, 'read'))).toEqual([0, 1, 2]);
    expect(injections[0]).toMatchObject({ sector: 0, request: 2 });
  }, 60_000);

  it('drop-every:3 on writes fails exactly every third write, and the written data reads back where writes succeeded', async () => {
    const { consoleText, injections } = await qfi({
      command: '/root/blkio /dev/qfi/data write 0 10 7; /root/blkio /dev/qfi/data verify 0 10 7; true',
      disks: 'id=data size=1M',
      faults: 'block.write=drop-every:3',
    });
    expect(failed(outcomes(consoleText, 'write'))).toEqual([2, 5, 8]);
    expect(failed(outcomes(consoleText, 'verify'))).toEqual([2, 5, 8]); // never written: zeros, not the pattern
    expect(injections.map((i) => i.request)).toEqual([3, 6, 9]);
  }, 60_000);

  it('rate:300 fails the same requests for the same seed and other requests for another seed', async () => {
    const command = '/root/blkio /dev/qfi/data read 0 60; true';
    const a = await qfi({ command, disks: 'id=data size=1M', faults: 'block.read=rate:300', seed: '7' });
    const b = await qfi({ command, disks: 'id=data size=1M', faults: 'block.read=rate:300', seed: '7' });
    const c = await qfi({ command, disks: 'id=data size=1M', faults: 'block.read=rate:300', seed: '8' });
    const [fa, fb, fc] = [a, b, c].map((r) => failed(outcomes(r.consoleText, 'read')));
    expect(fa).toEqual(fb);
    expect(fa).not.toEqual(fc);
    // About 300 per 1000 of 60 requests: 18 expected; binomial bounds far outside chance.
    expect(fa!.length).toBeGreaterThan(6);
    expect(fa!.length).toBeLessThan(32);
    for (const r of [a, b, c]) expect(r.injections.map((i) => i.sector)).toEqual(failed(outcomes(r.consoleText, 'read')));
  }, 120_000);

  it("errno=ENOSPC: every write fails (the guest sees virtio-blk's I/O error), the host records ENOSPC, the VM keeps running", async () => {
    const { run, consoleText, injections } = await qfi({
      command: '/root/blkio /dev/qfi/data write 0 4; /root/blkio /dev/qfi/data read 0 2',
      disks: 'id=data size=1M',
      faults: 'block.write[errno=ENOSPC]=fail',
    });
    expect(failed(outcomes(consoleText, 'write'))).toEqual([0, 1, 2, 3]);
    expect(failed(outcomes(consoleText, 'read'))).toEqual([]);
    expect(injections.map((i) => i.errno)).toEqual(['ENOSPC', 'ENOSPC', 'ENOSPC', 'ENOSPC']);
    expect(readFileSync(run.record.files.qmpLog, 'utf8')).toMatch(/"BLOCK_IO_ERROR".*"reason": "No space left on device".*"action": "report"/);
    expect(run.verdict).toBe('pass'); // the last command (the reads) exited 0: werror=report, no pause
  }, 60_000);

  it('block.flush=drop-every:2 with errno=EROFS: every second flush fails, the writes before them do not', async () => {
    const { consoleText, injections } = await qfi({
      command: '/root/blkio /dev/qfi/data flush 0 6; true',
      disks: 'id=data size=1M',
      faults: 'block.flush[errno=EROFS]=drop-every:2',
    });
    expect(failed(outcomes(consoleText, 'flush'))).toEqual([1, 3, 5]);
    expect(injections.map((i) => [i.op, i.errno])).toEqual([
      ['flush', 'EROFS'],
      ['flush', 'EROFS'],
      ['flush', 'EROFS'],
    ]);
  }, 60_000);

  it('sectors=8-15: only requests touching the range fail', async () => {
    const { consoleText, injections } = await qfi({
      command: '/root/blkio /dev/qfi/data read 0 24; true',
      disks: 'id=data size=1M',
      faults: 'block.read[sectors=8-15]=fail',
    });
    expect(failed(outcomes(consoleText, 'read'))).toEqual([8, 9, 10, 11, 12, 13, 14, 15]);
    expect(injections.map((i) => i.sector)).toEqual([8, 9, 10, 11, 12, 13, 14, 15]);
  }, 60_000);

  it('a window opened by a guest marker and closed after 1 s fails requests only inside it; data written before and after is intact', async () => {
    const b = '/root/blkio /dev/qfi/data';
    const command = [
      `${b} write 0 16 3`,
      'qfi-marker window',
      // Inside the window (opened before qfi-marker returns): reads fail until it closes.
      `for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do ${b} read 100 1 >/dev/null && echo "probe $i ok" || echo "probe $i fail"; sleep 0.2; done`,
      `${b} write 16 16 3`,
      `${b} verify 0 32 3`,
    ].join('; ');
    const { consoleText, injections } = await qfi({ command, disks: 'id=data size=1M', faults: 'block.read[on=window for=1s]=fail' });
    const probes = [...consoleText.matchAll(/^probe (\d+) (ok|fail)$/gm)].map((m) => m[2]);
    expect(probes).toHaveLength(20);
    const firstOk = probes.indexOf('ok');
    expect(firstOk).toBeGreaterThan(0); // the first probe is inside the window
    expect(probes.slice(0, firstOk).every((p) => p === 'fail')).toBe(true);
    expect(probes.slice(firstOk).every((p) => p === 'ok')).toBe(true); // closed for good
    expect(consoleText).toMatch(/blkio: verify done ok=32 failed=0 \(content intact\)/);
    expect(injections).toHaveLength(firstOk);
    expect(injections.every((i) => i.sector === 100 && i.rule === 'h1')).toBe(true);
  }, 60_000);

  it('require-fired turns a pass whose rule never fired into a failure', async () => {
    const { run } = await qfi({
      command: '/root/blkio /dev/qfi/data read 0 2',
      disks: 'id=data size=1M',
      faults: 'block.read[on=never-printed]=fail',
      'require-fired': 'true',
    });
    expect(run.verdict).toBe('fail');
    expect(run.reason).toMatch(/require-fired: rule h1 \(block\.read\[on=never-printed\]=fail\) never fired/);
  }, 60_000);
});

describe('block rules on a qcow2 disk (the QEMU 10.2.2 qfi builds)', () => {
  it('drop-every:3 on writes with qcow2 metadata I/O in between', async () => {
    const qemu = await builtQemu();
    const { run, consoleText, injections } = await qfi({
      qemu: qemu.binary,
      command: '/root/blkio /dev/qfi/data write 0 9 5; /root/blkio /dev/qfi/data verify 0 9 5; true',
      disks: 'id=data size=1M format=qcow2',
      faults: 'block.write=drop-every:3',
    });
    expect(run.provisioned.qemuVersion).toBe('10.2.2');
    expect(failed(outcomes(consoleText, 'write'))).toEqual([2, 5, 8]);
    expect(failed(outcomes(consoleText, 'verify'))).toEqual([2, 5, 8]);
    expect(injections.map((i) => i.request)).toEqual([3, 6, 9]);
  }, 300_000);
});

describe('VM and network rules over QMP', () => {
  it("vm.pause for 2 s on a marker: the guest's RTC (host time) jumps 2 s while its uptime barely moves", async () => {
    const command =
      'r0=$(cat /sys/class/rtc/rtc0/since_epoch); u0=$(cut -d" " -f1 /proc/uptime); qfi-marker pause; r1=$(cat /sys/class/rtc/rtc0/since_epoch); u1=$(cut -d" " -f1 /proc/uptime); echo "clock rtc=$((r1 - r0)) uptime=$u0..$u1"';
    const { run, consoleText, injections } = await qfi({ command, faults: 'vm.pause[on=pause duration=2s]=fail' });
    const [, rtc, u0, u1] = /clock rtc=(\d+) uptime=([\d.]+)\.\.([\d.]+)/.exec(consoleText)!;
    expect(Number(rtc)).toBeGreaterThanOrEqual(2);
    expect(Number(u1) - Number(u0)).toBeLessThan(0.5);
    expect(injections).toEqual([expect.objectContaining({ layer: 'vm', point: 'vm.pause', durationMs: 2000, rule: 'h1' })]);
    expect(run.verdict).toBe('pass');
  }, 60_000);

  it('vm.reset once, 1 s into the test: the guest reboots, the agent runs the command again, and it completes', async () => {
    const { run, consoleText, injections } = await qfi({ command: 'echo run-start; sleep 2; echo run-done', faults: 'vm.reset[after=1s]=fail' });
    expect(consoleText.match(/^run-start$/gm)).toHaveLength(2);
    expect(consoleText.match(/^run-done$/gm)).toHaveLength(1);
    expect(injections).toEqual([expect.objectContaining({ layer: 'vm', point: 'vm.reset', rule: 'h1' })]);
    expect(run.verdict).toBe('pass');
  }, 60_000);

  it('vm.nmi on a marker: the guest kernel reports the NMI', async () => {
    const { consoleText, injections } = await qfi({ command: 'qfi-marker nmi; sleep 1', faults: 'vm.nmi[on=nmi]=fail' });
    expect(consoleText).toMatch(/NMI received for unknown reason/);
    expect(injections).toEqual([expect.objectContaining({ layer: 'vm', point: 'vm.nmi' })]);
  }, 60_000);

  it('net.link down for 3 s: pings to the user-net gateway fail, then come back', async () => {
    const ping = 'ping -c 1 -W 1 10.0.2.2 >/dev/null 2>&1';
    const command = `${ping} && echo "ping 0 ok"; qfi-marker link; for i in 1 2 3 4 5 6 7 8; do ${ping} && echo "ping $i ok" || echo "ping $i fail"; sleep 0.5; done`;
    const { consoleText, injections } = await qfi({ command, network: 'user', faults: 'net.link[on=link duration=3s]=fail' });
    const pings = [...consoleText.matchAll(/^ping (\d) (ok|fail)$/gm)].map((m) => m[2]);
    expect(pings[0]).toBe('ok');
    expect(pings[1]).toBe('fail');
    expect(pings[pings.length - 1]).toBe('ok');
    const firstBack = pings.indexOf('ok', 1);
    expect(pings.slice(1, firstBack).every((p) => p === 'fail')).toBe(true);
    expect(injections).toEqual([expect.objectContaining({ layer: 'net', point: 'net.link', durationMs: 3000 })]);
  }, 60_000);
});
