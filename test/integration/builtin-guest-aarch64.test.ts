/**
 * Boots the aarch64 built-in guest (Debian's arm64 cloud kernel Image + an initramfs with the
 * arm64 busybox-static and the qfi agent) on QEMU's `virt` machine under TCG, with a raw QEMU
 * argv and the agent's fw_cfg inputs. About 1 s from QEMU's start to `ready` (cortex-a57, 2-core
 * host). The first run downloads Debian's arm64 index and ~22 MB of packages from the archive
 * with Node (a few seconds); the index tests ask the mirror again.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa, type ResultPromise } from 'execa';
import { recordingLogger } from '../helpers/recording-logger.js';
import { localCacheDir } from '../../src/core/cache-dir.js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { archData } from '../../src/plan/arch.js';
import { ensureBuiltinGuest, type BuiltinGuest } from '../../src/provision/guest/index.js';
import { GUEST_SUITE } from '../../src/provision/guest/guest-packages.js';

// The real cache, so that repeated runs are warm.
const cacheDir = localCacheDir();
const work = mkdtempSync(join(tmpdir(), 'qfi-builtin-guest-aarch64-'));
const BOOT_TIMEOUT_MS = 90_000;
const arch = archData.aarch64;

const logLines: string[] = [];
const log = recordingLogger(logLines);

const running = new Set<ResultPromise>();
const bootTimes: number[] = [];

interface Boot {
  token: string;
  lines: string[];
  markers: string[];
  exitCode: number | undefined;
  timedOut: boolean;
  /** QEMU start to the `ready` marker on the console. */
  readyMs: number | undefined;
  ms: number;
}

/** The argv qfi's argv builder is to produce for aarch64 (plus its -qmp). */
function qemuArgv(guest: BuiltinGuest, fwCfg: string[], extra: string[], cpus: number): string[] {
  return [
    '-machine',
    arch.machine,
    '-cpu',
    arch.cpu!,
    '-accel',
    'tcg',
    '-nodefaults',
    '-display',
    'none',
    '-serial',
    'stdio',
    '-no-reboot',
    '-m',
    '256',
    '-smp',
    String(cpus),
    '-kernel',
    guest.kernel,
    '-initrd',
    guest.initrd,
    '-append',
    [...arch.defaultAppend, 'qfi.rules=opt/qfi/rules'].join(' '),
    ...fwCfg,
    ...extra,
  ];
}

async function boot(guest: BuiltinGuest, opts: { command: string; rules?: string; seed?: string; extra?: string[]; cpus?: number }): Promise<Boot> {
  const dir = mkdtempSync(join(work, 'run-'));
  const token = randomBytes(12).toString('hex');
  const fwCfg: string[] = [];
  const addFile = (name: string, content: string) => {
    const path = join(dir, name.replaceAll('/', '_'));
    writeFileSync(path, content);
    fwCfg.push('-fw_cfg', `name=${name},file=${path}`);
  };
  addFile('opt/qfi/token', token);
  addFile('opt/qfi/command', opts.command);
  if (opts.seed !== undefined) addFile('opt/qfi/seed', opts.seed);
  if (opts.rules !== undefined) addFile('opt/qfi/rules', opts.rules);
  const started = performance.now();
  let readyMs: number | undefined;
  const qemu = execa(arch.qemuBinaryName, qemuArgv(guest, fwCfg, opts.extra ?? [], opts.cpus ?? 1), {
    stdin: 'ignore',
    timeout: BOOT_TIMEOUT_MS,
    forceKillAfterDelay: 2_000,
    reject: false,
  });
  running.add(qemu);
  let seen = '';
  qemu.stdout?.on('data', (chunk: Buffer) => {
    if (readyMs !== undefined) return;
    seen += chunk.toString();
    if (seen.includes(`QFI:${token}:ready`)) readyMs = performance.now() - started;
  });
  try {
    const r = await qemu;
    const lines = r.stdout.split('\n').map((l) => l.replace(/\r$/, ''));
    const prefix = `QFI:${token}:`;
    const markers = lines.filter((l) => l.startsWith(prefix)).map((l) => l.slice(prefix.length));
    if (!r.timedOut && readyMs !== undefined) bootTimes.push(readyMs);
    return { token, lines, markers, exitCode: r.exitCode, timedOut: r.timedOut, readyMs, ms: performance.now() - started };
  } finally {
    running.delete(qemu);
  }
}

