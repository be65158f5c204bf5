/**
 * qfi abused as a flaky CI machine and a careless user would: hostile file inputs, SIGKILL at
 * random moments, a signal to QEMU from outside, a full disk, two runs on one results folder.
 * Boots the built-in x86_64 guest (TCG or KVM) through the bundled CLI (node dist/cli.js), each
 * qfi a child of this test so that a signal reaches qfi alone, as a runner's would. Prints its
 * figures at the end (`reliability:` lines) so that runs can be compared.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const repo = new URL('../..', import.meta.url).pathname;
const cli = join(repo, 'dist/cli.js');
const root = mkdtempSync(join(tmpdir(), 'qfi-reliability-'));
// qfi's private folders go here, so that "none left" counts this suite's runs only.
const privateTmp = join(root, 'tmp');
mkdirSync(privateTmp);
const figures: string[] = [];
afterAll(() => {
  for (const line of figures) console.log(`reliability: ${line}`);
});

interface Run {
  child: ChildProcess;
  done: Promise<{ status: number | null; signal: string | null; stdout: string; stderr: string; ms: number }>;
}

function start(args: string[], opts: { cwd?: string; path?: string } = {}): Run {
  const started = Date.now();
  const child = spawn(process.execPath, [cli, ...args], {
    cwd: opts.cwd ?? root,
    env: { ...process.env, TMPDIR: privateTmp, PATH: opts.path ?? process.env.PATH },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const done = new Promise<Awaited<Run['done']>>((resolve) =>
    child.on('close', (status, signal) => resolve({ status, signal, stdout, stderr, ms: Date.now() - started })),
  );
  return { child, done };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Live (not zombie) processes whose command line names this suite's folder: QEMUs of its runs. */
function qemusOfSuite(): number[] {
  const found: number[] = [];
  for (const pid of readdirSync('/proc').filter((n) => /^\d+$/.test(n))) {
    try {
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      const state = /^State:\s+(\S)/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
      if (state !== 'Z' && /qemu-system/.test(cmdline.split('\0')[0] ?? '') && cmdline.includes(root)) found.push(Number(pid));
    } catch {
      // gone meanwhile
    }
  }
  return found;
}

/** The run's QEMU (the one with a QMP socket: not the short KVM probe), once qfi has started it. */
async function qemuChildOf(pid: number, timeoutMs: number): Promise<number | undefined> {
  for (const end = Date.now() + timeoutMs; Date.now() < end; await sleep(100)) {
    try {
      const kids = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean);
      for (const kid of kids) {
        const argv = readFileSync(`/proc/${kid}/cmdline`, 'utf8').split('\0');
        if (/qemu-system/.test(argv[0] ?? '') && argv.includes('-qmp')) return Number(kid);
      }
    } catch {
      // a child that ended meanwhile
    }
  }
  return undefined;
}

async function noSuiteQemuWithin(ms: number): Promise<number[]> {
  let left = qemusOfSuite();
  for (const end = Date.now() + ms; left.length && Date.now() < end; left = qemusOfSuite()) await sleep(100);
  return left;
}

const privateDirsLeft = () => readdirSync(privateTmp).filter((n) => n.startsWith('qfi-run-'));
const oneLocatedLine = (stderr: string) => /^(input [a-z-]+|[^\s:]+:\d+(:\d+)?( \(input [a-z-]+\))?): error: /.test(stderr);
const hasStack = (text: string) => /^\s+at .+\(?.*:\d+:\d+\)?$/m.test(text);

