import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RawInputs } from '../../src/config/index.js';
import { localCacheDir } from '../../src/core/cache-dir.js';
import { silentLogger, type Host } from '../../src/core/host.js';
import { runPipeline } from '../../src/core/pipeline.js';

const host: Host = { log: silentLogger, cacheDir: localCacheDir() };
const schema = new URL('../fixtures/schemas/junit-10.xsd', import.meta.url).pathname;

async function qfiRun(inputs: RawInputs) {
  const cwd = mkdtempSync(join(tmpdir(), 'qfi-ktap-'));
  return runPipeline({ inputs: { 'results-dir': join(cwd, 'results'), ...inputs }, cwd }, host);
}

/** The test kernel scripts/build-test-kernel.sh left in the cache, if it was built on this machine. */
function cachedTestKernel(): string | undefined {
  const root = join(localCacheDir(), 'test-kernel');
  if (!existsSync(root)) return undefined;
  const dir = readdirSync(root).find((d) => existsSync(join(root, d, '.complete')));
  return dir ? join(root, dir) : undefined;
}

describe('KTAP from inside the guest, through the whole pipeline', () => {
  it('a TAP test that exits 0 but reports `not ok` under a fault fails the run, one testcase per test', async () => {
    const command = [
      'echo "TAP version 13"; echo "1..3"',
      'echo "ok 1 - shell runs"',
      // qfi-fault says the read must fail: the test notices and reports it, yet exits 0.
      'if qfi-fault storage.read; then echo "# read failed (injected)"; echo "not ok 2 - read config"; else echo "ok 2 - read config"; fi',
      'echo "ok 3 - cleanup # SKIP nothing to clean"',
    ].join('; ');
    const { run, reports } = await qfiRun({ command, faults: ['storage.read=fail'] });
    expect(run.record.commandExitCode).toBe(0);
    expect(run.verdict).toBe('fail');
    expect(run.reason).toBe('KTAP: 1 of 3 tests failed: read config');
    expect(run.ktap?.counts).toEqual({ tests: 3, passed: 1, failed: 1, skipped: 1, todo: 0, errors: 0 });
    const xml = readFileSync(reports.junit, 'utf8');
    execFileSync('xmllint', ['--noout', '--schema', schema, reports.junit], { stdio: 'pipe' });
    expect(xml).toMatch(/<testsuite name="ktap" tests="3" failures="1" errors="0" skipped="1">/);
    expect(xml).toMatch(/name="read config">\s*<failure message="read failed \(injected\)" type="ktap">/);
    const md = readFileSync(reports.summaryMarkdown, 'utf8');
    expect(md).toMatch(/\*\*KTAP\*\*: 1 stream, 3 tests: 1 passed, 1 failed, 1 skipped/);
  });

  const kernel = cachedTestKernel();
  it.skipIf(!kernel)('KUnit on the test kernel (bzImage through qboot, built-in initramfs): suites become nested JUnit suites', async () => {
    const mods = join(kernel!, 'modules.tar');
    const { run, reports } = await qfiRun({
      kernel: join(kernel!, 'bzImage'),
      disks: [`id=mods path=${mods} read-only=true`],
      command: 'echo 7 > /proc/sys/kernel/printk; mkdir /tmp/m; tar -xf /dev/qfi/mods -C /tmp/m; insmod /tmp/m/kunit-example-test.ko && insmod /tmp/m/list-test.ko',
    });
    expect(run.verdict).toBe('pass');
    expect(run.provisioned.kernelDescription).toMatch(/with the built-in initramfs/);
    expect(run.ktap?.streams.map((s) => s.tests.map((t) => `${t.name}:${t.outcome}`))).toEqual([['example:pass', 'list-kunit-test:pass', 'hlist:pass']]);
    execFileSync('xmllint', ['--noout', '--schema', schema, reports.junit], { stdio: 'pipe' });
    expect(readFileSync(reports.junit, 'utf8')).toMatch(/<testsuite name="example" tests="4" failures="0" errors="0" skipped="2">/);
  });
});
