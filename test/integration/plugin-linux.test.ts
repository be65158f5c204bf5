import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { localCacheDir } from '../../src/core/cache-dir.js';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { killAll } from '../helpers/processes.js';
import { builtQemu, builtQfiPlugin } from '../helpers/qfi-plugin.js';
import type { Logger } from '../../src/core/host.js';
import { archData } from '../../src/plan/arch.js';
import { ensureBuiltinGuest, type BuiltinGuest } from '../../src/provision/guest/index.js';

/**
 * Boots qfi's built-in Linux guest (Debian cloud kernel + busybox initramfs) on QEMU 10.2.2
 * with qfi-fault, injecting at instruction counts deep into the boot.
 */
const cacheDir = localCacheDir();
let prefix: string;

const work = mkdtempSync(join(tmpdir(), 'qfi-plugin-linux-'));
let so: string;
const started = new Set<number>();
let guest: BuiltinGuest;
let runs = 0;

const log: Logger = { info: () => {}, warn: () => {}, error: () => {}, debug: () => {}, group: (_t, fn) => fn() };

beforeAll(async () => {
  const qemu = await builtQemu();
  prefix = qemu.prefix;
  so = await builtQfiPlugin(qemu);
  guest = await ensureBuiltinGuest({ cacheDir, log });
}, 45 * 60_000);

afterAll(() => {
  killAll(started);
  rmSync(work, { recursive: true, force: true });
});

interface Boot {
  code: number | null;
  console: string;
  /** ready, start, exit=0... for this boot's token. */
  markers: string[];
  injections: Array<Record<string, unknown>>;
  stderr: string;
}

/** Boots once with the plugin and rules; QEMU is killed if it outlives the timeout. */
async function boot(rules: string[], opts: { deterministic?: boolean } = {}): Promise<Boot> {
  const n = ++runs;
  const token = randomBytes(8).toString('hex');
  const files = {
    token: join(work, `token-${n}`),
    command: join(work, `command-${n}`),
    rules: join(work, `rules-${n}.txt`),
    log: join(work, `log-${n}.jsonl`),
    console: join(work, `console-${n}.txt`),
  };
  writeFileSync(files.token, token);
  writeFileSync(files.command, 'echo hello from the guest');
  writeFileSync(files.rules, `${rules.join('\n')}\n`);
  const argv = [
    // A console file never blocks the guest, unlike a pipe: runs stay repeatable under -icount.
    '-machine',
    'q35',
    '-accel',
    'tcg',
    '-nodefaults',
    '-display',
    'none',
    '-serial',
    `file:${files.console}`,
    '-no-reboot',
    '-m',
    '256',
    '-L',
    '/usr/share/qemu',
    '-bios',
    '/usr/share/qemu/qboot.rom',
    '-kernel',
    guest.kernel,
    '-initrd',
    guest.initrd,
    '-append',
    archData.x86_64.defaultAppend.join(' '),
    '-fw_cfg',
    `name=opt/qfi/token,file=${files.token}`,
    '-fw_cfg',
    `name=opt/qfi/command,file=${files.command}`,
    ...(opts.deterministic ? ['-icount', 'shift=0,sleep=off', '-rtc', 'base=2020-01-01T00:00:00,clock=vm'] : []),
    '-plugin',
    `${so},log=${files.log},rules=${files.rules}`,
  ];
  const child = spawn(join(prefix!, 'bin', 'qemu-system-x86_64'), argv, { stdio: ['ignore', 'pipe', 'pipe'] });
  started.add(child.pid!);
  let out = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
  const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
  clearTimeout(timer);
  started.delete(child.pid!);
  out += existsSync(files.console) ? readFileSync(files.console, 'utf8') : '';
  const lines = out.split('\n').map((l) => l.replace(/\r$/, ''));
  const markers = lines.filter((l) => l.startsWith(`QFI:${token}:`)).map((l) => l.slice(`QFI:${token}:`.length));
  const injections = existsSync(files.log)
    ? readFileSync(files.log, 'utf8')
        .split('\n')
        .filter((l) => l !== '')
        .map((l) => JSON.parse(l) as Record<string, unknown>)
    : [];
  return { code, console: out, markers, injections, stderr };
}

