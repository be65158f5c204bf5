import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../src/core/host.js';
import type { Plan } from '../../../src/plan/types.js';
import type { ConsoleEvent } from '../../../src/run/types.js';
import { ConsoleAgent, QemuGuestAgentDriver } from '../../../src/run/agent-drivers.js';

describe('ConsoleAgent', () => {
  it('answers a guest that waits on its console: go at the test start, ack at a synced marker', () => {
    const said: string[] = [];
    const agent = new ConsoleAgent({ syncTestStart: true, syncMarkers: ['warm'] }, (line) => said.push(line));
    agent.release({ kind: 'marker', name: 'warm' });
    agent.release({ kind: 'marker', name: 'other' });
    agent.release({ kind: 'start' });
    agent.stop();
    expect(said).toEqual(['ack warm', 'go']);
  });

  it('says nothing to a guest that does not wait', () => {
    const said: string[] = [];
    const agent = new ConsoleAgent({ syncTestStart: false, syncMarkers: [] }, (line) => said.push(line));
    agent.release({ kind: 'start' });
    agent.release({ kind: 'marker', name: 'warm' });
    expect(said).toEqual([]);
  });
});

describe('QemuGuestAgentDriver', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'qfi-qga-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  /** A scripted qemu-ga on QEMU's side of the socket: sync, ping, exec, one status poll, shutdown. */
  async function scriptedAgent(socket: string): Promise<{ server: Server; asked: string[] }> {
    const asked: string[] = [];
    const server = createServer((s) => {
      let pending = '';
      s.on('data', (d: Buffer) => {
        pending += d.toString('latin1').replaceAll('\xff', '');
        const lines = pending.split('\n');
        pending = lines.pop()!;
        for (const line of lines) {
          const { execute, arguments: args, id } = JSON.parse(line) as { execute: string; arguments?: Record<string, unknown>; id?: string };
          asked.push(execute);
          const reply = (ret: unknown) => s.write(`${JSON.stringify({ return: ret, id })}\n`);
          if (execute === 'guest-sync-delimited') s.write(Buffer.concat([Buffer.from([0xff]), Buffer.from(`{"return": ${String(args!.id)}}\n`)]));
          else if (execute === 'guest-ping') reply({});
          else if (execute === 'guest-exec') reply({ pid: 42 });
          else if (execute === 'guest-exec-status') reply({ exited: true, exitcode: 3, 'out-data': Buffer.from('hi\n').toString('base64') });
          else if (execute === 'guest-shutdown') s.end(); // QEMU exits: no answer
        }
      });
    });
    await new Promise<void>((resolve) => server.listen(socket, resolve));
    return { server, asked };
  }

  it('runs the command over the socket and reports ready, start and exit like the console agent', async () => {
    const socket = join(dir, 'qga.sock');
    const { server, asked } = await scriptedAgent(socket);
    const events: ConsoleEvent[] = [];
    const plan = {
      command: 'echo hi; exit 3',
      seed: 1,
      guestRules: [],
      resultsFile: undefined,
      timeouts: { bootMs: 5_000, testMs: 5_000, overallMs: 10_000 },
      host: { syncTestStart: false, syncMarkers: [] },
    } as unknown as Plan;
    const failures: Error[] = [];
    let powerOffRefused = false;
    await new Promise<void>((resolve) => {
      new QemuGuestAgentDriver({
        socket,
        plan,
        resultsDir: dir,
        log: silentLogger,
        startedAt: Date.now(),
        tellGuest: () => {},
        onEvent: (e) => {
          events.push(e);
          if (e.kind === 'test-exit') setTimeout(resolve, 1_200); // the shutdown's error wait
        },
        onPowerOffRefused: () => (powerOffRefused = true),
        onFailure: (err) => failures.push(err),
      });
    });
    server.close();
    expect(events.map((e) => [e.kind, e.exitCode])).toEqual([
      ['agent-ready', undefined],
      ['test-start', undefined],
      ['test-exit', 3],
    ]);
    expect(asked).toEqual(['guest-sync-delimited', 'guest-ping', 'guest-exec', 'guest-exec-status', 'guest-shutdown']);
    expect(readFileSync(join(dir, 'command-stdout.log'), 'utf8')).toBe('hi\n');
    expect(readFileSync(join(dir, 'qga.log'), 'utf8')).toMatch(/> <0xFF>\{"execute":"guest-sync-delimited"/);
    expect(failures).toEqual([]);
    expect(powerOffRefused).toBe(false);
  });
});