afterEach(() => {
  for (const p of running) p.kill('SIGKILL');
});

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
  const sorted = [...bootTimes].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)];
  if (median !== undefined) console.info(`aarch64 built-in guest: ${sorted.length} boots, median ${median.toFixed(0)} ms to ready`);
});

describe('aarch64 built-in guest (Debian arm64 cloud kernel Image + busybox initramfs) on QEMU virt under TCG', () => {
  let guest: BuiltinGuest;

  beforeAll(async () => {
    const t = performance.now();
    guest = await ensureBuiltinGuest({ cacheDir, log, arch: 'aarch64' });
    console.info(`ensureBuiltinGuest(aarch64): ${(performance.now() - t).toFixed(0)} ms\n${logLines.join('\n')}`);
  }, 300_000);

  it('is reused from the cache by a warm call, well under 100 ms', async () => {
    const before = [guest.kernel, guest.initrd].map((p) => statSync(p).mtimeMs);
    const t = performance.now();
    const again = await ensureBuiltinGuest({ cacheDir, log, arch: 'aarch64' });
    const ms = performance.now() - t;
    expect(again).toEqual(guest);
    expect([again.kernel, again.initrd].map((p) => statSync(p).mtimeMs)).toEqual(before);
    expect(ms).toBeLessThan(100);
    expect(guest.arch).toBe('aarch64');
    expect(guest.kernelRelease).toMatch(/^\d+\.\d+\.\d+-\d+-cloud-arm64$/);
    expect(guest.description).toMatch(/^linux-image-\S+-arm64 \S+$/);
  });

  it('boots to ready, runs the command on an aarch64 CPU with the rules and seed, exits 0 and powers off', async () => {
    const rules = 'alloc.frame=fail-after:3\nnet.tx=rate:5\n';
    const command = ['uname -m', 'head -3 /proc/cpuinfo', 'echo "seed=$QFI_SEED"', 'printf "rules=%s" "$QFI_RULES" | tr "\\n" "|"; echo'].join('\n');
    const b = await boot(guest, { command, rules, seed: '1753821991' });
    expect(b.timedOut).toBe(false);
    expect(b.exitCode).toBe(0); // QEMU ended by itself: PSCI SYSTEM_OFF from the agent's poweroff
    expect(b.markers).toEqual(['ready', 'start', 'exit=0']);
    expect(b.lines).toContain('aarch64');
    expect(b.lines.some((l) => /^processor\s*:\s*0$/.test(l))).toBe(true);
    expect(b.lines).toContain('seed=1753821991');
    expect(b.lines).toContain('rules=alloc.frame=fail-after:3|net.tx=rate:5|');
  });

  it('reports a failing command (exit 7) and still powers off', async () => {
    const b = await boot(guest, { command: 'echo failing; exit 7' });
    expect(b.timedOut).toBe(false);
    expect(b.exitCode).toBe(0);
    expect(b.markers).toEqual(['ready', 'start', 'exit=7']);
    expect(b.lines).toContain('failing');
  });

  it('sees the virtio-blk-pci disk and virtio-net-pci NIC qfi attaches, with 2 vCPUs and -icount', async () => {
    const image = join(work, 'disk.raw');
    writeFileSync(image, Buffer.alloc(4 << 20, 0x5a));
    const extra = [
      '-icount',
      'shift=0,sleep=off',
      '-rtc',
      'base=2020-01-01T00:00:00,clock=vm',
      '-blockdev',
      JSON.stringify({ driver: 'file', 'node-name': 'qfi-file-d0', filename: image }),
      '-blockdev',
      JSON.stringify({ driver: 'raw', 'node-name': 'qfi-fmt-d0', file: 'qfi-file-d0' }),
      '-device',
      'virtio-blk-pci,drive=qfi-fmt-d0,id=qfi-dev-d0,serial=d0,rerror=report,werror=report,request-merging=off',
      '-netdev',
      'user,id=qfi-net0',
      '-device',
      'virtio-net-pci,netdev=qfi-net0,id=qfi-nic0',
    ];
    const command = [
      'echo "disk=$(readlink /dev/qfi/d0)"',
      'echo "byte=$(head -c1 /dev/qfi/d0)"',
      'ping -c1 -W5 10.0.2.2 >/dev/null && echo gateway-answers',
      'echo "cpus=$(grep -c ^processor /proc/cpuinfo)"',
      'echo "year=$(date +%Y)"',
    ].join('\n');
    const b = await boot(guest, { command, extra, cpus: 2 });
    expect(b.timedOut).toBe(false);
    expect(b.markers).toEqual(['ready', 'start', 'exit=0']);
    expect(b.lines).toEqual(expect.arrayContaining(['disk=/dev/vda', 'byte=Z', 'gateway-answers', 'cpus=2', 'year=2020']));
  });

  it('ends QEMU on a guest kernel panic (panic=-1 + -no-reboot)', async () => {
    const b = await boot(guest, { command: 'echo c >/proc/sysrq-trigger; sleep 30; echo still-running' });
    expect(b.timedOut).toBe(false);
    expect(b.exitCode).toBe(0); // the reboot panic=-1 asks for is an exit under -no-reboot
    expect(b.markers).toEqual(['ready', 'start']);
    expect(b.lines.some((l) => l.includes('Kernel panic'))).toBe(true);
    expect(b.lines).not.toContain('still-running');
  });

  describe("the arm64 packages from Debian's archive", () => {
    const memo = join(cacheDir, 'guest', 'index', `${GUEST_SUITE}-arm64.json`);
    const readMemo = () => JSON.parse(readFileSync(memo, 'utf8')) as { checkedAt: string; packagesSha256: string; packages: { kernel: { version: string } } };

    it('asks the mirror again after six hours, and reads the Packages index only when it changed', async () => {
      const m = readMemo();
      writeFileSync(memo, JSON.stringify({ ...m, checkedAt: new Date(Date.now() - 7 * 3600_000).toISOString() }));
      logLines.length = 0;
      const again = await ensureBuiltinGuest({ cacheDir, log, arch: 'aarch64' });
      expect(again.identity).toEqual(guest.identity);
      expect(Date.now() - Date.parse(readMemo().checkedAt)).toBeLessThan(60_000);
      // The InRelease file named the same Packages.gz: nothing more was downloaded.
      expect(logLines.filter((l) => /index of .* read in|downloading/.test(l))).toEqual([]);
    });

    it('resolves again when the index changed since, and keeps the entries it still uses', async () => {
      const m = readMemo();
      writeFileSync(
        memo,
        JSON.stringify({
          ...m,
          checkedAt: '2020-01-01T00:00:00.000Z',
          packagesSha256: '0'.repeat(64),
          packages: { ...m.packages, kernel: { ...m.packages.kernel, version: '0.0.0-0qfi' } },
        }),
      );
      logLines.length = 0;
      const again = await ensureBuiltinGuest({ cacheDir, log, arch: 'aarch64' });
      expect(logLines.some((l) => /bookworm index of .* read in/.test(l))).toBe(true);
      expect(again.kernel).toBe(guest.kernel);
      expect(readMemo().packages.kernel.version).toBe(m.packages.kernel.version);
    });

    it('lets two runs that make the same guest in a fresh cache at once both succeed', async () => {
      const fresh = join(work, 'concurrent-cache');
      const [a, b] = await Promise.all([
        ensureBuiltinGuest({ cacheDir: fresh, log, arch: 'aarch64' }),
        ensureBuiltinGuest({ cacheDir: fresh, log, arch: 'aarch64' }),
      ]);
      expect(a.identity).toEqual(b.identity);
      expect(a.identity.kernelSha256).toBe(guest.identity.kernelSha256);
      expect(a.identity.initrdSha256).toBe(guest.identity.initrdSha256);
    });
  });
});