const big = (h: unknown) => BigInt(h as string);

describe('qfi-fault on QEMU 10.2.2 booting the built-in Linux guest', () => {
  it('flips a register and RAM hundreds of millions of instructions in, logging values read back', async () => {
    const N = 300_000_000;
    const b = await boot([
      `id=reg action=flip-reg reg=rbx mask=0x1 trigger=insn:${N}`,
      `id=ram action=flip-ram addr=0x7000000 width=8 mask=0x8000000000000001 trigger=insn:${N + 1}`,
    ]);
    expect(b.stderr).toBe('');
    // The guest either still reports its exit marker or crashes visibly (QEMU exits: -no-reboot, panic=-1).
    const exited = b.markers.some((m) => m.startsWith('exit='));
    expect(exited || /Kernel panic|BUG:|Oops|general protection|segfault/.test(b.console), b.console.slice(-2000)).toBe(true);
    expect(b.code).not.toBeNull();
    expect(b.injections).toHaveLength(2);
    const [reg, ram] = b.injections;
    expect(reg).toMatchObject({ rule: 'reg', vcpu: 0, icount: N - 1, kind: 'reg', reg: 'rbx' });
    expect(reg!.pc).toMatch(/^0x[0-9a-f]+$/);
    expect(big(reg!.after) ^ big(reg!.before)).toBe(1n);
    expect(ram).toMatchObject({ rule: 'ram', vcpu: 0, icount: N, kind: 'ram', addr: '0x7000000', width: 8 });
    expect(ram!.before).toMatch(/^0x[0-9a-f]{16}$/);
    expect(big(ram!.after) ^ big(ram!.before)).toBe(0x8000000000000001n);
    expect(ram).not.toHaveProperty('error');
  });

  it('counts the same at a point whatever other rules changed the instrumentation before it (deterministic run: -icount, fixed RTC)', async () => {
    const X = 500_000_123; // a deterministic boot runs about 750 million instructions
    // Two flips of the same bit at the same instruction: they log the state there and undo each other.
    const probe = [`id=p1 action=flip-reg reg=rsp mask=0x4 trigger=insn:${X}`, `id=p2 action=flip-reg reg=rsp mask=0x4 trigger=insn:${X}`];
    const alone = await boot(probe, { deterministic: true });
    const busy = await boot(
      [
        ...probe,
        `id=near action=flip-ram addr=0x7000010 mask=0x1 trigger=insn:${X - 3000}`,
        `id=rep action=flip-ram addr=0x7000011 mask=0x1 trigger=insn:${X - 30_000_000} repeat=every:7000000 count=3`,
        `id=tight action=flip-ram addr=0x7000012 mask=0x1 trigger=insn:${X - 200} repeat=every:10 count=15`,
      ],
      { deterministic: true },
    );
    for (const b of [alone, busy]) {
      expect(b.stderr).toBe('');
      expect(b.markers).toContain('exit=0');
    }
    const at = (b: Boot) => b.injections.filter((i) => i.rule === 'p1' || i.rule === 'p2');
    expect(at(alone)).toHaveLength(2);
    expect(at(alone)[0]).toMatchObject({ icount: X - 1, kind: 'reg', reg: 'rsp' });
    expect(at(alone)[1]!.before).toBe(at(alone)[0]!.after);
    expect(at(busy)).toEqual(at(alone));
    expect(busy.injections.filter((i) => i.rule === 'tight')).toHaveLength(15);
    expect(busy.injections.filter((i) => i.rule === 'rep').map((i) => i.icount)).toEqual([X - 30_000_001, X - 23_000_001, X - 16_000_001]);
  });
});
