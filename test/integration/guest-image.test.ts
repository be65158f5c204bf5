/**
 * A full distribution disk image through `qfi run`: Debian bookworm with qemu-guest-agent, built
 * in test setup from Debian packages (scripts/build-debian-image.sh, cached). Boots: SeaBIOS +
 * extlinux + systemd on QEMU TCG, about 15 s to the agent's answer; then the image's own kernel
 * and initrd given as paths, with the image as root disk.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RawInputs } from '../../src/config/index.js';
import { localCacheDir } from '../../src/core/cache-dir.js';
import { silentLogger, type Host } from '../../src/core/host.js';
import { runPipeline } from '../../src/modes/run-pipeline.js';
import { ensureDebianImage, type DebianImage } from '../helpers/debian-image.js';
import { junitSchema } from '../helpers/junit-schema.js';

const host: Host = { log: silentLogger, cacheDir: localCacheDir() };
const work = mkdtempSync(join(tmpdir(), 'qfi-guest-image-'));

async function qfiRun(name: string, inputs: RawInputs) {
  const dir = join(work, name);
  mkdirSync(dir, { recursive: true });
  const { run, reports } = await runPipeline({ inputs: { 'results-dir': join(dir, 'results'), name, 'boot-timeout': '120s', ...inputs }, cwd: dir }, host);
  execFileSync('xmllint', ['--noout', '--schema', junitSchema(), reports.junit], { stdio: 'pipe' });
  const read = (file: string) => readFileSync(join(dir, 'results', file), 'utf8');
  return { run, read };
}

describe('a Debian disk image with qemu-guest-agent', () => {
  let image: DebianImage;
  beforeAll(async () => {
    image = await ensureDebianImage();
  });

  it('boots the image through the firmware and runs the command through guest-exec: output captured, exit code the verdict', async () => {
    const before = statSync(image.disk).mtimeMs;
    const disks = `id=root path=${image.disk} boot=true`;
    const ok = await qfiRun('image-pass', {
      disks,
      agent: 'qemu-guest-agent',
      command: 'uname -r; cat /etc/debian_version; echo "seed=$QFI_SEED"; echo to-stderr >&2',
      seed: '77',
    });
    expect(ok.run.verdict, ok.run.reason).toBe('pass');
    expect(ok.read('command-stdout.log')).toMatch(new RegExp(`^${image.kernelRelease.replaceAll('.', '\\.')}\n12\\.\\d+\nseed=77\n$`));
    expect(ok.read('command-stderr.log')).toBe('to-stderr\n');
    expect(ok.read('qga.log')).toMatch(/guest-exec-status/);
    expect(ok.run.record.bootMs).toBeGreaterThan(1000);
    // The firmware booted the disk: no -kernel; the image itself was not written (snapshot copy).
    expect(ok.run.record.qemuArgv).not.toContain('-kernel');
    expect(statSync(image.disk).mtimeMs).toBe(before);

    // The command fails before writing its results file: both are said.
    const failing = await qfiRun('image-fail', {
      disks,
      agent: 'qemu-guest-agent',
      command: 'echo about to fail; exit 3',
      'results-file': '/var/tmp/results.tap',
    });
    expect(failing.run.verdict).toBe('fail');
    expect(failing.run.reason).toBe(
      'test command exited with 3; the command exited with code 3 but left no results in /var/tmp/results.tap (missing or empty; the console or qga.log says which)',
    );
    expect(failing.read('qga.log')).toMatch(/guest-file-open[\s\S]*No such file/);
  });

  it("boots the image's own kernel and initrd given as paths, with the image as root disk", async () => {
    const { run, read } = await qfiRun('image-kernel', {
      kernel: image.kernel,
      initrd: image.initrd,
      append: `root=/dev/vda1 ${image.cmdline}`,
      disks: `id=root path=${image.disk} snapshot=true`,
      agent: 'qemu-guest-agent',
      // A results file read back with guest-file-read: a TAP 14 stream with a subtest.
      command:
        'cat /proc/cmdline; printf "TAP version 14\\n1..2\\n# Subtest: boot\\n    1..1\\n    ok 1 - cmdline has root\\nok 1 - boot\\nok 2 - shell # SKIP not needed\\n" > /var/tmp/results.tap',
      'results-file': '/var/tmp/results.tap',
    });
    expect(run.verdict, run.reason).toBe('pass');
    expect(read('command-stdout.log')).toMatch(/root=\/dev\/vda1/);
    expect(read('guest-results.txt')).toMatch(/^TAP version 14\n1\.\.2\n# Subtest: boot\n/);
    expect(run.ktap?.counts).toEqual({ passed: 1, failed: 0, crashed: 0, skipped: 1, errors: 0 });
    // Flat suites: the file's top-level tests, then its `boot` suite.
    expect(read('junit.xml')).toMatch(/<testsuite name="[^"]+ results"[^>]* tests="1" failures="0" errors="0" skipped="1">/);
    expect(read('junit.xml')).toMatch(/<testsuite name="[^"]+ results boot"[^>]* tests="1" failures="0" errors="0" skipped="0">/);
    expect(run.record.qemuArgv[run.record.qemuArgv.indexOf('-kernel') + 1]).toBe(image.kernel);
  });
});
