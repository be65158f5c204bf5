// Boots the Debian bookworm image built in test setup (test/helpers/debian-image.ts: debootstrap
// as root, a few minutes once, then cached) with the system QEMU under TCG and talks to its
// qemu-guest-agent: two boots of about 10-20 s each (BIOS boot through extlinux, then a direct
// kernel + initrd boot), plus two short QEMU runs without an agent. About 1.5 minutes warm.
import { createHash } from 'node:crypto';
import { createWriteStream, mkdtempSync, readFileSync, rmSync, type WriteStream } from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GuestAgent, GuestAgentCommandError, GuestAgentNotReadyError, GuestAgentTimeoutError } from '../../src/run/guest-agent.js';
import { ensureDebianImage, type DebianImage } from '../helpers/debian-image.js';
import { killAll } from '../helpers/processes.js';

const QEMU = 'qemu-system-x86_64';
const BOOT_TIMEOUT_MS = 120_000;
const GUEST_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
const work = mkdtempSync(join(tmpdir(), 'qfi-guest-agent-'));
const pids = new Set<number>();
const timings: string[] = [];

function startQemu(argv: string[]) {
  const qemu = execa(QEMU, argv, { stdin: 'ignore', reject: false, forceKillAfterDelay: 2000 });
  if (qemu.pid) pids.add(qemu.pid);
  return qemu;
}

interface Booted {
  qemu: ReturnType<typeof startQemu>;
  agent: GuestAgent;
  dir: string;
  console: string;
  transcript: string;
  argv: string[];
  /** QEMU start to the agent's first answer. */
  readyMs: number;
}

/** The devices qfi adds for the agent: its virtio-serial port, QEMU's end a UNIX socket. */
function agentArgv(socket: string): string[] {
  return [
    '-chardev',
    `socket,path=${socket},server=on,wait=off,id=qga0`,
    '-device',
    'virtio-serial-pci',
    '-device',
    'virtserialport,chardev=qga0,name=org.qemu.guest_agent.0',
  ];
}

/**
 * Boots the image from a fresh qcow2 overlay (the cached image is never written). `bios`: SeaBIOS
 * loads extlinux from the disk like any cloud image; `kernel`: the exported vmlinuz + initrd.
 */
async function bootImage(image: DebianImage, how: 'bios' | 'kernel', name: string): Promise<Booted> {
  const dir = mkdtempSync(join(work, `${name}-`));
  const overlay = join(dir, 'overlay.qcow2');
  await execa('qemu-img', ['create', '-q', '-f', 'qcow2', '-b', image.disk, '-F', 'qcow2', overlay]);
  const socket = join(dir, 'qga.sock');
  const consolePath = join(dir, 'console.log');
  const argv = [
    '-machine',
    'q35',
    '-accel',
    'tcg',
    '-nodefaults',
    '-display',
    'none',
    '-no-reboot',
    '-m',
    '512',
    '-serial',
    `file:${consolePath}`,
    '-blockdev',
    `driver=qcow2,node-name=root,file.driver=file,file.filename=${overlay}`,
    '-device',
    'virtio-blk-pci,drive=root',
    ...agentArgv(socket),
    ...(how === 'kernel' ? ['-kernel', image.kernel, '-initrd', image.initrd, '-append', `root=/dev/vda1 ${image.cmdline}`] : []),
  ];
  const started = Date.now();
  const qemu = startQemu(argv);
  const transcript = join(dir, 'qga.log');
  const log: WriteStream = createWriteStream(transcript);
  const agent = await GuestAgent.connect(socket, { log, startedAt: started });
  const ready = await agent.waitReady({ timeoutMs: BOOT_TIMEOUT_MS });
  const readyMs = Date.now() - started;
  timings.push(`${name}: QEMU start to agent answer ${(readyMs / 1000).toFixed(1)} s (${ready.attempts} sync attempts)`);
  return { qemu, agent, dir, console: consolePath, transcript, argv, readyMs };
}

/** guest-shutdown, then QEMU must exit by itself (ACPI power-off) with status 0. */
async function shutDown(b: Booted): Promise<number | undefined> {
  const t = Date.now();
  await b.agent.shutdown();
  const r = await Promise.race([b.qemu, new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), 60_000))]);
  b.agent.close();
  if (r === undefined) throw new Error('QEMU still runs 60 s after guest-shutdown');
  timings.push(`guest-shutdown to QEMU exit ${((Date.now() - t) / 1000).toFixed(1)} s`);
  return r.exitCode;
}

