import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RawInputs } from '../../src/config/index.js';
import { localCacheDir } from '../../src/core/cache-dir.js';
import { silentLogger, type Host } from '../../src/core/host.js';
import { runPipeline } from '../../src/modes/run-pipeline.js';
import { junitSchema } from '../helpers/junit-schema.js';
import { dornyView, mikepenzAnnotations, publisherProblems } from '../helpers/publishers.js';

const host: Host = { log: silentLogger, cacheDir: localCacheDir() };

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

describe('KTAP as the publishers read it (built-in guest, x86_64, a qfi.toml in a repository)', () => {
  it("one failing and one skipped test: each its own case in a flat suite, annotated at the command's line of qfi.toml", async () => {
    const repo = mkdtempSync(join(tmpdir(), 'qfi-repo-'));
    const toml = [
      '[test]',
      'timeout = "30s"',
      'command = """',
      'echo "KTAP version 1"; echo "1..1"; echo "    KTAP version 1"; echo "    # Subtest: storage"; echo "    1..3"',
      'echo "    ok 1 open"',
      'if qfi-fault storage.read; then echo "    # read failed (injected)"; echo "    not ok 2 read"; else echo "    ok 2 read"; fi',
      'echo "    ok 3 trim # SKIP no discard"; echo "not ok 1 storage"',
      '"""',
      '',
      '[fault_injection]',
      'rules = ["storage.read=fail"]',
      '',
    ].join('\n');
    writeFileSync(join(repo, 'qfi.toml'), toml);
    const { run, reports } = await runPipeline({ inputs: { 'results-dir': join(repo, 'qfi-results') }, cwd: repo }, host);
    expect(run.verdict).toBe('fail');
    const xml = readFileSync(reports.junit, 'utf8');
    execFileSync('xmllint', ['--noout', '--schema', junitSchema(), reports.junit], { stdio: 'pipe' });
    expect(publisherProblems(xml, repo)).toEqual([]);
    const storage = dornyView(xml).suites.find((x) => x.name === 'qfi run ktap storage')!;
    expect(storage.tests).toEqual([
      { name: 'qfi: storage.open', result: 'success' },
      { name: 'qfi: storage.read', result: 'failed' },
      { name: 'qfi: storage.trim', result: 'skipped' },
    ]);
    const annotations = mikepenzAnnotations(xml, repo);
    expect(annotations.map((a) => [a.title, a.file, a.line])).toEqual([
      ['qfi: command', 'qfi.toml', 3],
      ['qfi: storage.read', 'qfi.toml', 3],
    ]);
    // The rule's own line is where the boot case points (it is what the run is about).
    expect(xml).toMatch(/name="qfi: boot" [^>]*file="qfi.toml" line="11"/);

    // The runs use the parser `qfi parse` uses: on the run's console.log (the real CLI, from
    // the repository's root as a user would run it), its KTAP suites are the run's.
    const parsed = join(repo, 'parsed.xml');
    const cli = new URL('../../dist/cli.js', import.meta.url).pathname;
    const status = (() => {
      try {
        execFileSync(process.execPath, [cli, 'parse', 'qfi-results/console.log', '--junit', parsed], { cwd: repo, stdio: 'pipe' });
        return 0;
      } catch (err) {
        return (err as { status: number }).status;
      }
    })();
    expect(status).toBe(1);
    execFileSync('xmllint', ['--noout', '--schema', junitSchema(), parsed], { stdio: 'pipe' });
    const ktapSuites = (text: string) => [...text.matchAll(/<testsuite name="qfi run ktap[^"]*"[\s\S]*?<\/testsuite>/g)].map((m) => m[0]);
    expect(ktapSuites(xml).length).toBeGreaterThan(0);
    expect(ktapSuites(readFileSync(parsed, 'utf8'))).toEqual(ktapSuites(xml));
  }, 120_000);
});

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
    expect(run.ktap?.counts).toEqual({ passed: 1, failed: 1, crashed: 0, skipped: 1, errors: 0 });
    const xml = readFileSync(reports.junit, 'utf8');
    execFileSync('xmllint', ['--noout', '--schema', junitSchema(), reports.junit], { stdio: 'pipe' });
    expect(xml).toMatch(/<testsuite name="[^"]+ ktap"[^>]* tests="3" failures="1" errors="0" skipped="1">/);
    expect(xml).toMatch(/name="[^"]+: read config"[^>]*>\s*<failure message="read failed \(injected\)" type="ktap">/);
    const md = readFileSync(reports.summaryMarkdown, 'utf8');
    expect(md).toMatch(/\*\*KTAP\*\*: 1 stream \(fail\), 3 tests: 1 passed, 1 failed, 1 skipped/);
  });

  it("KTAP in a results file (built-in guest, x86_64): copied exactly past a flood of kernel messages, merged with the console's, each KTAP suite its own flat suite", async () => {
    // The file is written while the kernel prints to the console as fast as it can: on the
    // console the lines would interleave; through the results port they arrive intact.
    const writeResults = [
      '(i=0; while [ $i -lt 300 ]; do echo "qfi-test: kernel noise $i" > /dev/kmsg; i=$((i+1)); done) &',
      'f=/tmp/results.tap',
      'echo "KTAP version 1" > $f; echo "1..2" >> $f',
      'echo "    KTAP version 1" >> $f; echo "    # Subtest: storage" >> $f; echo "    1..2" >> $f',
      'echo "    ok 1 open" >> $f',
      'if qfi-fault storage.read; then echo "    # read failed (injected)" >> $f; echo "    not ok 2 read" >> $f; else echo "    ok 2 read" >> $f; fi',
      'echo "not ok 1 storage" >> $f',
      'echo "ok 2 network # SKIP no NIC" >> $f',
      'wait',
      'echo "TAP version 13"; echo "1..1"; echo "ok 1 - console check"',
    ].join('\n');
    const { run, reports } = await qfiRun({ command: writeResults, 'results-file': '/tmp/results.tap', faults: ['storage.read=fail'] });
    expect(run.record.commandExitCode).toBe(0);
    expect(run.verdict).toBe('fail');
    expect(run.reason).toBe('KTAP: 1 of 4 tests failed: storage.read');
    expect(run.ktap?.streams.map((s) => s.source)).toEqual(['console', 'results file /tmp/results.tap']);
    expect(readFileSync(run.record.files.console, 'utf8').match(/qfi-test: kernel noise \d+/g)).toHaveLength(300);
    expect(run.ktap?.counts).toEqual({ passed: 2, failed: 1, crashed: 0, skipped: 1, errors: 0 });
    expect(readFileSync(join(run.record.files.dir, 'guest-results.txt'), 'utf8')).toBe(
      'KTAP version 1\n1..2\n    KTAP version 1\n    # Subtest: storage\n    1..2\n    ok 1 open\n    # read failed (injected)\n    not ok 2 read\nnot ok 1 storage\nok 2 network # SKIP no NIC\n',
    );
    execFileSync('xmllint', ['--noout', '--schema', junitSchema(), reports.junit], { stdio: 'pipe' });
    const xml = readFileSync(reports.junit, 'utf8');
    expect(xml).toMatch(/<testsuite name="[^"]+ ktap"[^>]* tests="1" failures="0" errors="0" skipped="0">/);
    expect(xml).toMatch(
      /<testsuite name="[^"]+ results"[^>]* tests="1" failures="0" errors="0" skipped="1">\s*<properties>[\s\S]*?<property name="qfi.ktap.source" value="results file \/tmp\/results.tap"\/>/,
    );
    expect(xml).toMatch(
      /<testsuite name="[^"]+ results storage"[^>]* tests="2" failures="1"[^>]*>[\s\S]*?name="[^"]+: results storage\.read"[^>]*>\s*<failure message="read failed \(injected\)" type="ktap">/,
    );
  });

  it('a results file the command never wrote fails the run, and one cut off is a crash', async () => {
    const missing = await qfiRun({ command: 'echo "tests ran"', 'results-file': '/tmp/results.tap' });
    expect(missing.run.verdict).toBe('fail');
    expect(missing.run.reason).toBe(
      'the command exited with code 0 but left no results in /tmp/results.tap (missing or empty; the console or qga.log says which)',
    );
    expect(readFileSync(missing.run.record.files.console, 'utf8')).toContain('qfi: the command left no results file /tmp/results.tap');

    const cut = await qfiRun({ command: 'printf "TAP version 13\\n1..3\\nok 1 - first\\n" > /tmp/r.tap', 'results-file': '/tmp/r.tap' });
    expect(cut.run.verdict).toBe('panic');
    expect(cut.run.reason).toMatch(
      /^KTAP stream at results file \/tmp\/r\.tap line 1 stopped after first \(1 of 3 results\): the results file \/tmp\/r\.tap ended at line 3/,
    );
  });

  it('the results port works on aarch64 too (built-in guest on virt)', async () => {
    const { run } = await qfiRun({
      arch: 'aarch64',
      command: 'printf "TAP version 14\\n1..2\\nok 1 - a\\nok 2 - b\\n" > /root/out.tap',
      'results-file': '/root/out.tap',
    });
    expect(run.verdict, run.reason).toBe('pass');
    expect(run.ktap?.counts).toMatchObject({ passed: 2, failed: 0, crashed: 0 });
  });

  const kernel = cachedTestKernel();
  it.skipIf(!kernel)('KUnit on the test kernel (bzImage through qboot, built-in initramfs): suites become nested JUnit suites', async () => {
    const mods = join(kernel!, 'modules.tar');
    const { run, reports } = await qfiRun({
      kernel: join(kernel!, 'bzImage'),
      disks: [`id=mods path=${mods} read-only=true`],
      command:
        'echo 7 > /proc/sys/kernel/printk; mkdir /tmp/m; tar -xf /dev/qfi/mods -C /tmp/m; insmod /tmp/m/kunit-example-test.ko && insmod /tmp/m/list-test.ko',
    });
    expect(run.verdict).toBe('pass');
    expect(run.provisioned.kernelDescription).toMatch(/with the built-in initramfs/);
    expect(run.ktap?.streams.map((s) => s.tests.map((t) => `${t.name}:${t.status}`))).toEqual([['example:pass', 'list-kunit-test:pass', 'hlist:pass']]);
    execFileSync('xmllint', ['--noout', '--schema', junitSchema(), reports.junit], { stdio: 'pipe' });
    expect(readFileSync(reports.junit, 'utf8')).toMatch(/<testsuite name="[^"]+ ktap example"[^>]* tests="4" failures="0" errors="0" skipped="2">/);
  });
});