/** Deterministic "random" moments: the same seed gives the same kill times run after run. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

describe('hostile file inputs (no guest boots)', () => {
  it('a FIFO, /dev/zero, a folder and a 1 GiB file as --config, and other bad inputs: exit 2 at once, one located line, no stack', async () => {
    const fifo = join(root, 'config.fifo');
    execFileSync('mkfifo', [fifo]);
    mkdirSync(join(root, 'a-folder'));
    const big = join(root, 'big.toml');
    writeFileSync(big, '');
    truncateSync(big, 1024 ** 3);
    writeFileSync(join(root, 'latin1.toml'), Buffer.from('name = "caf\xe9"\n', 'latin1'));
    writeFileSync(join(root, 'escape.toml'), 'name = "\u001b]0;pwned\u0007"\n');
    writeFileSync(join(root, 'a-file'), '');
    const cases: { args: string[]; expect: RegExp; withinMs?: number }[] = [
      { args: ['run', '--config', fifo], expect: /is a FIFO \(named pipe\), not a regular file/, withinMs: 1_000 },
      { args: ['run', '--config', '/dev/zero'], expect: /is a character device, not a regular file/, withinMs: 1_000 },
      { args: ['run', '--config', join(root, 'a-folder')], expect: /is a directory, not a regular file/, withinMs: 1_000 },
      { args: ['run', '--config', big], expect: /is 1\.0 GiB; qfi reads at most 1 MiB/, withinMs: 1_000 },
      { args: ['run', '--config', join(root, 'latin1.toml')], expect: /^latin1\.toml:1:12 \(input config\): error: .*is not UTF-8 text: byte 0xe9/ },
      { args: ['run', '--config', join(root, 'escape.toml')], expect: /\\x1b\]0;pwned\\x07/ },
      { args: ['run', '--results-dir', '/proc/qfi', '--command', 'true'], expect: /results-dir \/proc\/qfi cannot be created/ },
      { args: ['run', '--results-dir', join(root, 'a-file'), '--command', 'true'], expect: /is not a folder/ },
      {
        args: ['run', '--memory', '999T', '--command', 'true', '--results-dir', join(root, 'mem')],
        expect: /^input memory: error: memory 999T is more than this machine has/m,
      },
    ];
    let clear = 0;
    for (const c of cases) {
      const r = await start(c.args).done;
      expect(r.status, `${c.args.join(' ')}\n${r.stderr}`).toBe(2);
      expect(r.stderr).toMatch(c.expect);
      expect(r.stderr.includes('\u001b')).toBe(false);
      expect(hasStack(r.stdout + r.stderr), r.stderr).toBe(false);
      if (c.withinMs !== undefined) expect(r.ms, c.args.join(' ')).toBeLessThan(c.withinMs + 1_000); // + node's own start on a loaded CI machine
      const errorLine = r.stderr.split('\n').find((l) => l.includes('error: '));
      expect(oneLocatedLine(errorLine ?? ''), r.stderr).toBe(true);
      clear++;
    }
    figures.push(`bad inputs ${cases.length} tried / ${clear} clear errors (exit 2, located, no stack)`);
  });
});

describe('signals (boots the built-in guest, about 35 times)', () => {
  it('SIGKILL to qfi alone at 30 random moments (boot, test, report): no QEMU outlives it; the next run takes over its folder and leaves no private folder', async () => {
    const results = join(root, 'killed');
    // The moments spread over one whole run, as long as one takes here.
    const calibration = await start(['run', '--results-dir', results, '--command', 'sleep 1; echo tested']).done;
    expect(calibration.status, calibration.stderr).toBe(0);
    const random = lcg(20261204);
    let killed = 0;
    let orphans = 0;
    const moments: string[] = [];
    // 30 kills; a run that ended before its moment (a fast boot) is not one, and another is started.
    for (let i = 0; killed < 30 && i < 45; i++) {
      // From qfi's start to its reports (boot about 2.5 s under TCG, the test 1 s).
      const at = Math.round(calibration.ms * (0.03 + 0.8 * random()));
      const run = start(['run', '--results-dir', results, '--command', 'sleep 1; echo tested']);
      await sleep(at);
      if (run.child.exitCode === null) {
        run.child.kill('SIGKILL');
        killed++;
        moments.push(`${(at / 1000).toFixed(1)}s`);
      }
      await run.done;
      orphans += (await noSuiteQemuWithin(2_000)).length;
    }
    expect(killed).toBe(30);
    expect(orphans).toBe(0);
    const next = await start(['run', '--results-dir', results, '--command', 'echo after']).done;
    expect(next.status, next.stderr).toBe(0);
    const left = privateDirsLeft();
    expect(left).toEqual([]);
    figures.push(`SIGKILL ${killed} sent (at ${moments.join(' ')}) / ${orphans} QEMU left / ${left.length} private folders left after the next run`);
  }, 600_000);

  it('where setpriv is missing, the next run ends the QEMU a killed run left and removes its folder', async () => {
    // A setpriv that fails stands for a machine without one (util-linux < 2.33).
    const fakeBin = join(root, 'no-setpriv');
    mkdirSync(fakeBin);
    writeFileSync(join(fakeBin, 'setpriv'), '#!/bin/sh\nexit 1\n');
    chmodSync(join(fakeBin, 'setpriv'), 0o755);
    const path = `${fakeBin}:${process.env.PATH ?? ''}`;
    let survived = 0;
    for (let i = 0; i < 3; i++) {
      const run = start(['run', '--results-dir', join(root, `unguarded-${i}`), '--command', 'sleep 30'], { path });
      const qemu = await qemuChildOf(run.child.pid!, 30_000);
      expect(qemu).toBeDefined();
      // Booted and quiet (the command sleeps): a guest still printing could end its QEMU by EPIPE.
      await sleep(4_000);
      run.child.kill('SIGKILL');
      await run.done;
      await sleep(500);
      if (qemusOfSuite().includes(qemu!)) survived++;
    }
    expect(survived).toBeGreaterThan(0); // without the parent-death signal QEMU lives on …
    const next = await start(['run', '--results-dir', join(root, 'unguarded-next'), '--command', 'true'], { path }).done;
    expect(next.status, next.stderr).toBe(0);
    const left = await noSuiteQemuWithin(3_000);
    expect(left).toEqual([]); // … until the next run's sweep
    expect(privateDirsLeft()).toEqual([]);
    figures.push(`without setpriv: ${survived} QEMU outlived a SIGKILLed qfi / ${left.length} left after the next run`);
  }, 300_000);

  it("SIGTERM to QEMU from outside is an infra-error in QEMU's own words, not a panic", async () => {
    const results = join(root, 'sigterm');
    const run = start(['run', '--results-dir', results, '--command', 'sleep 30']);
    const qemu = await qemuChildOf(run.child.pid!, 30_000);
    expect(qemu).toBeDefined();
    await sleep(4_000); // booted, the command running
    process.kill(qemu!, 'SIGTERM');
    const r = await run.done;
    expect(r.status, r.stdout + r.stderr).toBe(3);
    const summary = JSON.parse(readFileSync(join(results, 'summary.json'), 'utf8')) as { verdict: string; reason: string };
    expect(summary.verdict).toBe('infra-error');
    expect(summary.reason).toMatch(new RegExp(`^QEMU was ended from outside qfi after [0-9.]+ s \\(terminating on signal 15 from pid ${process.pid}\\b`));
    figures.push(`SIGTERM to QEMU: ${summary.verdict} (${summary.reason.slice(0, 90)}…)`);
  });
});

describe('the results folder (boots the built-in guest 3 times)', () => {
  it('two runs on one folder: the second refuses with exit 2 at once, the first keeps every line and validates', async () => {
    const results = join(root, 'shared');
    const lines = 20_000;
    const first = start(['run', '--results-dir', results, '--command', `seq 1 ${lines}; sleep 3`]);
    await qemuChildOf(first.child.pid!, 30_000);
    const second = await start(['run', '--results-dir', results, '--command', 'echo second']).done;
    expect(second.status).toBe(2);
    expect(second.stderr).toMatch(new RegExp(`^input results-dir: error: results-dir ${results} is in use by another qfi run \\(pid ${first.child.pid}`, 'm'));
    const r = await first.done;
    expect(r.status, r.stderr).toBe(0);
    const console = readFileSync(join(results, 'console.log'), 'utf8');
    const kept = new Set(
      console
        .split('\n')
        .filter((l) => /^\d+$/.test(l.trim()))
        .map((l) => l.trim()),
    ).size;
    expect(kept).toBe(lines);
    expect(console).not.toMatch(/second/);
    expect(existsSync(join(results, 'junit.xml'))).toBe(true);
    figures.push(`concurrent runs 2 on one folder / ${second.status === 2 ? 0 : 1} collisions; console lines ${lines} printed / ${kept} kept`);
  });

  it('a results folder on a 100 KiB tmpfs: infra-error, exit 3, the file named, no stack trace', async (ctx) => {
    const mnt = join(root, 'tiny');
    mkdirSync(mnt);
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=100k', 'tmpfs', mnt], { stdio: 'pipe' });
    } catch (err) {
      ctx.skip(`cannot mount a tmpfs here (${String((err as { stderr?: Buffer }).stderr ?? err).trim()}): needs root`);
    }
    try {
      const r = await start(['run', '--results-dir', join(mnt, 'r'), '--command', 'seq 1 40000']).done;
      expect(r.status, r.stderr).toBe(3);
      expect(r.stderr).toMatch(new RegExp(`error: infra-error: could not write ${mnt}/r/console\\.log: no space left on the device \\(ENOSPC\\)`));
      expect(hasStack(r.stdout + r.stderr), r.stderr).toBe(false);
      expect(readFileSync(join(mnt, 'r', 'console.log')).length).toBeGreaterThan(50_000);
      figures.push('full disk (100 KiB tmpfs): exit 3, console.log named, what was written kept, no stack trace');
    } finally {
      execFileSync('umount', [mnt]);
    }
  });
});
