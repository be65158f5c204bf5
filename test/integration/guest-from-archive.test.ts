/**
 * The built-in guest comes from Debian's archive with Node alone. Boots the x86_64 built-in guest
 * (Debian bookworm's cloud kernel + busybox-static, fetched from the mirror into fresh caches)
 * with the system QEMU under TCG, through the shipped CLI (dist/cli.js):
 * - on a PATH without apt or dpkg, into an empty cache;
 * - again into a second empty cache: the kernel and initramfs are the same bytes;
 * - from a pin (summary.json's guest.pin) into a third: the same guest again.
 * Then takes the package's real bzImage apart. Each run downloads ~26 MB (a few seconds here).
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/core/host.js';
import { extractVmlinux, parseSetupHeader } from '../../src/provision/guest/bzimage.js';
import { debTar, tarEntries } from '../../src/provision/guest/deb-archive.js';
import { chooseMirror } from '../../src/provision/guest/debian-mirror.js';
import { guestArch } from '../../src/provision/guest/guest-arch.js';
import { fetchDeb, resolveGuestPackages } from '../../src/provision/guest/guest-packages.js';
import { detectKernelFormat } from '../../src/provision/kernel-format.js';

const cli = new URL('../../dist/cli.js', import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), 'qfi-guest-archive-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A PATH holding every program of this one but apt's and dpkg's. */
function pathWithoutApt(): string {
  const bin = join(work, 'bin');
  mkdirSync(bin, { recursive: true });
  // By name, first one wins as on PATH (a merged /usr lists /bin and /usr/bin; links may dangle).
  const linked = new Set<string>();
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      continue;
    }
    for (const name of names) {
      if (/^(apt|dpkg)/.test(name) || linked.has(name)) continue;
      linked.add(name);
      symlinkSync(join(dir, name), join(bin, name));
    }
  }
  return bin;
}

interface Run {
  code: number | null;
  stderr: string;
  summary: {
    verdict: string;
    guest: {
      kernelSha256: string;
      initrdSha256: string;
      pin: string;
      kernel: { package: string; debSha256: string };
      busybox: { package: string; version: string };
    };
  };
}

function qfiRun(cache: string, extra: string[], env: Record<string, string> = {}): Run {
  const results = join(work, `results-${readdirSync(work).length}`);
  const r = spawnSync('node', [cli, 'run', '--command', 'cat /proc/version; busybox | head -1', '--results-dir', results, '-q', ...extra], {
    encoding: 'utf8',
    timeout: 240_000,
    env: { ...process.env, XDG_CACHE_HOME: cache, ...env },
  });
  const summaryFile = join(results, 'summary.json');
  if (!existsSync(summaryFile)) throw new Error(`qfi run wrote no summary (exit ${r.status}):\n${r.stderr}`);
  return { code: r.status, stderr: r.stderr, summary: JSON.parse(readFileSync(summaryFile, 'utf8')) as Run['summary'] };
}

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

