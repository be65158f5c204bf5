import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { mergeCampaigns } from '../../src/campaign/merge.js';
import { runCampaign } from '../../src/campaign/run-campaign.js';
import { testOutput } from '../../src/campaign/snapshot/classify.js';
import type { RawInputs } from '../../src/config/index.js';
import { localCacheDir } from '../../src/core/cache-dir.js';
import { silentLogger, type Host } from '../../src/core/host.js';
import { packageRoot } from '../../src/core/package-root.js';
import { qemuSourceTarball } from '../helpers/qfi-plugin.js';
import { junitSchema } from '../helpers/junit-schema.js';

/**
 * Snapshot campaigns on the built-in guest with qfi's QEMU 10.2.2 build and plugin: one boot
 * (about 1.8 s) saves the state at the test's start, two golden runs and every trial restore
 * it in a fresh QEMU (about 0.3 s each; a crash ends a trial after 1 s, a hang after the trial
 * timeout of 3 s).
 */
const host: Host = { log: silentLogger, cacheDir: localCacheDir() };
const workDir = () => mkdtempSync(join(tmpdir(), 'qfi-snapshot-'));

/** Checksums busybox twice and compares: a flip between the two reads is detected (exit 1). */
const COMMAND = 'a=$(md5sum </bin/busybox); b=$(md5sum </bin/busybox); echo "$a"; [ "$a" = "$b" ]';
const inputs = (dir: string, extra: RawInputs = {}): RawInputs => ({
  campaign: 'snapshot',
  command: COMMAND,
  'results-dir': dir,
  qemu: 'build',
  'qemu-source': qemuSourceTarball,
  ...extra,
});

interface TrialSummary {
  verdict: string;
  commandExitCode: number | null;
  timedOut: string | null;
  events: Array<{ kind: string }>;
}
const trialSummary = (dir: string, id: string) => JSON.parse(readFileSync(join(dir, 'scenarios', id, 'summary.json'), 'utf8')) as TrialSummary;
const trialInjections = (dir: string, id: string) => {
  const file = join(dir, 'scenarios', id, 'injections.jsonl');
  return existsSync(file)
    ? readFileSync(file, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as { kind: string; addr?: string })
    : [];
};
const inRanges = (addr: string, ranges: string) =>
  ranges.split(';').some((r) => {
    const [a, b] = r.split('-').map((x) => BigInt(x));
    return BigInt(addr) >= a! && BigInt(addr) < b!;
  });

