/**
 * Bring-your-own guests through `qfi run`: files put into the built-in guest, your Linux kernel
 * with your initrd (no qfi agent: verdict from markers), and the SDK example kernel (exit code
 * through isa-debug-exit). Boots: the Debian cloud kernel (vmlinux) on QEMU TCG, about 1.5 s
 * each; the SDK kernel in well under a second.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RawInputs } from '../../src/config/index.js';
import { localCacheDir } from '../../src/core/cache-dir.js';
import { silentLogger, type Host } from '../../src/core/host.js';
import { runPipeline } from '../../src/modes/run-pipeline.js';
import { writeCpioNewc } from '../../src/provision/guest/cpio-newc.js';
import { ensureBuiltinGuest } from '../../src/provision/guest/index.js';
import { buildSdkKernels } from '../helpers/sdk-kernel.js';
import { junitSchema } from '../helpers/junit-schema.js';

const host: Host = { log: silentLogger, cacheDir: localCacheDir() };
const fixture = (path: string) => new URL(`../fixtures/guests/${path}`, import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), 'qfi-custom-guests-'));

async function qfiRun(name: string, inputs: RawInputs) {
  const dir = join(work, name);
  mkdirSync(dir, { recursive: true });
  const { run, reports } = await runPipeline({ inputs: { 'results-dir': join(dir, 'results'), name, ...inputs }, cwd: dir }, host);
  execFileSync('xmllint', ['--noout', '--schema', junitSchema(), reports.junit], { stdio: 'pipe' });
  return { run, console: readFileSync(run.record.files.console, 'utf8'), argv: run.record.qemuArgv };
}

describe('files into the built-in guest', () => {
  it('runs a dynamically linked host program with its shared libraries, placed beside it as RUNPATH says', async () => {
    const dir = join(work, 'greet-build');
    mkdirSync(join(dir, 'lib'), { recursive: true });
    mkdirSync(join(dir, 'bin'), { recursive: true });
    writeFileSync(join(dir, 'greet.c'), '#include <stdio.h>\nvoid greet(const char *who) { printf("hello %s from a shared library\\n", who); }\n');
    writeFileSync(join(dir, 'main.c'), 'void greet(const char *);\nint main(int argc, char **argv) { greet(argc > 1 ? argv[1] : "nobody"); return 0; }\n');
    execFileSync('gcc', ['-shared', '-fPIC', '-o', join(dir, 'lib/libgreet.so'), join(dir, 'greet.c')]);
    execFileSync('gcc', [
      '-o',
      join(dir, 'bin/greet'),
      join(dir, 'main.c'),
      `-L${join(dir, 'lib')}`,
      '-lgreet',
      '-Wl,--enable-new-dtags,-rpath,$ORIGIN/../lib',
    ]);
    const { run, console } = await qfiRun('files', {
      command: '/opt/greet/bin/greet qfi && ls /opt/greet/lib && test "$(cat /root/greet.c | head -c 8)" = "#include"',
      files: [`path=${join(dir, 'bin/greet')} dest=/opt/greet/bin/greet`, `path=${join(dir, 'greet.c')} dest=/root/greet.c mode=0600`],
    });
    expect(run.verdict, run.reason).toBe('pass');
    expect(console).toContain('hello qfi from a shared library');
    expect(console).toContain('libgreet.so');
  });
});

describe('your Linux kernel and initrd, given as paths (no qfi agent)', () => {
  let kernel = '';
  let initrd = '';
  beforeAll(async () => {
    // The Debian cloud kernel (from qfi's cache) stands in for "a kernel you just built".
    kernel = (await ensureBuiltinGuest({ cacheDir: localCacheDir(), log: silentLogger })).kernel;
    const dir = join(work, 'initrd-build');
    mkdirSync(dir, { recursive: true });
    execFileSync('gcc', ['-static', '-O2', '-Wall', '-Wextra', '-Werror', '-o', join(dir, 'init'), fixture('selftest-init/init.c')]);
    initrd = join(dir, 'initrd.cpio.gz');
    writeFileSync(
      initrd,
      gzipSync(
        writeCpioNewc([
          { type: 'dir', path: 'proc' },
          { type: 'file', path: 'init', mode: 0o755, data: readFileSync(join(dir, 'init')) },
        ]),
      ),
    );
  });
  const markers = { 'success-marker': '^SELFTEST: ALL CHECKS PASSED', 'failure-marker': 'FAILED' };

  it('passes on the success marker and ends the run there', async () => {
    const { run, console, argv } = await qfiRun('selftest-pass', { kernel, initrd, ...markers });
    expect(run.verdict, run.reason).toBe('pass');
    expect(run.reason).toMatch(/^console line \d+ matched success-marker: SELFTEST: ALL CHECKS PASSED on 6\./);
    expect(console).toContain('selftest: uname ok');
    expect(run.plan.agent).toBe('none');
    // Your initrd gets the console and panic handling, not qfi's quiet boot.
    expect(argv[argv.indexOf('-append') + 1]).toMatch(/^console=ttyS0 panic=-1 qfi\.rules=opt\/qfi\/rules$/);
  });

  it('fails on the failure marker, naming the line', async () => {
    const { run } = await qfiRun('selftest-fail', { kernel, initrd, append: 'selftest.fail=pid1', ...markers });
    expect(run.verdict).toBe('fail');
    expect(run.reason).toMatch(/^console line \d+ matched failure-marker \/FAILED\/: selftest: pid1 FAILED$/);
  });

  it('calls a guest that never prints its marker a hang at the test timeout', async () => {
    const { run } = await qfiRun('selftest-hang', { kernel, initrd, append: 'selftest.hang=1', 'success-marker': 'NEVER PRINTED', 'test-timeout': '6s' });
    expect(run.verdict).toBe('hang');
    expect(run.reason).toBe('the guest was still running after the test timeout of 6.0 s, without printing its success-marker');
  });
});

describe('the SDK example kernel through qfi run (no Linux: rules over fw_cfg through the C SDK, exit code through the exit device)', () => {
  const kernels = buildSdkKernels(['x86_64', 'aarch64']);

  it('x86_64: passes with exit code 0 through isa-debug-exit, fails with 1 when a fault is not recovered', async () => {
    const kernel = kernels.built.x86_64!;
    const common = { kernel, agent: 'none', 'exit-device': 'isa-debug-exit' };
    const pass = await qfiRun('sdk-pass', common);
    expect(pass.run.verdict, pass.run.reason).toBe('pass');
    expect(pass.run.reason).toBe('the guest exited with code 0 through isa-debug-exit');
    expect(pass.argv).toContain('isa-debug-exit,iobase=0xf4,iosize=0x04');

    const fail = await qfiRun('sdk-fail', { ...common, faults: 'alloc.page=fail-after:2' });
    expect(fail.run.verdict).toBe('fail');
    expect(fail.run.reason).toBe('the guest exited with code 1 through isa-debug-exit (pass-exit-codes: 0)');
    // The kernel read the rule through the SDK and counted its calls like the runner's model.
    expect(fail.run.points).toContainEqual({ name: 'alloc.page', calls: 6, fails: 4 });
    // A recovered fault passes; pass-exit-codes can also call 1 a pass.
    expect((await qfiRun('sdk-recovered', { ...common, faults: 'disk.read=drop-every:2' })).run.verdict).toBe('pass');
    expect((await qfiRun('sdk-codes', { ...common, faults: 'alloc.page=fail-after:2', 'pass-exit-codes': '0-1' })).run.verdict).toBe('pass');
  });

  it.skipIf(!kernels.built.aarch64)('aarch64: the same through semihosting, rules over fw_cfg DMA', async () => {
    const common = { kernel: kernels.built.aarch64!, agent: 'none', arch: 'aarch64', 'exit-device': 'semihosting', qemu: 'system' };
    const pass = await qfiRun('sdk-arm-pass', common);
    expect(pass.run.verdict, pass.run.reason).toBe('pass');
    const fail = await qfiRun('sdk-arm-fail', { ...common, faults: 'alloc.page=fail-after:2' });
    expect(fail.run.reason).toBe('the guest exited with code 1 through semihosting (pass-exit-codes: 0)');
  });
});

describe('the built-in guest on aarch64 (Debian arm64 cloud kernel on QEMU virt, cortex-a57, TCG: about 1 s)', () => {
  it('runs the agent, guest rules, block rules and a cross-built dynamic program from files', async () => {
    const dir = join(work, 'arm-build');
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, 'hello.c'),
      '#include <math.h>\n#include <stdio.h>\nint main(int argc, char **argv) { (void)argv; printf("hello from aarch64, sqrt=%.1f\\n", sqrt(16.0 * argc)); return 0; }\n',
    );
    execFileSync('aarch64-linux-gnu-gcc', ['-O2', '-o', join(dir, 'hello'), join(dir, 'hello.c'), '-lm']);
    const { run, console, argv } = await qfiRun('aarch64', {
      arch: 'aarch64',
      files: `path=${join(dir, 'hello')} dest=/usr/bin/hello`,
      disks: 'id=data size=1M',
      faults: ['storage.read=fail', 'block.read[disk=data]=fail'],
      command:
        'uname -m; hello; qfi-fault storage.read && echo "guest point failed as told"; dd if=/dev/qfi/data of=/dev/null bs=512 count=1 iflag=direct 2>&1 | tail -1; exit 0',
    });
    expect(run.verdict, run.reason).toBe('pass');
    expect([argv[0]!.endsWith('qemu-system-aarch64'), argv[argv.indexOf('-machine') + 1], argv[argv.indexOf('-cpu') + 1]]).toEqual([
      true,
      'virt,gic-version=3',
      'cortex-a57',
    ]);
    expect(console).toMatch(/^aarch64\r?$/m);
    expect(console).toContain('hello from aarch64, sqrt=4.0');
    expect(console).toContain('guest point failed as told');
    expect(console).toMatch(/Input\/output error/);
    expect(run.injections?.perRule.find((r) => r.rule.startsWith('block.read'))?.fires).toBeGreaterThan(0);
  });
});
