// npm run bench: side by side in one run.
// 1. Runner overhead: median wall time of `qfi run` (the whole CLI: config, provision from a
//    warm cache, QEMU, reports) against the bare QEMU command it launches. Goal: ratio <= 1.15.
// 2. QEMU from source: cold build wall time (QFI_BENCH_BUILD=1 builds into an empty cache;
//    otherwise the time recorded when the cached entry was built) and the time a run needs to
//    get the cached build (goals: build <= 240 s, restore <= 30 s).
//    Needs the Debian source tarball: bash scripts/fetch-qemu-source.sh
// 3. qfi-fault (plugin/): boot with the plugin loaded and an armed instruction trigger vs the
//    same QEMU without it (goal <= 1.10); flips per second, one flip every 1000 guest
//    instructions, against a gdb loop doing the same through QEMU's gdbstub (goal >= 1000x).
// 4. Snapshot trials: trials per minute of a snapshot campaign (restore the saved state, flip a
//    bit, run the test) against booting for every trial (`qfi run` with one flip), per workload,
//    with and without icount (goal >= 20x).
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const runs = Number(process.env.QFI_BENCH_RUNS ?? 5);
const root = new URL('..', import.meta.url).pathname;
const cli = join(root, 'dist', 'cli.js');
const config = join(root, 'workflows-examples', 'qfi.toml');
const work = mkdtempSync(join(tmpdir(), 'qfi-bench-'));
const results = join(work, 'results');

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

function timeIt(cmd, args, opts = {}) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], timeout: 180_000, ...opts });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  return { ms, status: r.status, stdout: r.stdout?.toString() ?? '', stderr: r.stderr?.toString() ?? '' };
}

function qfiRun() {
  const r = timeIt('node', [cli, 'run', '--config', config, '--results-dir', results, '--quiet']);
  if (r.status !== 0) throw new Error(`qfi run failed (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
  return r.ms;
}

/** The argv qfi ran, with its private fw_cfg files and QMP socket recreated in our folder. */
function bareArgv() {
  const summary = JSON.parse(readFileSync(join(results, 'summary.json'), 'utf8'));
  const files = new Map(
    summary.fwCfg.map((e, i) => {
      const path = join(work, `fw_cfg-${i}`);
      writeFileSync(path, e.content);
      return [e.name, path];
    }),
  );
  const argv = summary.qemu.argv.map((a, i, all) => {
    if (all[i - 1] === '-fw_cfg') {
      const name = /^name=([^,]+)/.exec(a)[1];
      return `name=${name},file=${files.get(name)}`;
    }
    if (all[i - 1] === '-qmp') return `unix:${join(work, 'qmp.sock')},server=on,wait=off`;
    return a;
  });
  return { argv, accel: summary.qemu.accel, verdict: summary.verdict };
}

function qemuSource() {
  const path =
    process.env.QFI_QEMU_SOURCE ?? join(process.env.XDG_CACHE_HOME || join(process.env.HOME, '.cache'), 'qfi', 'sources', 'qemu_10.2.2+ds.orig.tar.xz');
  return existsSync(path) ? path : undefined;
}

function buildRun(cacheHome) {
  const args = [cli, 'run', '--quiet', '--qemu', 'build', '--qemu-source', qemuSource(), '--command', 'true', '--results-dir', join(work, 'build-results')];
  const r = timeIt('node', args, { timeout: 3_600_000, env: { ...process.env, ...(cacheHome ? { XDG_CACHE_HOME: cacheHome } : {}) } });
  if (r.status !== 0) throw new Error(`qfi run --qemu build failed (exit ${r.status}):\n${r.stderr.slice(-3000)}`);
  return { ms: r.ms, stderr: r.stderr };
}

/** Cold build and cached restore of QEMU, next to a system-QEMU run of the same scenario. */
function benchQemuBuild(systemRunMs) {
  if (!qemuSource()) {
    console.log('\nQEMU build: skipped, no source tarball (bash scripts/fetch-qemu-source.sh)');
    return;
  }
  let cold;
  if (process.env.QFI_BENCH_BUILD === '1') {
    const cacheHome = join(work, 'cold-cache');
    process.stderr.write('cold QEMU build into an empty cache (minutes)…\n');
    cold = { ms: buildRun(cacheHome).ms, how: 'measured now (QFI_BENCH_BUILD=1), incl. guest download' };
  }
  buildRun(); // make sure the shared cache has the entry
  const warm = [];
  for (let i = 0; i < runs; i++) warm.push(buildRun().ms);
  const restoreMs = median(warm) - systemRunMs;
  if (!cold) {
    const entries = execFileSync('bash', ['-c', `ls -d "\${XDG_CACHE_HOME:-$HOME/.cache}"/qfi/qemu/qfi-qemu-v1-*/qfi-build.json 2>/dev/null || true`])
      .toString()
      .trim()
      .split('\n')
      .filter(Boolean);
    const marker = entries.map((f) => JSON.parse(readFileSync(f, 'utf8'))).find((m) => m.version === '10.2.2');
    if (marker) cold = { ms: marker.totalMs, how: `recorded when the cache entry was built (${marker.builtAt}); QFI_BENCH_BUILD=1 measures it now` };
  }
  console.log('\nQEMU 10.2.2 from source (x86_64-softmmu, minimal flags)');
  console.log('| measure | time | goal | how |');
  console.log('|---|---|---|---|');
  if (cold) console.log(`| cold build (unpack, configure, ninja, install) | ${(cold.ms / 1000).toFixed(0)} s | <= 240 s | ${cold.how} |`);
  console.log(
    `| getting the cached build in a run | ${(Math.max(0, restoreMs) / 1000).toFixed(3)} s | <= 30 s | median \`qfi run --qemu build\` (${(median(warm) / 1000).toFixed(3)} s) minus the system-QEMU run |`,
  );
}

