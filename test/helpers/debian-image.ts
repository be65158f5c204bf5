import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { localCacheDir } from '../../src/core/cache-dir.js';

/**
 * A Debian bookworm disk image with qemu-guest-agent, for the "bring a disk image" tests: built
 * once by scripts/build-debian-image.sh (debootstrap; root, about 1.5 minutes) and cached under
 * `${XDG_CACHE_HOME:-~/.cache}/qfi/test-images/debian-bookworm-<key>/`. The key hashes the build
 * script, which holds the package list and every setting, so editing it builds a new image. The
 * `complete` marker is written last: a warm call only reads two small files, and an interrupted
 * build is never used.
 */
export interface DebianImage {
  dir: string;
  /** qcow2 with one ext4 partition (/dev/vda1); never boot it writable: use an overlay. */
  disk: string;
  /** The image's /boot/vmlinuz-* and /boot/initrd.img-*, for `-kernel`/`-initrd` boots. */
  kernel: string;
  initrd: string;
  kernelRelease: string;
  qemuGuestAgentVersion: string;
  /** `extlinux` when the image boots on its own from SeaBIOS; `none` where loop devices did not work. */
  bootloader: 'extlinux' | 'none';
  /** The kernel command line after `root=`, as the bootloader passes it. */
  cmdline: string;
  diskBytes: number;
  /** Set when this call built the image. */
  buildMs?: number;
}

const script = new URL('../../scripts/build-debian-image.sh', import.meta.url).pathname;
const MARKER = 'complete';

function imageKey(): string {
  return createHash('sha256').update(readFileSync(script)).digest('hex').slice(0, 16);
}

function readEnvFile(path: string): Record<string, string> {
  const values: Record<string, string> = {};
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const m = /^([A-Z_]+)=(.*)$/.exec(line);
    if (m) values[m[1]!] = m[2]!.replace(/^"(.*)"$/, '$1');
  }
  return values;
}

function describeImage(dir: string, buildMs?: number): DebianImage {
  const env = readEnvFile(join(dir, 'image.env'));
  const disk = join(dir, 'disk.qcow2');
  return {
    dir,
    disk,
    kernel: join(dir, 'vmlinuz'),
    initrd: join(dir, 'initrd.img'),
    kernelRelease: env.KERNEL_RELEASE ?? '',
    qemuGuestAgentVersion: env.QEMU_GUEST_AGENT_VERSION ?? '',
    bootloader: env.BOOTLOADER === 'extlinux' ? 'extlinux' : 'none',
    cmdline: env.CMDLINE ?? '',
    diskBytes: statSync(disk).size,
    ...(buildMs !== undefined ? { buildMs } : {}),
  };
}

/** Root runs the script itself; others through passwordless sudo (the files are given back to them). */
async function privilegedPrefix(): Promise<string[]> {
  if (process.getuid?.() === 0) return [];
  const sudo = await execa('sudo', ['-n', 'true'], { reject: false, stdin: 'ignore' });
  if (sudo.exitCode === 0) return ['sudo', '-n', '--preserve-env=QFI_DEBIAN_MIRROR,QFI_DEBIAN_DEB_CACHE'];
  throw new Error(
    'building the Debian test image needs root (debootstrap chroots): run the tests as root or with passwordless sudo, ' +
      `or build it once by hand: sudo bash ${script} DIR`,
  );
}

export async function ensureDebianImage(): Promise<DebianImage> {
  const root = join(localCacheDir(), 'test-images');
  const dir = join(root, `debian-bookworm-${imageKey()}`);
  if (existsSync(join(dir, MARKER))) return describeImage(dir);

  // A folder without the marker is the leftover of an interrupted run: build again.
  rmSync(dir, { recursive: true, force: true });
  const prefix = await privilegedPrefix();
  const argv = [...prefix, 'bash', script, dir];
  console.log(`debian-image: building ${dir} (debootstrap: a few minutes, then cached)`);
  const started = performance.now();
  // Progress goes straight to the terminal (CI logs show it live); nothing reads stdin.
  const r = await execa(argv[0]!, argv.slice(1), {
    stdin: 'ignore',
    stdout: 'inherit',
    stderr: 'inherit',
    reject: false,
    env: { QFI_DEBIAN_DEB_CACHE: join(root, 'debs'), DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (r.exitCode !== 0) throw new Error(`${argv.join(' ')} exited with ${r.exitCode ?? r.signal}: see its output above`);
  const buildMs = performance.now() - started;
  for (const file of ['disk.qcow2', 'vmlinuz', 'initrd.img', 'image.env']) {
    if (!existsSync(join(dir, file))) throw new Error(`${script} finished without ${join(dir, file)}`);
  }
  writeFileSync(join(dir, MARKER), `${new Date().toISOString()}\n`);
  // Complete images of older versions of the script are dead weight (about 330 MB each). Only
  // complete ones: a `.partial` folder of a killed build may still have /proc mounted inside.
  for (const name of readdirSync(root)) {
    const other = join(root, name);
    if (name.startsWith('debian-bookworm-') && other !== dir && existsSync(join(other, MARKER))) rmSync(other, { recursive: true, force: true });
  }
  return describeImage(dir, buildMs);
}
