import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PluginLink } from '../../../src/run/plugin-link.js';
import type { ConsoleEvent } from '../../../src/run/types.js';
import { recordingLogger } from '../../helpers/recording-logger.js';

// A scripted qfi-fault control socket: records each request, refuses `add` of rule r2, counts 777 instructions.
let dir: string;
let server: Server;
const requests: unknown[] = [];
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'qfi-plugin-link-'));
  requests.length = 0;
  server = createServer((s) => {
    s.on('error', () => {});
    s.on('data', (d: Buffer) => {
      for (const line of d.toString().trim().split('\n')) {
        const req = JSON.parse(line) as { cmd: string; rule?: string };
        requests.push(req);
        const reply = req.cmd === 'status' ? { ok: true, icount: [777] } : req.rule?.startsWith('id=r2') ? { ok: false, error: 'bad addr' } : { ok: true };
        s.write(`${JSON.stringify(reply)}\n`);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(join(dir, 'plugin.sock'), resolve));
});
afterEach(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

const ev = (kind: ConsoleEvent['kind'], extra: Partial<ConsoleEvent> = {}): ConsoleEvent => ({ kind, line: 1, atMs: 0, text: kind, ...extra });

describe('PluginLink', () => {
  it("reports ready, start and markers; adds the rules that waited for a marker's address; reads the instruction count", async () => {
    const log: string[] = [];
    const rules = [
      { id: 'r1', rule: 'mem.flip[addr=guest]', line: 'id=r1 addr=@ trigger=insn:+5', action: 'flip-ram' as const, waitsFor: 'buf' },
      { id: 'r2', rule: 'mem.flip[addr=guest]', line: 'id=r2 addr=@ trigger=insn:+9', action: 'flip-ram' as const, waitsFor: 'buf' },
      { id: 'r3', rule: 'insn.skip', line: 'id=r3 trigger=insn:100', action: 'skip' as const },
    ];
    const link = new PluginLink(join(dir, 'plugin.sock'), rules, recordingLogger(log));
    link.onEvent(ev('agent-ready'));
    link.onEvent(ev('test-start'));
    link.onEvent(ev('marker', { name: 'buf', value: '0x2000' }));
    link.onEvent(ev('marker', { name: 'buf', value: '0x3000' })); // already added: only the marker
    link.onEvent(ev('panic'));
    expect(await link.icount(2_000)).toBe(777);
    link.close();
    expect(requests).toEqual([
      { cmd: 'marker', name: 'ready' },
      { cmd: 'marker', name: 'start' },
      { cmd: 'add', rule: 'id=r1 addr=0x2000 trigger=insn:+5' },
      { cmd: 'add', rule: 'id=r2 addr=0x2000 trigger=insn:+9' },
      { cmd: 'marker', name: 'buf' },
      { cmd: 'marker', name: 'buf' },
      { cmd: 'status' },
    ]);
    expect(log.filter((l) => !l.startsWith('debug'))).toEqual([
      'info: plugin rule r1 armed at 0x2000: mem.flip[addr=guest]',
      'warn: the plugin refused rule r2 (id=r2 addr=0x2000 trigger=insn:+9): bad addr',
    ]);
  });

  it('an unreachable plugin is a warning, and no instruction count', async () => {
    const log: string[] = [];
    const link = new PluginLink(join(dir, 'none.sock'), [], recordingLogger(log));
    link.onEvent(ev('marker', { name: 'm' }));
    expect(await link.icount(500)).toBeUndefined();
    expect(log).toEqual([expect.stringMatching(/^warn: could not tell the plugin about marker m: connect ENOENT/)]);
  });
});