const sh = (command: string) => ({ path: '/bin/sh', args: ['-c', command] });
const sha256 = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');

let image: DebianImage;

beforeAll(async () => {
  image = await ensureDebianImage();
  if (image.buildMs !== undefined) timings.push(`image build ${(image.buildMs / 1000).toFixed(0)} s`);
  timings.push(
    `image: ${image.disk} ${(image.diskBytes / 2 ** 20).toFixed(0)} MiB, kernel ${image.kernelRelease}, qemu-guest-agent ${image.qemuGuestAgentVersion}, bootloader ${image.bootloader}`,
  );
}, 1_800_000);

afterAll(() => {
  killAll(pids);
  rmSync(work, { recursive: true, force: true });
  console.info(timings.join('\n'));
});

it('takes the image from the cache on a warm call: no rebuild, well under 100 ms', async () => {
  const t = performance.now();
  const again = await ensureDebianImage();
  expect(performance.now() - t).toBeLessThan(100);
  const { buildMs: _built, ...cached } = image;
  expect(again).toEqual(cached);
  expect(again.kernelRelease).toMatch(/^\d+\.\d+\.\d+-\d+-cloud-amd64$/);
});

describe('the Debian image, booted like a cloud image (SeaBIOS -> extlinux -> systemd)', () => {
  let b: Booted;

  beforeAll(async () => {
    // Where loop devices did not work the image has no bootloader: the agent tests still run, on a kernel boot.
    b = await bootImage(image, image.bootloader === 'extlinux' ? 'bios' : 'kernel', 'bios-boot');
  }, BOOT_TIMEOUT_MS + 30_000);

  afterAll(() => {
    b?.agent.close();
    if (b?.qemu.pid) killAll([b.qemu.pid]);
  });

  it('shows the boot on the serial console: bootloader, kernel, systemd starting the agent', (ctx) => {
    const console = readFileSync(b.console, 'utf8');
    expect(console).toContain(`Linux version ${image.kernelRelease}`);
    expect(console).toMatch(/Started .*qemu-guest-agent\.service.*QEMU Guest Agent/);
    if (image.bootloader !== 'extlinux') ctx.skip();
    expect(console).toMatch(/SYSLINUX 6\.\d+/);
    expect(console).toContain(`Loading /boot/vmlinuz-${image.kernelRelease}`);
  });

  it('runs uname -r with guest-exec: the image kernel, exit 0, nothing on stderr', async () => {
    const r = await b.agent.run({ path: 'uname', args: ['-r'] }, { timeoutMs: 30_000 });
    expect(r).toMatchObject({ exited: true, exitCode: 0, timedOut: false, stdoutTruncated: false });
    expect(r.stdout.toString()).toBe(`${image.kernelRelease}\n`);
    expect(r.stderr.length).toBe(0);
  });

  it('keeps stdout and stderr apart and reports exit 3 and a killing signal', async () => {
    const failed = await b.agent.run(sh('echo to-stdout; echo to-stderr >&2; exit 3'), { timeoutMs: 30_000 });
    expect(failed).toMatchObject({ exited: true, exitCode: 3, timedOut: false });
    expect(failed.stdout.toString()).toBe('to-stdout\n');
    expect(failed.stderr.toString()).toBe('to-stderr\n');
    const killed = await b.agent.run(sh('kill -9 $$'), { timeoutMs: 30_000 });
    expect(killed.exited).toBe(true);
    expect(killed.signal).toBe(9);
    expect(killed.exitCode).toBeUndefined();
  });

  it("passes the environment (it replaces the agent's) and stdin", async () => {
    const r = await b.agent.run(
      { ...sh('printf "%s|%s|" "$QFI_VALUE" "$HOME"; cat'), env: { PATH: GUEST_PATH, HOME: '/root', QFI_VALUE: 'a b $c' }, input: Buffer.from('from stdin\n') },
      { timeoutMs: 30_000 },
    );
    expect(r.exitCode).toBe(0);
    expect(r.stdout.toString()).toBe('a b $c|/root|from stdin\n');
  });

  it('returns a megabyte of output whole, and says when the agent cut stdout at 16 MiB', async () => {
    const mib = await b.agent.run(sh('seq 1 150000'), { timeoutMs: 60_000 });
    const expected = `${Array.from({ length: 150_000 }, (_, i) => i + 1).join('\n')}\n`;
    expect(mib.stdout.length).toBe(expected.length);
    expect(mib.stdout.toString() === expected).toBe(true);
    expect(mib.stdoutTruncated).toBe(false);

    const t = Date.now();
    const big = await b.agent.run(sh('head -c 17000000 /dev/zero | tr "\\000" x; echo done >&2'), { timeoutMs: 180_000 });
    timings.push(`17 MB of stdout through guest-exec-status: ${((Date.now() - t) / 1000).toFixed(1)} s`);
    expect(big).toMatchObject({ exited: true, exitCode: 0, stdoutTruncated: true, stderrTruncated: false });
    expect(big.stdout.length).toBe(16 * 1024 * 1024);
    expect(big.stdout.every((c) => c === 0x78)).toBe(true);
    expect(big.stderr.toString()).toBe('done\n');
  });

  it('reads back files the command wrote: a small text file and a 2.5 MiB binary one (several reads)', async () => {
    const ktap = 'KTAP version 1\n1..2\nok 1 first\nnot ok 2 second\n';
    const write = await b.agent.run(sh(`printf '%s' '${ktap}' > /tmp/results.ktap; head -c 2621440 /dev/urandom > /tmp/blob; sha256sum /tmp/blob`), {
      timeoutMs: 60_000,
    });
    expect(write.exitCode).toBe(0);
    expect((await b.agent.readFile('/tmp/results.ktap')).toString()).toBe(ktap);
    const blob = await b.agent.readFile('/tmp/blob');
    expect(blob.length).toBe(2_621_440);
    expect(`${sha256(blob)}  /tmp/blob\n`).toBe(write.stdout.toString());
    await expect(b.agent.readFile('/tmp/blob', { maxBytes: 1_000_000 })).rejects.toThrow(/larger than 1000000 bytes/);
    // The handle of the refused read was closed: the agent answers the next command normally.
    await expect(b.agent.readFile('/nonexistent/file')).rejects.toThrow(GuestAgentCommandError);
    await expect(b.agent.readFile('/nonexistent/file')).rejects.toThrow(/No such file or directory/);
  });

  it('says what went wrong when the program does not exist, and returns timedOut for a program that outlives its time', async () => {
    await expect(b.agent.run({ path: '/no/such/program' })).rejects.toThrow(/guest-exec failed: .*No such file or directory/);
    const slow = await b.agent.run(sh('sleep 30'), { timeoutMs: 1000 });
    expect(slow).toMatchObject({ exited: false, timedOut: true });
    expect(slow.ms).toBeGreaterThanOrEqual(1000);
    await b.agent.run(sh(`kill ${slow.pid}`), { timeoutMs: 30_000 });
  });

  it('drops stale replies: a command the client gave up on, and a client that left mid-command', async () => {
    // A 3 MB read takes the agent longer than the 1 ms the client waits: its reply arrives after
    // the client gave up, and the next command must not take it for its own.
    await b.agent.run(sh('head -c 3000000 /dev/zero > /tmp/stale'), { timeoutMs: 30_000 });
    const handle = await b.agent.execute<number>('guest-file-open', { path: '/tmp/stale' });
    await expect(b.agent.execute('guest-file-read', { handle, count: 3_000_000 }, { timeoutMs: 1 })).rejects.toThrow(GuestAgentTimeoutError);
    await b.agent.execute('guest-file-close', { handle });
    const r = await b.agent.run({ path: 'uname', args: ['-n'] }, { timeoutMs: 30_000 });
    expect(r.stdout.toString()).toBe('qfi-debian\n');
    expect(readFileSync(b.transcript, 'utf8')).toMatch(/ # stale reply: dropped\n/);

    // Another client leaves an unread reply and half a request in the channel, then goes away; the
    // next client's 0xFF makes the agent drop the half request, and its sync skips the old reply.
    b.agent.close();
    const leaver = createConnection(join(b.dir, 'qga.sock'));
    await new Promise((resolve) => leaver.once('connect', resolve));
    leaver.write('{"execute":"guest-info"}\n{"execute":"guest-exec","arguments":{"path":"/bin/tr');
    await new Promise((resolve) => setTimeout(resolve, 500));
    leaver.destroy();
    const log = createWriteStream(b.transcript, { flags: 'a' });
    b.agent = await GuestAgent.connect(join(b.dir, 'qga.sock'), { log });
    await b.agent.waitReady({ timeoutMs: 30_000 });
    const info = await b.agent.info();
    expect(info.version).toMatch(/^\d+\.\d+/);
    expect(info.supported_commands.find((c) => c.name === 'guest-exec')?.enabled).toBe(true);
  });

  it('shuts the guest down with guest-shutdown: QEMU exits by itself with status 0', async () => {
    expect(await shutDown(b)).toBe(0);
    expect(readFileSync(b.console, 'utf8')).toMatch(/reboot: Power down/);
  });
});

describe('the same image booted from its kernel and initrd (-kernel -initrd -append root=/dev/vda1)', () => {
  it(
    'boots to the agent, runs a command, and powers off',
    async () => {
      const b = await bootImage(image, 'kernel', 'kernel-boot');
      try {
        timings.push(`kernel boot argv: ${QEMU} ${b.argv.join(' ')}`);
        const r = await b.agent.run(sh('cat /proc/cmdline; findmnt -n -o SOURCE /'), { timeoutMs: 30_000 });
        expect(r.stdout.toString()).toBe(`root=/dev/vda1 ${image.cmdline}\n/dev/vda1\n`);
        expect(await shutDown(b)).toBe(0);
      } finally {
        b.agent.close();
        if (b.qemu.pid) killAll([b.qemu.pid]);
      }
    },
    BOOT_TIMEOUT_MS + 120_000,
  );
});

describe('no agent in the guest', () => {
  /** QEMU with the agent's port but nothing to boot: SeaBIOS finds no disk, nobody opens the port. */
  async function emptyMachine(): Promise<{ qemu: ReturnType<typeof startQemu>; agent: GuestAgent; transcript: string }> {
    const dir = mkdtempSync(join(work, 'no-agent-'));
    const socket = join(dir, 'qga.sock');
    const qemu = startQemu(['-machine', 'q35', '-accel', 'tcg', '-nodefaults', '-display', 'none', ...agentArgv(socket)]);
    const transcript = join(dir, 'qga.log');
    const agent = await GuestAgent.connect(socket, { log: createWriteStream(transcript) });
    return { qemu, agent, transcript };
  }

  it('gives up at the deadline with an error that says what to check', async () => {
    const m = await emptyMachine();
    try {
      const t = Date.now();
      const err = await m.agent.waitReady({ timeoutMs: 3000 }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(GuestAgentNotReadyError);
      expect((err as GuestAgentNotReadyError).message).toMatch(/did not answer within 3\.\d s \(\d+ sync attempts\)/);
      expect((err as GuestAgentNotReadyError).hint).toMatch(/is qemu-guest-agent installed and enabled in the image/);
      expect(Date.now() - t).toBeLessThan(4500);
      // Each attempt began with the 0xFF byte and a fresh id.
      expect(readFileSync(m.transcript, 'utf8')).toMatch(/> <0xFF>\{"execute":"guest-sync-delimited","arguments":\{"id":\d+\}\}/);
    } finally {
      m.agent.close();
      m.qemu.kill('SIGKILL');
      await m.qemu;
    }
  });

  it("stops waiting when the signal aborts, with the signal's reason", async () => {
    const m = await emptyMachine();
    try {
      const reason = new Error('run cancelled');
      const t = Date.now();
      const waiting = m.agent.waitReady({ timeoutMs: 60_000, signal: AbortSignal.timeout(500) });
      await expect(waiting).rejects.toThrow(/signal timed out|aborted/i);
      expect(Date.now() - t).toBeLessThan(2000);
      const controller = new AbortController();
      const again = m.agent.waitReady({ timeoutMs: 60_000, signal: controller.signal });
      setTimeout(() => controller.abort(reason), 200);
      await expect(again).rejects.toBe(reason);
    } finally {
      m.agent.close();
      m.qemu.kill('SIGKILL');
      await m.qemu;
    }
  });
});