function pluginRun(faults, command = 'true', extra = []) {
  const args = [
    cli,
    'run',
    '--quiet',
    '--qemu',
    'build',
    '--qemu-source',
    qemuSource(),
    '--command',
    command,
    '--results-dir',
    join(work, 'plugin-results'),
    ...faults.flatMap((f) => ['--fault', f]),
    ...extra,
  ];
  const r = timeIt('node', args, { timeout: 600_000 });
  if (r.status !== 0 && r.status !== 1) throw new Error(`qfi run with the plugin failed (exit ${r.status}):\n${r.stderr.slice(-3000)}`);
  return { ms: r.ms, summary: JSON.parse(readFileSync(join(work, 'plugin-results', 'summary.json'), 'utf8')) };
}

/** gdb stepping `stepsPerFlip` instructions and flipping a byte, `flips` times, through the gdbstub of `qemu`. */
function gdbFlips(qemu, flips, stepsPerFlip) {
  const port = 20000 + (process.pid % 10000);
  const script = join(work, 'flip.gdb');
  writeFileSync(
    script,
    [
      'set pagination off',
      'set confirm off',
      `target remote 127.0.0.1:${port}`,
      'set $i = 0',
      `while $i < ${flips}`,
      `  stepi ${stepsPerFlip}`,
      '  set {unsigned char}0x8000 = *(unsigned char*)0x8000 ^ 1',
      '  set $i = $i + 1',
      'end',
      '',
    ].join('\n'),
  );
  const vm = spawn(
    qemu,
    [
      '-machine',
      'q35',
      '-accel',
      'tcg',
      '-nodefaults',
      '-display',
      'none',
      '-m',
      '256',
      '-L',
      '/usr/share/qemu',
      '-bios',
      '/usr/share/qemu/qboot.rom',
      '-S',
      '-gdb',
      `tcp:127.0.0.1:${port}`,
    ],
    { stdio: 'ignore' },
  );
  try {
    execFileSync('sleep', ['0.5']);
    const r = timeIt('gdb', ['-batch', '-nx', '-x', script], { timeout: 300_000 });
    if (r.status !== 0) throw new Error(`gdb failed: ${r.stderr}`);
    return r.ms;
  } finally {
    vm.kill('SIGKILL');
  }
}

function benchPlugin() {
  if (!qemuSource()) return;
  const armed = 'mem.flip[addr=0x8000 mask=0x1 at=insn:999999999999]=fail';
  pluginRun([armed]); // compile and cache the plugin first
  const without = [];
  const withPlugin = [];
  for (let i = 0; i < runs; i++) {
    without.push(pluginRun([]).ms);
    withPlugin.push(pluginRun([armed]).ms);
  }
  // One flip every 1000 instructions while the guest computes, from the agent's ready marker on.
  const busy = 'i=0; while [ $i -lt 100000 ]; do i=$((i+1)); done';
  const flipRun = pluginRun(['mem.flip[addr=0x8000 mask=0x1 at=marker:ready+insn:1 count=200000]=drop-every:1000'], busy);
  const flips = flipRun.summary.injections.total;
  const pluginRate = flips / ((flipRun.summary.timings.testMs ?? flipRun.ms) / 1000);
  const gdbCount = 20;
  const gdbRate = gdbCount / (gdbFlips(flipRun.summary.qemu.binary, gdbCount, 1000) / 1000);
  console.log('\nqfi-fault plugin (QEMU 10.2.2 build, built-in guest)');
  console.log('| measure | with | without | ratio | goal |');
  console.log('|---|---|---|---|---|');
  console.log(
    `| boot to power-off, plugin loaded with an armed insn trigger | ${(median(withPlugin) / 1000).toFixed(3)} s | ${(median(without) / 1000).toFixed(3)} s | ${(median(withPlugin) / median(without)).toFixed(3)} | <= 1.10 |`,
  );
  console.log(
    `| flips per second, one every 1000 instructions | ${pluginRate.toFixed(0)} (plugin, ${flips} flips) | ${gdbRate.toFixed(1)} (gdb loop via gdbstub) | ${(pluginRate / gdbRate).toFixed(0)}x | >= 1000x |`,
  );
}

