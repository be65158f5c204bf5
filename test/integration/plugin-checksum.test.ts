import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Injection } from '../../src/observe/injections.js';
import { killAll } from '../helpers/processes.js';
import { builtQemu, builtQfiPlugin } from '../helpers/qfi-plugin.js';

/**
 * Boots the freestanding checksum guest (test/fixtures/guests/checksum) with qfi-fault on
 * QEMU 10.2.2. The guest fills BUF_LEN bytes at BUF_ADDR with (7 * i + 3) & 0xff, adds them
 * up byte by byte (load_byte, then add_byte) and exits through isa-debug-exit with the low
 * 7 bits of the sum: QEMU's exit code is (value << 1) | 1. Its instruction stream is the same
 * on every run, so every count below can be derived from the plugin's own log.
 */
const BUF_ADDR = 0x100000;
const BUF_LEN = 4000;
const GATE_ADDR = 0x2000;
const SCRATCH = 0x3000;
const byteAt = (i: number) => (7 * i + 3) & 0xff;
const SUM = Array.from({ length: BUF_LEN }, (_, i) => byteAt(i)).reduce((a, b) => a + b, 0);
const exitCodeOf = (value: number) => ((value & 0x7f) << 1) | 1;
const hex = (n: number) => `0x${n.toString(16)}`;

const repo = new URL('../../', import.meta.url).pathname;
let prefix: string;

const work = mkdtempSync(join(tmpdir(), 'qfi-plugin-checksum-'));
let so: string;
const guest = join(work, 'guest');
let sym: Record<string, number> = {};
let runs = 0;
const started = new Set<number>();

afterAll(() => {
  killAll(started);
  rmSync(work, { recursive: true, force: true });
});

beforeAll(async () => {
  const qemu = await builtQemu();
  prefix = qemu.prefix;
  so = await builtQfiPlugin(qemu);
  execFileSync('sh', [join(repo, 'test/fixtures/guests/checksum/build.sh'), guest], { stdio: ['ignore', 'pipe', 'pipe'] });
  for (const line of execFileSync('nm', [join(guest, 'checksum-wait.elf')], { encoding: 'utf8' }).split('\n')) {
    const m = /^([0-9a-f]+) [Tt] (\w+)$/.exec(line.trim());
    if (m) sym[m[2]!] = parseInt(m[1]!, 16);
  }
  const plain: Record<string, number> = {};
  for (const line of execFileSync('nm', [join(guest, 'checksum.elf')], { encoding: 'utf8' }).split('\n')) {
    const m = /^([0-9a-f]+) [Tt] (\w+)$/.exec(line.trim());
    if (m) plain[m[2]!] = parseInt(m[1]!, 16);
  }
  sym = { ...sym, ...Object.fromEntries(Object.entries(plain).map(([k, v]) => [`plain.${k}`, v])) };
}, 45 * 60_000);

interface Run {
  code: number | null;
  stderr: string;
  log: string;
  logPath: string;
}

interface RunOptions {
  rules?: string[];
  /** Extra plugin arguments (key=value), or a full replacement of them. */
  pluginArgs?: string[];
  replaceArgs?: boolean;
  wait?: boolean;
  icount?: boolean;
  socket?: string;
  noPlugin?: boolean;
  onStart?: (pid: number) => Promise<void>;
}

/** Runs QEMU with the guest and the plugin; resolves with its exit code, stderr and the log. */
async function run(opts: RunOptions = {}): Promise<Run> {
  const n = ++runs;
  const logPath = join(work, `log-${n}.jsonl`);
  const args = [`log=${logPath}`];
  if (opts.rules) {
    const rulesPath = join(work, `rules-${n}.txt`);
    writeFileSync(rulesPath, `# rules of run ${n}\n${opts.rules.join('\n')}\n`);
    args.push(`rules=${rulesPath}`);
  }
  if (opts.socket) args.push(`socket=${opts.socket}`);
  const pluginArgs = opts.replaceArgs ? (opts.pluginArgs ?? []) : [...args, ...(opts.pluginArgs ?? [])];
  const argv = [
    '-M',
    'pc',
    '-accel',
    'tcg',
    '-nodefaults',
    '-display',
    'none',
    '-m',
    '16',
    '-L',
    '/usr/share/qemu',
    '-bios',
    join(guest, opts.wait ? 'checksum-wait.bin' : 'checksum.bin'),
    '-device',
    'isa-debug-exit,iobase=0xf4,iosize=0x04',
    ...(opts.icount ? ['-icount', 'shift=0,sleep=off'] : []),
    ...(opts.noPlugin ? [] : ['-plugin', [so, ...pluginArgs].join(',')]),
  ];
  const child = spawn(join(prefix!, 'bin', 'qemu-system-x86_64'), argv, { stdio: ['ignore', 'pipe', 'pipe'] });
  started.add(child.pid!);
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  child.stdout.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
  try {
    if (opts.onStart) await opts.onStart(child.pid!);
    const code = await exited;
    return { code, stderr, logPath, log: existsSync(logPath) ? readFileSync(logPath, 'utf8') : '' };
  } finally {
    clearTimeout(timer);
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
      await exited;
    }
    started.delete(child.pid!);
  }
}

