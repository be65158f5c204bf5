/**
 * The CLI from source (tsx src/entry/cli.ts) as a RustOS runner user types it:
 * `qfi run --fault … --timeout 35 --summarize-log -- --no-reboot`. Boots the built-in x86_64
 * guest (provisioned into the qfi cache on first use) once, under the system QEMU or KVM.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const repo = new URL('../..', import.meta.url).pathname;

interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** `qfi ARGS` in `cwd`, in its own process group so that a timeout ends tsx, node and QEMU together. */
async function qfi(args: string[], cwd: string, timeoutMs = 120_000): Promise<CliRun> {
  const child = spawn(join(repo, 'node_modules/.bin/tsx'), [join(repo, 'src/entry/cli.ts'), ...args], {
    cwd,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const timer = setTimeout(() => process.kill(-child.pid!, 'SIGKILL'), timeoutMs);
  const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
  clearTimeout(timer);
  return { status, stdout, stderr };
}

describe("RustOS's runner command line, through the real CLI", () => {
  const cwd = mkdtempSync(join(tmpdir(), 'qfi-cli-run-'));
  const results = join(cwd, 'qfi-results');
  // The guest consults alloc.frame five times: calls 4 and 5 fail under fail-after:3.
  const command = 'for i in 1 2 3 4 5; do if qfi-fault alloc.frame; then echo "alloc $i failed"; fi; done; echo "done allocating"';
  let run: CliRun;

  beforeAll(async () => {
    run = await qfi(
      [
        'run',
        '--command',
        command,
        '--fault',
        'alloc.frame=fail-after:3',
        '--fault',
        'storage.read=off',
        '--timeout',
        '35',
        '--summarize-log',
        '--',
        '--no-reboot',
      ],
      cwd,
    );
  }, 180_000);

  it('passes (exit 0) with both --fault rules, the bare 35 taken as seconds', () => {
    expect(run.stderr).not.toMatch(/^error:/m);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^qfi: pass — test command exited with 0/m);
    const summary = JSON.parse(readFileSync(join(results, 'summary.json'), 'utf8'));
    expect(JSON.stringify(summary)).toContain('alloc.frame=fail-after:3');
    expect(JSON.stringify(summary)).toContain('storage.read=off');
    expect(run.stderr).toMatch(/timeout \(input timeout\) is shorter than boot-timeout \+ test-timeout/);
  });

  it('ends stdout with the summary.md the run wrote, after the verdict and results lines', () => {
    const markdown = readFileSync(join(results, 'summary.md'), 'utf8');
    expect(markdown).toMatch(/^### qfi: qfi ✅ pass$/m);
    expect(run.stdout.endsWith(`\n${markdown}`)).toBe(true);
    expect(run.stdout.indexOf('results: qfi-results/')).toBeLessThan(run.stdout.indexOf('### qfi: qfi'));
  });

  it('gives QEMU the arguments after `--` last, and repeats them in the reproducer', () => {
    const summary = JSON.parse(readFileSync(join(results, 'summary.json'), 'utf8'));
    expect(summary.qemu.argv.at(-1)).toBe('--no-reboot');
    expect(readFileSync(join(results, 'junit.xml'), 'utf8')).toMatch(/--fault storage\.read=off -- --no-reboot"/);
    expect(JSON.parse(readFileSync(join(results, 'reproduce.json'), 'utf8')).inputs).toMatchObject({ 'qemu-trailing-args': ['--no-reboot'], timeout: '35' });
  });

  it('writes console.log with \\n line ends only, the same lines as the guest printed', () => {
    const consoleLog = readFileSync(join(results, 'console.log'), 'utf8');
    expect(consoleLog).not.toContain('\r');
    expect(consoleLog).toMatch(/^alloc 4 failed\nalloc 5 failed\ndone allocating\n/m);
    expect(consoleLog).not.toMatch(/^alloc [123] failed$/m);
  });
});

describe('rtc-base: the guest clock a run boots with', () => {
  it('starts the built-in guest at the given UTC time, and the replay record keeps it', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'qfi-cli-rtc-'));
    const run = await qfi(['run', '--command', 'date -u +%FT%T', '--rtc-base', '2001-02-03T04:05:06', '--quiet'], cwd);
    expect(run.status).toBe(0);
    const results = join(cwd, 'qfi-results');
    // The guest's clock ran on from the given start during the boot (seconds under TCG).
    expect(readFileSync(join(results, 'console.log'), 'utf8')).toMatch(/^2001-02-03T04:0[5-9]:\d\d$/m);
    const summary = JSON.parse(readFileSync(join(results, 'summary.json'), 'utf8'));
    expect(summary.qemu.argv.join(' ')).toContain('-rtc base=2001-02-03T04:05:06');
    expect(JSON.parse(readFileSync(join(results, 'reproduce.json'), 'utf8')).inputs).toMatchObject({ 'rtc-base': '2001-02-03T04:05:06' });
  }, 180_000);

  it('refuses a date that does not exist before anything boots (exit 2, the input named)', async () => {
    const run = await qfi(['run', '--command', 'true', '--rtc-base', '2001-02-30'], mkdtempSync(join(tmpdir(), 'qfi-cli-rtc-')));
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^input rtc-base: error: bad rtc-base "2001-02-30"$/m);
  });
});