describe("the built-in guest from Debian's archive", () => {
  let first: Run;
  const cacheA = join(work, 'cache-a');

  beforeAll(() => {
    const path = pathWithoutApt();
    expect(spawnSync('sh', ['-c', 'command -v apt-get || command -v dpkg-deb || command -v dpkg'], { env: { PATH: path } }).status).not.toBe(0);
    first = qfiRun(cacheA, [], { PATH: path });
  });

  it('boots on a host whose PATH has neither apt nor dpkg, into an empty cache', () => {
    expect(first.code, first.stderr).toBe(0);
    expect(first.summary.verdict).toBe('pass');
    expect(first.stderr).toMatch(/guest packages: bookworm index of .* read in/);
    expect(first.summary.guest.kernel.package).toMatch(/^linux-image-6\.1\.0-\d+-cloud-amd64$/);
    expect(first.summary.guest.busybox.package).toBe('busybox-static');
  });

  it('keeps only what the guest needs: the vmlinux and a dozen modules, not the package', () => {
    const kernelRoot = join(cacheA, 'qfi', 'guest', 'kernel');
    const [entry] = readdirSync(kernelRoot);
    const modules = readdirSync(join(kernelRoot, entry!), { recursive: true }).filter((p) => String(p).endsWith('.ko'));
    expect(modules.length).toBeGreaterThanOrEqual(5);
    expect(modules.length).toBeLessThan(20);
    const bytes = readdirSync(join(kernelRoot, entry!), { recursive: true }).reduce((n, p) => {
      const s = statSync(join(kernelRoot, entry!, String(p)));
      return s.isFile() ? n + s.size : n;
    }, 0);
    expect(bytes).toBeLessThan(70 * 2 ** 20);
    expect(sha256(join(kernelRoot, entry!, 'vmlinux'))).toBe(first.summary.guest.kernelSha256);
  });

  it('is the same bytes from a second empty cache, and from a pin in a third', () => {
    const second = qfiRun(join(work, 'cache-b'), []);
    expect(second.code, second.stderr).toBe(0);
    expect(second.summary.guest.kernelSha256).toBe(first.summary.guest.kernelSha256);
    expect(second.summary.guest.initrdSha256).toBe(first.summary.guest.initrdSha256);
    const initrds = [cacheA, join(work, 'cache-b')].map((c) => {
      const root = join(c, 'qfi', 'guest', 'initramfs');
      return sha256(join(root, readdirSync(root)[0]!, 'initramfs.cpio'));
    });
    expect(initrds).toEqual([first.summary.guest.initrdSha256, first.summary.guest.initrdSha256]);

    const pinned = qfiRun(join(work, 'cache-c'), ['--guest-pin', first.summary.guest.pin]);
    expect(pinned.code, pinned.stderr).toBe(0);
    expect(pinned.summary.guest).toMatchObject({
      kernelSha256: first.summary.guest.kernelSha256,
      initrdSha256: first.summary.guest.initrdSha256,
      pin: first.summary.guest.pin,
    });
    expect(pinned.stderr).not.toMatch(/index of/); // a pin needs no index
  });

  it('refuses a pin of the other architecture before anything boots (exit 2)', () => {
    const r = spawnSync(
      'node',
      [cli, 'run', '--command', 'true', '--arch', 'aarch64', '--guest-pin', first.summary.guest.pin, '--results-dir', join(work, 'refused')],
      {
        encoding: 'utf8',
        timeout: 60_000,
        env: { ...process.env, XDG_CACHE_HOME: join(work, 'cache-d') },
      },
    );
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/guest-pin: kernel= is not a arm64 package/);
  });

  it("takes the package's own bzImage apart to the same vmlinux", async () => {
    const arch = guestArch.x86_64;
    const mirror = chooseMirror(undefined);
    const { packages, mirror: url } = await resolveGuestPackages({ cacheDir: join(work, 'cache-a', 'qfi'), arch, mirror, log: silentLogger });
    const deb = await fetchDeb(packages.kernel, { mirror: url, snapshot: packages.snapshot, log: silentLogger });
    const vmlinuz = [...tarEntries(await debTar(deb, 'data'))].find((e) => /^boot\/vmlinuz-/.test(e.path))!;
    const image = Buffer.from(vmlinuz.data);
    const h = parseSetupHeader(image);
    expect(h.protocolVersion).toBeGreaterThanOrEqual(0x0208);
    expect(h.payloadOffset + h.payloadLength).toBeLessThanOrEqual(image.length);
    const got = await extractVmlinux(image);
    expect(got.compression).toBe('lz4');
    expect(createHash('sha256').update(got.vmlinux).digest('hex')).toBe(first.summary.guest.kernelSha256);
    const file = join(work, 'vmlinuz');
    writeFileSync(file, image);
    expect(await detectKernelFormat(file)).toBe('linux');
  });
});