const lines = (log: string): Injection[] =>
  log
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as Injection);

/** The icount of the k-th execution of load_byte, from a pc trigger (a harmless flip elsewhere). */
async function probeLoad(k: number): Promise<number> {
  const r = await run({ rules: [`id=probe action=flip-ram addr=${hex(SCRATCH)} mask=0x1 trigger=pc:${hex(sym['plain.load_byte']!)}#${k}`] });
  expect(r.code).toBe(exitCodeOf(SUM));
  const [probe] = lines(r.log);
  expect(probe).toMatchObject({ rule: 'probe', vcpu: 0, pc: hex(sym['plain.load_byte']!), kind: 'ram', before: '0x00', after: '0x01' });
  return probe!.icount;
}

describe('qfi-fault on QEMU 10.2.2 booting the freestanding checksum guest', () => {
  it('runs the guest to its known exit code with no rules, printing nothing', async () => {
    const plain = await run({ noPlugin: true });
    expect(plain.code).toBe(exitCodeOf(SUM));
    const r = await run();
    expect(r.code).toBe(exitCodeOf(SUM));
    expect(r.stderr).toBe('');
    expect(r.log).toBe('');
    const commentsOnly = await run({ rules: ['', '   # nothing here'] });
    expect(commentsOnly.code).toBe(exitCodeOf(SUM));
    expect(commentsOnly.log).toBe('');
  });

  for (const k of [3, 2002]) {
    it(`flips a buffer byte just before its load, the ${k}th, exactly: one instruction later changes nothing`, async () => {
      const icount = await probeLoad(k);
      const addr = BUF_ADDR + k - 1;
      const flip = (n: number) => run({ rules: [`id=flip action=flip-ram addr=${hex(addr)} mask=0x04 trigger=insn:${n}`] });

      // insn:N fires just before the N-th instruction: N = icount + 1 is the load itself.
      const atLoad = await flip(icount + 1);
      const [inj] = lines(atLoad.log);
      expect(inj).toMatchObject({ rule: 'flip', vcpu: 0, icount, pc: hex(sym['plain.load_byte']!), kind: 'ram', addr: hex(addr), width: 1 });
      const before = parseInt(inj!.before!, 16);
      const after = parseInt(inj!.after!, 16);
      expect(before).toBe(byteAt(k - 1));
      expect(after).toBe(before ^ 0x04);
      expect(atLoad.code).toBe(exitCodeOf(SUM - before + after));
      expect(atLoad.code).not.toBe(exitCodeOf(SUM));

      // One instruction earlier still comes before the load.
      const earlier = await flip(icount);
      expect(lines(earlier.log)[0]).toMatchObject({ icount: icount - 1 });
      expect(earlier.code).toBe(atLoad.code);

      // One instruction later the byte was already read: the sum is unchanged.
      const later = await flip(icount + 2);
      expect(lines(later.log)[0]).toMatchObject({ icount: icount + 1, pc: hex(sym['plain.add_byte']!), before: inj!.before, after: inj!.after });
      expect(later.code).toBe(exitCodeOf(SUM));
    });
  }

  it('sets and flips the accumulator register at a pc, reading it back for the log', async () => {
    const done = hex(sym['plain.sum_done']!);
    const set = await run({ rules: [`id=set action=set-reg reg=rax value=0x2a trigger=pc:${done}`] });
    expect(set.code).toBe(exitCodeOf(0x2a));
    expect(lines(set.log)).toEqual([expect.objectContaining({ rule: 'set', vcpu: 0, pc: done, kind: 'reg', reg: 'rax', before: hex(SUM), after: '0x2a' })]);

    const flip = await run({ rules: [`id=fr action=flip-reg reg=rax mask=0x10 trigger=pc:${done}`] });
    expect(flip.code).toBe(exitCodeOf(SUM ^ 0x10));
    expect(lines(flip.log)[0]).toMatchObject({ kind: 'reg', reg: 'rax', before: hex(SUM), after: hex(SUM ^ 0x10) });

    // The 10th execution of add_byte: rax then holds the sum of the first 9 bytes.
    const partial = Array.from({ length: 9 }, (_, i) => byteAt(i)).reduce((a, b) => a + b, 0);
    const mid = await run({ rules: [`id=mid action=set-reg reg=rax value=0x1000 trigger=pc:${hex(sym['plain.add_byte']!)}#10`] });
    expect(lines(mid.log)[0]).toMatchObject({ before: hex(partial), after: '0x1000' });
    expect(mid.code).toBe(exitCodeOf(SUM - partial + 0x1000));

    const unknown = await run({ rules: [`id=bad action=flip-reg reg=nosuchreg mask=0x1 trigger=pc:${done}`] });
    expect(unknown.code).toBe(exitCodeOf(SUM));
    expect(lines(unknown.log)[0]).toMatchObject({ rule: 'bad', kind: 'reg', reg: 'nosuchreg', error: 'unknown register' });
    expect(lines(unknown.log)[0]).not.toHaveProperty('after');
  });

  it('writes byte-identical logs on repeated runs, with and without -icount', async () => {
    const rules = [
      `id=rand action=flip-ram-random ranges=${hex(SCRATCH)}-${hex(SCRATCH + 0x100)};0x4000-0x4010 trigger=insn:100 repeat=rate:500:997 count=20`,
      `id=every action=flip-ram addr=${hex(SCRATCH + 0x200)} width=4 mask=0x80000001 trigger=insn:30000 repeat=every:1234 count=5`,
      `id=pc action=write-ram addr=${hex(SCRATCH + 0x300)} bytes=deadbeef trigger=pc:${hex(sym['plain.add_byte']!)}#7`,
      `id=reg action=flip-reg reg=rbx mask=0x100 trigger=insn:44000`,
      `id=pcrep action=flip-ram addr=${hex(SCRATCH + 0x400)} mask=0x1 trigger=pc:${hex(sym['plain.load_byte']!)}#100 repeat=every:5 count=3`,
    ];
    const a = await run({ rules, pluginArgs: ['seed=42'] });
    const b = await run({ rules, pluginArgs: ['seed=42'] });
    const c = await run({ rules, pluginArgs: ['seed=42'], icount: true });
    const d = await run({ rules, pluginArgs: ['seed=42'], icount: true });
    for (const r of [a, b, c, d]) expect(r.code).toBe(exitCodeOf(SUM));
    expect(b.log).toBe(a.log);
    expect(d.log).toBe(c.log);
    const injections = lines(a.log);
    expect(injections.filter((i) => i.rule === 'rand').length).toBe(20);
    expect(injections.filter((i) => i.rule === 'every').map((i) => i.icount)).toEqual([29999, 31233, 32467, 33701, 34935]);
    expect(injections.find((i) => i.rule === 'every')).toMatchObject({ width: 4, before: '0x00000000', after: '0x80000001' });
    expect(injections.find((i) => i.rule === 'pc')).toMatchObject({ kind: 'ram', width: 4, before: '0x00000000', after: '0xdeadbeef' });
    expect(injections.find((i) => i.rule === 'reg')).toMatchObject({ icount: 43999, kind: 'reg', reg: 'rbx' });
    // A loop iteration is 5 instructions: every:5 after a pc trigger lands on the same load.
    const pcrep = injections.filter((i) => i.rule === 'pcrep');
    expect(pcrep.map((i) => i.pc)).toEqual(Array(3).fill(hex(sym['plain.load_byte']!)));
    expect(pcrep.map((i) => i.icount - pcrep[0]!.icount)).toEqual([0, 5, 10]);
    // Another seed makes other random choices.
    const other = await run({ rules, pluginArgs: ['seed=43'] });
    expect(other.log).not.toBe(a.log);
  });

  it('takes rules over the control socket while the guest runs, and survives malformed requests', async () => {
    const socketPath = join(work, 'control.sock');
    const replies: Array<Record<string, unknown>> = [];
    const r = await run({
      wait: true,
      socket: socketPath,
      rules: [`id=early action=flip-ram addr=${hex(SCRATCH)} mask=0x1 trigger=insn:10`],
      onStart: async () => {
        const c = await Control.connect(socketPath);
        try {
          const status1 = await c.request('{"cmd":"status"}');
          expect(status1).toMatchObject({ ok: true, api: 5 });
          expect((status1.icount as number[]).length).toBe(1);
          await sleep(100);
          const status2 = await c.request('{"cmd":"status"}');
          expect((status2.icount as number[])[0]).toBeGreaterThan((status1.icount as number[])[0]!);

          // Malformed requests get ok:false and the connection stays usable.
          for (const bad of [
            'not json',
            '{"cmd":"add"',
            '[1,2,3]',
            '{"cmd":"frob"}',
            '{"cmd":"list","extra":1}',
            '{"cmd":"add","rule":"id=x action=flop trigger=insn:1"}',
            '{"cmd":"add","rule":"id=early action=skip trigger=insn:1"}',
            '{"cmd":"add","rule":"id=s action=skip trigger=insn:+1"}',
            '{"cmd":"add","rule":"id=c action=flip-reg reg=rax mask=0x1 trigger=insn:+1 cpu=3"}',
            '{"cmd":"remove","id":"nope"}',
            '{"cmd":"marker","name":"bad name"}',
            '{"cmd":"add","rule":{"nested":true}}',
            `{"cmd":"status","pad":"${'x'.repeat(70_000)}"}`,
          ]) {
            const reply = await c.request(bad);
            replies.push(reply);
            expect(reply.ok, bad.slice(0, 60)).toBe(false);
            expect(typeof reply.error).toBe('string');
          }

          // A rule added at run time counts from the moment the vCPU picks it up.
          expect(await c.request(`{"cmd":"add","rule":"id=late action=flip-ram addr=${hex(SCRATCH + 1)} mask=0x2 trigger=insn:+1000"}`)).toEqual({
            ok: true,
            id: 'late',
          });
          expect(await c.request(`{"cmd":"add","rule":"id=mk action=flip-ram addr=${hex(SCRATCH + 2)} mask=0x4 trigger=marker:go+insn:50"}`)).toEqual({
            ok: true,
            id: 'mk',
          });
          expect(await c.request(`{"cmd":"add","rule":"id=gone action=flip-ram addr=${hex(SCRATCH + 3)} mask=0x8 trigger=marker:never+insn:1"}`)).toEqual({
            ok: true,
            id: 'gone',
          });
          expect(await c.request('{"cmd":"marker","name":"go"}')).toEqual({ ok: true, armed: 1 });
          const fired = await until(async () => {
            const list = await c.request('{"cmd":"list"}');
            const rules = list.rules as Array<{ id: string; fires: number; done: boolean; rule: string }>;
            return rules.find((x) => x.id === 'late')?.fires === 1 && rules.find((x) => x.id === 'mk')?.fires === 1 ? rules : undefined;
          });
          expect(fired).toEqual([
            { id: 'early', fires: 1, done: true, rule: `id=early action=flip-ram addr=${hex(SCRATCH)} mask=0x1 trigger=insn:10` },
            { id: 'late', fires: 1, done: true, rule: `id=late action=flip-ram addr=${hex(SCRATCH + 1)} mask=0x2 trigger=insn:+1000` },
            { id: 'mk', fires: 1, done: true, rule: `id=mk action=flip-ram addr=${hex(SCRATCH + 2)} mask=0x4 trigger=marker:go+insn:50` },
            { id: 'gone', fires: 0, done: false, rule: `id=gone action=flip-ram addr=${hex(SCRATCH + 3)} mask=0x8 trigger=marker:never+insn:1` },
          ]);
          expect(await c.request('{"cmd":"remove","id":"gone"}')).toEqual({ ok: true });

          // A new pc trigger needs retranslation: it releases the spinning guest.
          expect(await c.request(`{"cmd":"add","rule":"id=gate action=write-ram addr=${hex(GATE_ADDR)} bytes=01 trigger=pc:${hex(sym.gate_spin!)}"}`)).toEqual({
            ok: true,
            id: 'gate',
          });
        } finally {
          c.close();
        }
      },
    });
    expect(r.code).toBe(exitCodeOf(SUM));
    expect(r.stderr).toBe('');
    const injections = lines(r.log);
    // late and mk were picked up when the vCPU checked in, in either order.
    expect(injections.map((i) => i.rule)).toEqual(['early', expect.stringMatching(/^(late|mk)$/), expect.stringMatching(/^(late|mk)$/), 'gate']);
    expect(new Set(injections.map((i) => i.rule))).toEqual(new Set(['early', 'late', 'mk', 'gate']));
    expect(injections[0]).toMatchObject({ icount: 9 });
    expect(injections[3]).toMatchObject({ pc: hex(sym.gate_spin!), kind: 'ram', addr: hex(GATE_ADDR), width: 1, before: '0x00', after: '0x01' });
    expect(injections[1]!.icount).toBeGreaterThan(injections[0]!.icount);
    expect(injections[3]!.icount).toBeGreaterThan(injections[2]!.icount);
    expect(existsSync(socketPath)).toBe(false);
    expect(replies.map((x) => x.error)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^malformed request/),
        expect.stringMatching(/unknown cmd "frob"/),
        expect.stringMatching(/duplicate rule id early/),
        expect.stringMatching(/skip needs plugin API 6/),
        expect.stringMatching(/cpu 3 does not exist/),
        expect.stringMatching(/request longer than 65536 bytes/),
      ]),
    );
  });

  it('refuses to start on bad arguments or rules, with its message on stderr, before the guest runs', async () => {
    const cases: Array<{ args: string[]; rules?: string[]; message: RegExp }> = [
      { args: ['sed=1'], message: /qfi-fault: bad argument "sed=1": unknown key sed/ },
      { args: ['seed=12x'], message: /qfi-fault: bad argument "seed=12x": seed must be an unsigned decimal number/ },
      { args: ['seed=-1'], message: /qfi-fault: bad argument "seed=-1"/ },
      { args: ['verbose=maybe'], message: /qfi-fault: bad argument "verbose=maybe": verbose must be on or off/ },
      { args: ['seed=1', 'seed=2'], message: /qfi-fault: bad argument "seed=2": seed is given twice/ },
      { args: ['socket='], message: /qfi-fault: bad argument "socket=": socket needs a path/ },
      {
        args: [],
        rules: ['id=r1 action=flop trigger=insn:1'],
        message: /qfi-fault: bad rule in .*rules-\d+\.txt line 2: unknown action "flop".*: "id=r1 action=flop trigger=insn:1"/,
      },
      { args: [], rules: ['id=r1 action=flip-ram addr=0x1 mask=0x1 trigger=insn:0'], message: /line 2: bad trigger "insn:0"/ },
      { args: [], rules: ['id=r1 action=flip-reg reg=rax mask=0x1 trigger=insn:1 cpu=1'], message: /line 2: rule r1: cpu 1 does not exist/ },
      { args: [], rules: ['id=r1 action=skip trigger=insn:5'], message: /line 2: rule r1: action skip needs plugin API 6/ },
      { args: [], rules: ['id=a action=skip trigger=insn:1 trigger=insn:2'], message: /duplicate key "trigger"/ },
      {
        args: [],
        rules: ['id=a action=write-ram addr=0x1 bytes=00 trigger=insn:1', 'id=a action=write-ram addr=0x1 bytes=00 trigger=insn:1'],
        message: /line 3: duplicate rule id a/,
      },
    ];
    for (const c of cases) {
      const r = await run({ rules: c.rules, pluginArgs: c.args });
      expect(r.stderr, c.args.join(',')).toMatch(c.message);
      expect(r.code).toBe(1); // QEMU's own failure, not the guest's exit code
      expect(existsSync(r.logPath)).toBe(false);
    }
    const missingLog = await run({ replaceArgs: true, pluginArgs: [] });
    expect(missingLog.stderr).toMatch(/qfi-fault: missing argument log=PATH/);
    expect(missingLog.code).toBe(1);
    const missingRules = await run({ pluginArgs: [`rules=${join(work, 'no-such-rules.txt')}`] });
    expect(missingRules.stderr).toMatch(/qfi-fault: cannot read rules file .*no-such-rules\.txt/);
    expect(missingRules.code).toBe(1);
  });
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until<T>(probe: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error('timed out waiting');
    await sleep(20);
  }
}

/** A line-based client of the control socket: one reply per request, in order. */
class Control {
  private buffer = '';
  private waiting: Array<(line: string) => void> = [];
  private constructor(private readonly socket: Socket) {
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      this.buffer += chunk;
      let nl: number;
      while ((nl = this.buffer.indexOf('\n')) !== -1) {
        const line = this.buffer.slice(0, nl);
        this.buffer = this.buffer.slice(nl + 1);
        this.waiting.shift()?.(line);
      }
    });
  }

  static async connect(path: string): Promise<Control> {
    await until(async () => (existsSync(path) ? true : undefined), 10_000);
    const socket = await new Promise<Socket>((resolve, reject) => {
      const s = createConnection(path);
      s.once('connect', () => resolve(s));
      s.once('error', reject);
    });
    return new Control(socket);
  }

  request(line: string): Promise<Record<string, unknown>> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no reply to ${line.slice(0, 80)}`)), 10_000);
      this.waiting.push((reply) => {
        clearTimeout(timer);
        resolve(JSON.parse(reply) as Record<string, unknown>);
      });
      this.socket.write(`${line}\n`);
    });
  }

  close(): void {
    this.socket.destroy();
  }
}
