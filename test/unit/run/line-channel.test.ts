import { createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { connectUnix, decodeJson, LineChannel, Transcript, type LineChannelOptions } from '../../../src/run/line-channel.js';
import { QmpClient } from '../../../src/run/qmp-client.js';
import { PluginControl } from '../../../src/run/plugin-control.js';
import { QtestServer } from '../../../src/qtest/qtest-client.js';

// A real UNIX socket server plays the other end: it writes scripted chunks and records what it got.
let dir: string;
let server: Server;
let peer: Promise<Socket>;
let received: string;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'qfi-channel-'));
  received = '';
  server = createServer();
  peer = new Promise((resolve) =>
    server.once('connection', (s) => {
      s.on('error', () => {}); // the client may close first
      s.on('data', (d: Buffer) => (received += d.toString('latin1')));
      resolve(s);
    }),
  );
  await new Promise<void>((resolve) => server.listen(join(dir, 's.sock'), resolve));
});
afterEach(async () => {
  void peer.then((s) => s.destroy());
  await new Promise((resolve) => server.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

type Msg = { id?: number; event?: string };
async function channel(over: Partial<LineChannelOptions<Msg>> = {}) {
  const unclaimed: Msg[] = [];
  const ch = new LineChannel<Msg>(await connectUnix(join(dir, 's.sock')), {
    decode: decodeJson<Msg>,
    onUnclaimed: (m) => unclaimed.push(m),
    closedError: (cause) => new Error(cause ? `broke: ${cause.message}` : 'closed'),
    ...over,
  });
  return { ch, unclaimed, other: await peer };
}
const byId = (id: number) => (m: Msg) => m.id === id;
const wait = { timeoutMs: 2_000, timeoutError: () => new Error('timed out') };
const tick = (ms = 20) => new Promise((resolve) => setTimeout(resolve, ms));

describe('LineChannel', () => {
  it('joins a line split across chunks, even inside a UTF-8 character', async () => {
    const { ch, other } = await channel();
    const reply = ch.waitFor(byId(1), wait);
    const bytes = Buffer.from('{"id":1,"event":"é"}\n');
    const cut = bytes.indexOf(0xc3) + 1;
    other.write(bytes.subarray(0, cut));
    await tick();
    other.write(bytes.subarray(cut));
    expect(await reply).toEqual({ id: 1, event: 'é' });
  });

  it('hands several replies of one chunk to their waiters, and the rest to onUnclaimed', async () => {
    const { ch, other, unclaimed } = await channel();
    const [two, one] = [ch.waitFor(byId(2), wait), ch.waitFor(byId(1), wait)];
    other.write('{"id":1}\n{"event":"STOP"}\r\n\n{"id":2}\nnot json\n');
    expect(await one).toEqual({ id: 1 });
    expect(await two).toEqual({ id: 2 });
    expect(unclaimed).toEqual([{ event: 'STOP' }]);
  });

  it('a waiter times out; with keepPlace its late reply is not taken for the next waiter', async () => {
    const { ch, other } = await channel();
    const any = () => true;
    await expect(ch.waitFor(any, { ...wait, timeoutMs: 30, keepPlace: true })).rejects.toThrow('timed out');
    const next = ch.waitFor(any, wait);
    other.write('{"id":1}\n{"id":2}\n');
    expect(await next).toEqual({ id: 2 });
    // Without keepPlace the waiter leaves: the next message goes to the next waiter.
    await expect(ch.waitFor(any, { ...wait, timeoutMs: 30 })).rejects.toThrow('timed out');
    const after = ch.waitFor(any, wait);
    other.write('{"id":3}\n');
    expect(await after).toEqual({ id: 3 });
  });

  it('an aborted waiter rejects with the reason; the end of the connection rejects all, and later calls', async () => {
    const { ch, other } = await channel();
    const abort = new AbortController();
    const aborted = ch.waitFor(byId(1), { ...wait, signal: abort.signal });
    abort.abort(new Error('run stopping'));
    await expect(aborted).rejects.toThrow('run stopping');
    const pending = ch.waitFor(byId(2), wait);
    other.end();
    await expect(pending).rejects.toThrow('closed');
    await expect(ch.waitFor(byId(3), wait)).rejects.toThrow('closed');
    expect(() => ch.send('{}')).toThrow('closed');
  });

  it('writes a transcript of both directions, with the reset byte and cut lines', async () => {
    const log = createWriteStream(join(dir, 'transcript.log'));
    const { ch, other } = await channel({ transcript: new Transcript(log, Date.now(), 40), resetByte: 0xff });
    const reply = ch.waitFor(byId(7), wait);
    ch.send('{"id":7}', 0xff);
    other.write(Buffer.concat([Buffer.from('{"half'), Buffer.from([0xff]), Buffer.from('{"id":7,"event":"long enough to be cut here"}\n')]));
    await reply;
    ch.close();
    await new Promise((resolve) => log.end(resolve));
    const lines = readFileSync(join(dir, 'transcript.log'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => l.replace(/^\d+\.\d{3} /, ''));
    expect(lines).toEqual(['> <0xFF>{"id":7}', '< <0xFF> (dropped 6 bytes before it)', '< {"id":7,"event":"long enough to be cut h… (5 more characters)']);
    expect(received).toBe('\xff{"id":7}\n');
  });
});

describe('the socket clients over LineChannel', () => {
  it('QmpClient: greeting, capabilities, a command by id, events between, qmp.log', async () => {
    const log = createWriteStream(join(dir, 'qmp.log'));
    const events: string[] = [];
    void peer.then((s) => {
      s.write('{"QMP": {"version": {}}}\n');
      s.on('data', (d: Buffer) => {
        for (const line of d.toString().trim().split('\n')) {
          const { id } = JSON.parse(line) as { id: string };
          s.write(`{"event": "RESUME"}\n{"return": {"status": "${id}"}, "id": "${id}"}\n`);
        }
      });
    });
    const qmp = await QmpClient.connect(join(dir, 's.sock'), { log, startedAt: Date.now() });
    qmp.onEvent((e) => events.push(e.event));
    expect(await qmp.execute('query-status')).toEqual({ status: 'qfi-2' });
    expect(events).toEqual(['RESUME']);
    qmp.close();
    await expect(qmp.execute('cont')).rejects.toThrow('QMP connection closed; cannot run cont');
    await new Promise((resolve) => log.end(resolve));
    expect(readFileSync(join(dir, 'qmp.log'), 'utf8')).toMatch(/^\d+\.\d{3} < \{"QMP"[^\n]*\n\d+\.\d{3} > \{"execute":"qmp_capabilities","id":"qfi-1"\}\n/);
  });

  it('PluginControl: one reply per request, in order', async () => {
    void peer.then((s) =>
      s.on('data', (d: Buffer) => {
        const lines = d.toString().trim().split('\n');
        s.write(lines.map((l) => `{"ok":true,"echo":${l}}\n`).join(''));
      }),
    );
    const control = new PluginControl(join(dir, 's.sock'));
    const [a, b] = await Promise.all([control.request({ cmd: 'marker', name: 'a' }), control.request({ cmd: 'status' })]);
    expect(a).toEqual({ ok: true, echo: { cmd: 'marker', name: 'a' } });
    expect(b).toEqual({ ok: true, echo: { cmd: 'status' } });
    control.close();
  });

  it('QtestConnection: answers in order, IRQ lines in between', async () => {
    server.close();
    const qtest = await QtestServer.listen(join(dir, 'q.sock'));
    const accepted = qtest.accept(new AbortController().signal);
    const qemu = await connectUnix(join(dir, 'q.sock'));
    const conn = await accepted;
    qemu.on('data', () => qemu.write('IRQ raise 4\r\nOK 0x51\r\n'));
    const answer = await conn.send('readb 0x3f8', 2_000);
    expect(answer).toEqual({ status: 'OK', rest: '0x51', line: 'OK 0x51' });
    expect(conn.irqs.get(4)).toBe(true);
    qemu.destroy();
    conn.close();
    qtest.close();
  });
});
