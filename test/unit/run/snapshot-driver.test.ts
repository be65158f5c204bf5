import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../src/core/host.js';
import { QmpClient } from '../../../src/run/qmp-client.js';
import { SnapshotDriver, type SnapshotRun } from '../../../src/run/snapshot-driver.js';
import { parseSnapshotAt } from '../../../src/config/snapshot-point.js';
import type { ConsoleEvent } from '../../../src/run/types.js';

// A scripted QMP server: greets, answers every command, reports each job concluded.
let dir: string;
let server: Server;
let qmp: QmpClient;
const said: string[] = [];
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'qfi-snapdrv-'));
  said.length = 0;
  let lastJob = '';
  server = createServer((s) => {
    s.on('error', () => {}); // the client may close first
    s.write('{"QMP": {}}\n');
    s.on('data', (d: Buffer) => {
      for (const line of d.toString().trim().split('\n')) {
        const { execute, arguments: args, id } = JSON.parse(line) as { execute: string; arguments?: { 'job-id'?: string }; id: string };
        said.push(execute);
        if (args?.['job-id']) lastJob = args['job-id'];
        if (execute === 'query-jobs') s.write(`${JSON.stringify({ return: [{ id: lastJob, status: 'concluded' }], id })}\n`);
        else s.write(`{"return": {}, "id": "${id}"}\n`);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(join(dir, 'qmp.sock'), resolve));
  qmp = await QmpClient.connect(join(dir, 'qmp.sock'));
  said.length = 0;
});
afterEach(async () => {
  qmp.close();
  await new Promise((resolve) => server.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

function driver(run: Partial<SnapshotRun>) {
  const failures: string[] = [];
  let stops = 0;
  let resumed = 0;
  const d = new SnapshotDriver(
    { kind: 'save', stateFile: 'state.qcow2', devices: ['disk0'], at: parseSnapshotAt('warm'), ...run },
    {
      log: silentLogger,
      elapsed: () => 1_234,
      qmp: () => qmp,
      tellGuest: (line) => said.push(`tell ${line}`),
      icount: async () => 9_000,
      onResumed: () => resumed++,
      stop: async () => void stops++,
      fail: (what) => (err) => failures.push(`${what}: ${err.message}`),
    },
  );
  return { d, failures, stops: () => stops, resumed: () => resumed };
}
const marker = (name: string): ConsoleEvent => ({ kind: 'marker', line: 3, atMs: 0, text: `QFI-MARKER:${name}`, name });
const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

describe('SnapshotDriver', () => {
  it('save: claims the marker it saves at, stops the guest, saves, ends QEMU', async () => {
    const { d, failures, stops } = driver({ at: parseSnapshotAt('warm') });
    expect(d.claims(marker('other'))).toBe(false);
    expect(d.claims({ kind: 'test-start', line: 2, atMs: 0, text: 'start' })).toBe(false);
    expect(d.claims(marker('warm'))).toBe(true);
    await settle();
    expect(said).toEqual(['stop', 'snapshot-save', 'query-jobs', 'job-dismiss']);
    expect(d.times).toMatchObject({ savedAtMs: 1_234 });
    expect(stops()).toBe(1);
    expect(failures).toEqual([]);
  });

  it('save at start claims the test start', () => {
    const { d } = driver({ at: parseSnapshotAt('start') });
    expect(d.claims(marker('warm'))).toBe(false);
    expect(d.claims({ kind: 'test-start', line: 2, atMs: 0, text: 'start' })).toBe(true);
  });

  it('resume: loads the state, then lets the guest go on, then continues the VM', async () => {
    const { d, resumed } = driver({ kind: 'resume', at: parseSnapshotAt('warm') });
    expect(d.claims(marker('warm'))).toBe(false);
    await d.connected(qmp);
    expect(said).toEqual(['snapshot-load', 'query-jobs', 'job-dismiss', 'tell ack warm', 'cont']);
    expect(resumed()).toBe(1);
    expect(d.times).toHaveProperty('loadMs');
  });

  it('a trial ends with its test: stop the VM, read the instruction count, end QEMU', async () => {
    const { d, stops } = driver({ kind: 'resume', at: parseSnapshotAt('start') });
    await d.testEnded();
    expect(said).toEqual(['stop']);
    expect(d.testEndIcount).toBe(9_000);
    expect(stops()).toBe(1);
  });

  it('a failed save is reported with where it was', async () => {
    const { d, failures } = driver({ at: parseSnapshotAt('start') });
    qmp.close();
    d.claims({ kind: 'test-start', line: 2, atMs: 0, text: 'start' });
    await settle();
    expect(failures).toEqual(['saving the state at the test start: QMP connection closed; cannot run stop']);
  });
});