describe('snapshot campaign: boot once, flip many', () => {
  it('classifies each of 50 flip trials, and each class matches what the trial left behind', async () => {
    const dir = workDir();
    const { report, files } = await runCampaign({ inputs: inputs(dir, { repeat: '50', seed: '2026' }), cwd: dir }, host);
    expect(report.verdict, report.reason).toBe('pass');
    expect(report.probe?.verdict).toBe('pass');
    expect(report.results).toHaveLength(50);
    const facts = report.snapshot!;
    expect(facts.golden.instructions).toBeGreaterThan(1_000_000);
    expect(facts.regions.map((r) => r.name)).toEqual(['kernel-code', 'kernel-data', 'ram', 'registers']);

    const golden = testOutput(readFileSync(join(dir, 'golden', '1', 'console.log'), 'utf8'));
    expect(golden).toMatch(/^[0-9a-f]{32} {2}-$/);
    let injected = 0;
    for (const r of report.results) {
      expect(r.class, `${r.id}: ${r.reason}`).toBeDefined();
      const s = trialSummary(dir, r.id);
      const output = testOutput(readFileSync(join(dir, 'scenarios', r.id, 'console.log'), 'utf8'));
      const crashed = s.events.some((e) => ['panic', 'oops', 'bug'].includes(e.kind));
      switch (r.class) {
        case 'benign':
          expect([s.commandExitCode, output]).toEqual([0, golden]);
          break;
        case 'sdc':
          expect(s.commandExitCode).toBe(0);
          expect(output).not.toBe(golden);
          break;
        case 'detected':
          expect(s.commandExitCode !== 0 || s.events.some((e) => e.kind === 'warning'), r.id).toBe(true);
          break;
        case 'crash':
          expect(crashed || s.commandExitCode === null, r.id).toBe(true);
          break;
        case 'hang':
          expect(s.timedOut).toBe('test');
          break;
      }
      // One flip per trial, where the region says.
      const flips = trialInjections(dir, r.id);
      expect(flips.length).toBeLessThanOrEqual(1);
      injected += flips.length;
      const region = facts.regions.find((g) => g.name === r.point)!;
      for (const f of flips) {
        if (region.ranges) expect(inRanges(f.addr!, region.ranges), `${r.id} flipped ${f.addr} outside ${region.ranges}`).toBe(true);
        else expect(f.kind).toBe('reg');
      }
    }
    // The flip instant is drawn from the golden runs' instructions: only a trial that ends
    // earlier than they did can miss it.
    expect(injected).toBeGreaterThanOrEqual(45);

    const xml = readFileSync(files.junit, 'utf8');
    execFileSync('xmllint', ['--noout', '--schema', junitSchema(), files.junit], { stdio: 'pipe' });
    expect(xml.match(/<testsuite /g)).toHaveLength(50);
    const md = readFileSync(files.markdown, 'utf8');
    expect(md).toContain('### Outcome classes per region');
    expect(md).toMatch(/\| `all` \| 50 \|/);
    expect(md).toMatch(/trials per minute/);
  });

  it('saves the state at a marker: trials resume after it, not from the start', async () => {
    const dir = workDir();
    const command = 'echo before-the-marker; qfi-marker warm; echo after-the-marker; md5sum </bin/busybox';
    const { report } = await runCampaign({ inputs: inputs(dir, { command, repeat: '3', regions: ['ram'], 'snapshot-at': 'warm' }), cwd: dir }, host);
    expect(report.verdict, report.reason).toBe('pass');
    const boot = readFileSync(join(dir, 'boot', 'console.log'), 'utf8');
    expect(boot).toContain('before-the-marker');
    expect(boot).not.toContain('after-the-marker');
    for (const r of report.results) {
      const output = testOutput(readFileSync(join(dir, 'scenarios', r.id, 'console.log'), 'utf8'));
      expect(output.startsWith('after-the-marker'), output).toBe(true);
    }

    // A trial's reproducer, pasted as a user would (qfi = the built CLI): the same trial, the same flip choice.
    const trial = report.results[1]!;
    expect(trial.reproducer).toMatch(/^qfi campaign .*--campaign snapshot.*--seed \d+.*--scenario flip-ram-t2$/s);
    const again = workDir();
    const cli = join(packageRoot(), 'dist', 'cli.js');
    const r = await execa('bash', ['-c', `qfi() { node ${cli} "$@"; }; ${trial.reproducer} --quiet --results-dir ${again}`], { reject: false, cwd: again });
    expect(r.exitCode, r.stderr).toBe(0);
    const rerun = JSON.parse(readFileSync(join(again, 'campaign.json'), 'utf8')) as typeof report;
    expect(rerun.results.map((x) => [x.id, x.seed, x.class === undefined])).toEqual([[trial.id, trial.seed, false]]);
    // Same region, same seeded choice of bit and instruction (the plugin picks the byte from the seed).
    expect(rerun.results[0]!.rules[0]!.replace(/at=insn:\d+/, '')).toBe(trial.rules[0]!.replace(/at=insn:\d+/, ''));
  });

  it('saves the state a time after the test start: trials run the rest of the test', async () => {
    const dir = workDir();
    const command = 'echo counting; i=0; while [ $i -lt 60000 ]; do i=$((i+1)); done; echo "counted $i"';
    const { report } = await runCampaign({ inputs: inputs(dir, { command, repeat: '2', regions: ['ram'], 'snapshot-at': 'time:300ms' }), cwd: dir }, host);
    expect(report.verdict, report.reason).toBe('pass');
    expect(report.probe?.reason).toContain('0.3 s after the test start');
    const boot = readFileSync(join(dir, 'boot', 'console.log'), 'utf8');
    expect(boot).toContain('counting');
    expect(boot).not.toContain('counted');
    expect(testOutput(readFileSync(join(dir, 'golden', '1', 'console.log'), 'utf8'))).toBe('counted 60000');
  });

  it('says why when the guest never reaches the marker, without running trials', async () => {
    const dir = workDir();
    const { report } = await runCampaign({ inputs: inputs(dir, { command: 'true', repeat: '3', regions: ['ram'], 'snapshot-at': 'never' }), cwd: dir }, host);
    expect(report.verdict).not.toBe('pass');
    expect(report.results).toHaveLength(0);
    expect(report.reason).toMatch(/never reached marker never \(does the test call `qfi-marker never`\?\)/);
  });

  it('shards trials over jobs and merges their class tables', async () => {
    const root = workDir();
    for (const shard of ['1/2', '2/2']) {
      const { report } = await runCampaign(
        { inputs: inputs(join(root, `shard${shard[0]}`), { repeat: '4', regions: ['ram', 'registers'], seed: '9', shard }), cwd: root },
        host,
      );
      expect(report.results).toHaveLength(2);
    }
    const { report, files } = await mergeCampaigns(
      { inputs: { 'merge-from': [join(root, 'shard1'), join(root, 'shard2')], 'results-dir': join(root, 'merged') }, cwd: root },
      host,
    );
    expect(report.kind).toBe('snapshot');
    expect(report.results.map((r) => r.id).sort()).toEqual(['flip-ram-t1', 'flip-ram-t3', 'flip-registers-t2', 'flip-registers-t4']);
    expect(report.results.every((r) => r.class !== undefined)).toBe(true);
    execFileSync('xmllint', ['--noout', '--schema', junitSchema(), files.junit], { stdio: 'pipe' });
    expect(readFileSync(files.markdown, 'utf8')).toMatch(/\| `all` \| 4 \|/);
  });
});
