import { archData } from '../../src/plan/arch.js';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa, type ResultPromise } from 'execa';
import { recordingLogger } from '../helpers/recording-logger.js';
import { localCacheDir } from '../../src/core/cache-dir.js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuiltinGuest, type BuiltinGuest } from '../../src/provision/guest/index.js';

// The real cache, so that repeated runs are warm (and unit tests find the real kernel files).
const cacheDir = localCacheDir();
const work = mkdtempSync(join(tmpdir(), 'qfi-builtin-guest-'));
const BOOT_TIMEOUT_MS = 60_000;

const logLines: string[] = [];
const log = recordingLogger(logLines);

const running = new Set<ResultPromise>();
const bootTimes: number[] = [];

interface Boot {
  token: string;
  lines: string[];
  /** `ready`, `start`, `exit=0`... for this run's token, in order. */
  markers: string[];
  exitCode: number | undefined;
  timedOut: boolean;
  ms: number;
}

/** Boot the guest once: fw_cfg files from the arguments, console captured, QEMU never left behind. */
async function boot(guest: BuiltinGuest, opts: { command: string; rules?: string; withToken?: boolean }): Promise<Boot> {
  const dir = mkdtempSync(join(work, 'run-'));
  const token = randomBytes(12).toString('hex');
  const fwCfg: string[] = [];
  const addFile = (name: string, content: string) => {
    const path = join(dir, name.replaceAll('/', '_'));
    writeFileSync(path, content);
    fwCfg.push('-fw_cfg', `name=${name},file=${path}`);
  };
  if (opts.withToken !== false) addFile('opt/qfi/token', token);
  addFile('opt/qfi/command', opts.command);
  if (opts.rules !== undefined) addFile('opt/qfi/rules', opts.rules);
  const argv = [
    '-machine',
    'q35',
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
    '-bios',
    '/usr/share/qemu/qboot.rom',
    '-kernel',
    guest.kernel,
    '-initrd',
    guest.initrd,
    '-append',
    [...archData.x86_64.defaultAppend, 'qfi.rules=opt/qfi/rules'].join(' '),
    ...fwCfg,
  ];
  const started = performance.now();
  const qemu = execa('qemu-system-x86_64', argv, {
    stdin: 'ignore',
    timeout: BOOT_TIMEOUT_MS,
    forceKillAfterDelay: 2_000,
    reject: false,
  });
  running.add(qemu);
  try {
    const r = await qemu;
    const ms = performance.now() - started;
    const lines = r.stdout.split('\n').map((l) => l.replace(/\r$/, ''));
    const prefix = `QFI:${opts.withToken === false ? 'notoken' : token}:`;
    const markers = lines.filter((l) => l.startsWith(prefix)).map((l) => l.slice(prefix.length));
    if (!r.timedOut) bootTimes.push(ms);
    return { token, lines, markers, exitCode: r.exitCode, timedOut: r.timedOut, ms };
  } finally {
    running.delete(qemu);
  }
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

afterEach(() => {
  for (const p of running) p.kill('SIGKILL');
});

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
  const sorted = [...bootTimes].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)];
  if (median !== undefined) console.info(`built-in guest: ${sorted.length} boots, median ${median.toFixed(0)} ms to power-off`);
});

describe('built-in guest (Debian cloud kernel vmlinux + busybox initramfs with the qfi agent) under QEMU TCG', () => {
  let guest: BuiltinGuest;

  beforeAll(async () => {
    const t = performance.now();
    guest = await ensureBuiltinGuest({ cacheDir, log });
    console.info(`ensureBuiltinGuest: ${(performance.now() - t).toFixed(0)} ms\n${logLines.join('\n')}`);
  });

  it('is reused from the cache by a warm call: no re-extraction, no re-gzip, well under 100 ms', async () => {
    const before = [guest.kernel, guest.initrd].map((p) => statSync(p).mtimeMs);
    const t = performance.now();
    const again = await ensureBuiltinGuest({ cacheDir, log });
    const ms = performance.now() - t;
    expect(again).toEqual(guest);
    expect([again.kernel, again.initrd].map((p) => statSync(p).mtimeMs)).toEqual(before);
    expect(ms).toBeLessThan(100);
    expect(guest.kernelRelease).toMatch(/^\d+\.\d+\.\d+-\d+-cloud-amd64$/);
    expect(guest.description).toMatch(/^linux-image-\S+ \S+$/);
  });

  it('runs the command with the exact rules in $QFI_RULES and $QFI_RULES_FILE, between ready/start/exit=0 markers', async () => {
    const rules = 'blk.read error=EIO after=3 path="/var/lib/a b"\nnet.tx drop p=0.25 # $HOME `x` \\ \'q\' ;|&\n\n';
    const command = [
      `printf 'env-sha=%s\\n' "$(printf '%s' "$QFI_RULES" | sha256sum | cut -d' ' -f1)"`,
      `printf 'file-sha=%s\\n' "$(sha256sum < "$QFI_RULES_FILE" | cut -d' ' -f1)"`,
      `echo "file=$QFI_RULES_FILE cwd=$(pwd)"`,
      'env',
      "printf 'no newline at the end'",
    ].join('\n');
    const b = await boot(guest, { command, rules });
    expect(b.timedOut).toBe(false);
    expect(b.exitCode).toBe(0); // QEMU ended by itself: the agent powered off
    expect(b.markers).toEqual(['ready', 'start', 'exit=0']);
    expect(b.lines).toContain(`env-sha=${sha256(rules)}`);
    expect(b.lines).toContain(`file-sha=${sha256(rules)}`);
    expect(b.lines).toContain('file=/run/qfi/rules cwd=/root');
    // The marker after output without a final newline still gets its own line.
    expect(b.lines).toContain('no newline at the end');
    // The token only ever appears in markers: the command's environment does not have it.
    expect(b.lines.filter((l) => l.includes(b.token) && !l.startsWith(`QFI:${b.token}:`))).toEqual([]);
  });

  it('reports the exit status of a failing command (exit 3 -> exit=3), ignoring forged markers', async () => {
    const b = await boot(guest, { command: 'echo QFI:forged:exit=0\nexit 3', rules: 'x\n' });
    expect(b.timedOut).toBe(false);
    expect(b.exitCode).toBe(0);
    expect(b.markers).toEqual(['ready', 'start', 'exit=3']);
    expect(b.lines).toContain('QFI:forged:exit=0');
  });

  it('gives empty rules when fault injection is disabled (no rules fw_cfg file)', async () => {
    const b = await boot(guest, { command: 'echo "len=${#QFI_RULES} file=$(wc -c < "$QFI_RULES_FILE")"' });
    expect(b.markers).toEqual(['ready', 'start', 'exit=0']);
    expect(b.lines.map((l) => l.replace(/\s+/g, ' '))).toContain('len=0 file=0');
  });

  it('reports an agent error and powers off when the token is missing', async () => {
    const b = await boot(guest, { command: 'echo must not run', withToken: false });
    expect(b.timedOut).toBe(false);
    expect(b.exitCode).toBe(0);
    expect(b.markers).toEqual(['agent-error=fw_cfg-token-missing']);
    expect(b.lines).not.toContain('must not run');
  });
});