function snapshotCampaign(command, trials, extra) {
  const dir = join(work, 'snapshot-results');
  const args = [
    cli,
    'campaign',
    '--quiet',
    '--campaign',
    'snapshot',
    '--repeat',
    String(trials),
    '--regions',
    'ram',
    '--qemu',
    'build',
    '--qemu-source',
    qemuSource(),
    '--command',
    command,
    '--results-dir',
    dir,
    ...extra,
  ];
  const r = timeIt('node', args, { timeout: 900_000 });
  if (r.status !== 0) throw new Error(`qfi campaign --campaign snapshot failed (exit ${r.status}):\n${r.stderr.slice(-3000)}`);
  const report = JSON.parse(readFileSync(join(dir, 'campaign.json'), 'utf8'));
  if (!report.snapshot || report.results.some((t) => t.class === undefined))
    throw new Error(`the snapshot campaign did not classify every trial: ${report.reason}`);
  return { ms: r.ms, perMinute: report.snapshot.trialsPerMinute, goldenMs: report.snapshot.golden.testMs };
}

function benchSnapshot() {
  if (!qemuSource()) return;
  const trials = Number(process.env.QFI_BENCH_TRIALS ?? 20);
  const workloads = [
    { name: '`echo ok`', command: 'echo ok', extra: [] },
    { name: '`md5sum /bin/busybox`', command: 'md5sum /bin/busybox', extra: [] },
    { name: '`echo ok`, icount', command: 'echo ok', extra: ['--icount', 'true'] },
  ];
  const rows = [];
  for (const w of workloads) {
    // Reboot per trial: a full boot with the plugin and one flip during the test, as a trial does.
    const reboots = [];
    const rebootRuns = w.extra.length ? Math.min(runs, 3) : runs;
    for (let i = 0; i < rebootRuns; i++) reboots.push(pluginRun(['mem.flip[ranges=ram at=marker:start+insn:1000]=fail'], w.command, w.extra).ms);
    const snap = snapshotCampaign(w.command, trials, w.extra);
    const rebootPerMinute = 60_000 / median(reboots);
    const withSetup = (trials * 60_000) / snap.ms;
    rows.push(
      `| ${w.name} | ${snap.perMinute.toFixed(0)} (${withSetup.toFixed(0)} incl. boot, golden runs, CLI) | ${rebootPerMinute.toFixed(1)} (${(median(reboots) / 1000).toFixed(2)} s each) | **${(snap.perMinute / rebootPerMinute).toFixed(1)}x** (${(withSetup / rebootPerMinute).toFixed(1)}x) | >= 20x |`,
    );
    process.stderr.write(`snapshot ${w.name}: ${snap.perMinute.toFixed(0)}/min vs reboot ${rebootPerMinute.toFixed(1)}/min\n`);
  }
  console.log(
    `\nSnapshot trials vs a boot per trial (built-in guest, one RAM bit flip per trial, ${trials} trials; reboots: median of ${runs}, icount ${Math.min(runs, 3)})`,
  );
  console.log('| workload | snapshot trials / min | reboot trials / min | ratio | goal |');
  console.log('|---|---|---|---|---|');
  for (const row of rows) console.log(row);
}

try {
  if (!existsSync(cli)) execFileSync('npm', ['run', 'bundle'], { cwd: root, stdio: 'inherit' });
  process.stderr.write('warm-up run (fills the guest cache)…\n');
  qfiRun();
  const { argv, accel } = bareArgv();
  const qfiTimes = [];
  const bareTimes = [];
  for (let i = 0; i < runs; i++) {
    qfiTimes.push(qfiRun());
    rmSync(join(work, 'qmp.sock'), { force: true });
    const bare = timeIt(argv[0], argv.slice(1));
    if (bare.status !== 0) throw new Error(`bare QEMU failed (exit ${bare.status}): ${bare.stderr}`);
    bareTimes.push(bare.ms);
    process.stderr.write(`run ${i + 1}/${runs}: qfi ${qfiTimes[i].toFixed(0)} ms, bare QEMU ${bare.ms.toFixed(0)} ms\n`);
  }
  const q = median(qfiTimes);
  const b = median(bareTimes);
  console.log(`\nqfi run vs bare QEMU, built-in guest, accel ${accel}, median of ${runs}`);
  console.log('| measure | qfi run | bare QEMU | ratio | goal |');
  console.log('|---|---|---|---|---|');
  console.log(`| wall time, boot to power-off | ${(q / 1000).toFixed(3)} s | ${(b / 1000).toFixed(3)} s | ${(q / b).toFixed(3)} | <= 1.15 |`);
  benchQemuBuild(q);
  benchPlugin();
  benchSnapshot();
} finally {
  rmSync(work, { recursive: true, force: true });
}
