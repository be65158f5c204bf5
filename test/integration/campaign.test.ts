import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { mergeCampaigns } from '../../src/campaign/merge.js';
import { planCampaign, runCampaign } from '../../src/campaign/run-campaign.js';
import type { RawInputs } from '../../src/config/index.js';
import { localCacheDir } from '../../src/core/cache-dir.js';
import { packageRoot } from '../../src/core/package-root.js';
import { silentLogger, type Host } from '../../src/core/host.js';
import { guestProgramFiles } from '../helpers/guest-programs.js';
import { junitSchema } from '../helpers/junit-schema.js';
import { dornyView, publisherProblems } from '../helpers/publishers.js';

/**
 * Campaigns on the built-in guest with the system QEMU (Debian's 7.2): every scenario boots
 * the guest (about 1.4 s each). The test command calls the built-in agent's qfi-fault on its
 * points, so the guest reports them (and their call counts) for planning, and prints which
 * calls failed so each check is call by call.
 */
const host: Host = { log: silentLogger, cacheDir: localCacheDir() };

const workDir = () => mkdtempSync(join(tmpdir(), 'qfi-campaign-'));
const consoleOf = (dir: string, id: string) => readFileSync(join(dir, 'scenarios', id, 'console.log'), 'utf8');
/** `call 3 of storage.read failed` lines -> [3, ...]. */
const failedCalls = (text: string, point: string) =>
  [...text.matchAll(new RegExp(`^call (\\d+) of ${point.replace('.', '\\.')} failed`, 'gm'))].map((m) => Number(m[1]));

/** Calls each point `n` times (storage.read 4, storage.write 2, net.tx 1) and fails when a write fails twice in a row. */
const COMMAND = [
  'call() { i=0; while [ $i -lt $2 ]; do i=$((i+1)); if qfi-fault $1; then echo "call $i of $1 failed"; fi; done; }',
  'call storage.read 4; call net.tx 1',
  'if qfi-fault storage.write; then echo "call 1 of storage.write failed"; qfi-fault storage.write && { echo "call 2 of storage.write failed"; exit 1; }; fi',
  'exit 0',
].join('\n');

const base = (dir: string, extra: RawInputs = {}): RawInputs => ({ command: COMMAND, 'results-dir': dir, 'test-timeout': '30s', ...extra });

describe('matrix campaign: plan, two shards, merge', () => {
  it('plans 3 probed points × 2 actions as 6 matrix entries; two shards merged give one JUnit with 6 suites that validates', async () => {
    const root = workDir();
    const actions = ['fail', 'fail-after:1'];
    const { plan, matrix, planFile } = await planCampaign({ inputs: base(join(root, 'plan'), { actions, seed: '5' }), cwd: root }, host);
    expect(plan.probe?.verdict).toBe('pass');
    expect(plan.points.map((p) => [p.point, p.calls])).toEqual([
      ['net.tx', 1],
      ['storage.read', 4],
      ['storage.write', 1],
    ]);
    expect(matrix.include).toHaveLength(6);
    expect(matrix.include.map((e) => e.shard)).toEqual(['1/6', '2/6', '3/6', '4/6', '5/6', '6/6']);
    expect(matrix.include.map((e) => e.id)).toEqual([
      'net.tx-fail',
      'net.tx-fail-after-1',
      'storage.read-fail',
      'storage.read-fail-after-1',
      'storage.write-fail',
      'storage.write-fail-after-1',
    ]);

    for (const shard of ['1/2', '2/2']) {
      const { report } = await runCampaign({ inputs: base(join(root, `shard${shard[0]}`), { 'plan-file': planFile, shard }), cwd: root }, host);
      expect(report.results).toHaveLength(3);
    }
    const { report, files } = await mergeCampaigns(
      { inputs: { 'merge-from': [join(root, 'shard1'), join(root, 'shard2')], 'results-dir': join(root, 'merged') }, cwd: root },
      host,
    );
    const xml = readFileSync(files.junit, 'utf8');
    execFileSync('xmllint', ['--noout', '--schema', junitSchema(), files.junit], { stdio: 'pipe' });
    expect(xml.match(/<testsuite /g)).toHaveLength(6);
    expect([...xml.matchAll(/<testsuite name="qfi ([^"]+)"/g)].map((m) => m[1]).sort()).toEqual(matrix.include.map((e) => e.id).sort());
    // storage.write=fail fails both writes: the only failing scenario.
    expect(report.results.filter((r) => r.verdict !== 'pass').map((r) => r.id)).toEqual(['storage.write-fail']);
    expect(report).toMatchObject({ verdict: 'fail', kind: 'matrix', seed: 5 });
  }, 120_000);

  it('14 scenarios in 2 shards, merged where the job downloaded them: the README glob finds one junit.xml with 14 tests', async () => {
    const root = workDir();
    const actions = ['fail', 'fail-after:1', 'fail-after:2', 'fail-after:3', 'drop-every:2', 'drop-every:3', 'delay-ms:1'];
    const inputs = (dir: string, extra: RawInputs = {}) => base(dir, { points: ['storage.read', 'net.tx'], actions, seed: '9', ...extra });
    const { matrix, planFile } = await planCampaign({ inputs: inputs(join(root, 'plan')), cwd: root }, host);
    expect(matrix.include).toHaveLength(14);
    // As the README's merge job has them: each shard's artifact downloaded below qfi-shards/.
    for (const shard of ['1/2', '2/2'])
      await runCampaign({ inputs: inputs(join(root, 'qfi-shards', `shard-${shard[0]}`), { 'plan-file': planFile, shard }), cwd: root }, host);
    await mergeCampaigns({ inputs: { 'merge-from': [join(root, 'qfi-shards')], 'results-dir': join(root, 'qfi-results') }, cwd: root }, host);
    const found = junitFilesUnder(root);
    expect(found).toEqual(['qfi-results/junit.xml']);
    const xml = readFileSync(join(root, found[0]!), 'utf8');
    expect(/<testsuites [^>]*>/.exec(xml)![0]).toContain('tests="14"');
    expect(dornyView(xml).passed + dornyView(xml).failed).toBe(14);
    expect(publisherProblems(xml, root)).toEqual([]);
  }, 240_000);
});

/** What a publisher's `**' + '/junit.xml` glob finds below `root`, relative. */
function junitFilesUnder(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string, rel: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const here = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(join(dir, e.name), here);
      else if (e.name === 'junit.xml') out.push(here);
    }
  };
  walk(root, '');
  return out.sort();
}

describe('fail-nth sweep', () => {
  it('turns a point called K times into K scenarios, each failing exactly its call', async () => {
    const dir = workDir();
    const { report } = await runCampaign({ inputs: base(dir, { campaign: 'fail-nth', points: 'storage.read' }), cwd: dir }, host);
    expect(report.results.map((r) => [r.id, r.nth, r.rules[0]])).toEqual(
      [1, 2, 3, 4].map((k) => [`storage.read-nth-${k}`, k, `storage.read[once=true]=fail-after:${k - 1}`]),
    );
    for (const r of report.results) {
      expect(failedCalls(consoleOf(dir, r.id), 'storage.read'), r.id).toEqual([r.nth]);
      expect(r.injections, r.id).toBe(1);
      expect(r.verdict).toBe('pass');
    }
  }, 120_000);
});

describe('fail-nth sweep over a block point', () => {
  it("counts the disk's reads in the golden run (block trace) and fails exactly the k-th read in scenario k", async () => {
    const dir = workDir();
    const inputs: RawInputs = {
      files: guestProgramFiles(['blkio/blkio.c']),
      command: '/root/blkio /dev/qfi/data read 0 5; exit 0',
      disks: 'id=data size=1M',
      'results-dir': dir,
      'test-timeout': '30s',
      campaign: 'fail-nth',
      points: 'block.read[disk=data]',
    };
    const { report } = await runCampaign({ inputs, cwd: dir }, host);
    const plan = JSON.parse(readFileSync(join(dir, 'plan.json'), 'utf8')) as { points: Array<{ point: string; calls: number }> };
    expect(plan.points).toEqual([{ point: 'block.read[disk=data]', source: 'config', calls: 5 }]);
    expect(report.results.map((r) => r.rules[0])).toEqual([0, 1, 2, 3, 4].map((n) => `block.read[disk=data once=true]=fail-after:${n}`));
    for (const r of report.results) {
      const failedSectors = [...consoleOf(dir, r.id).matchAll(/^blkio: read (\d+) (\S+)$/gm)].filter((m) => m[2] !== 'ok').map((m) => Number(m[1]));
      expect(failedSectors, r.id).toEqual([r.nth! - 1]); // sector k-1 is the k-th read
      expect(r.injections, r.id).toBe(1);
    }
  }, 180_000);
});

describe('chaos campaign', () => {
  it('gives identical trials for the same seed, and the reproducer line of a failing trial reproduces it', async () => {
    const inputs = (dir: string): RawInputs =>
      base(dir, { campaign: 'chaos', points: 'storage.write', actions: 'rate:500', repeat: '6', seed: '3', recheck: '1' });
    const first = workDir();
    const second = workDir();
    const a = (await runCampaign({ inputs: inputs(first), cwd: first }, host)).report;
    const b = (await runCampaign({ inputs: inputs(second), cwd: second }, host)).report;
    const outcome = (r: typeof a) =>
      r.results
        .filter((x) => x.recheckOf === undefined)
        .map((x) => [x.id, x.seed, x.verdict, failedCalls(consoleOf(r === a ? first : second, x.id), 'storage.write')]);
    expect(outcome(b)).toEqual(outcome(a));
    expect(a.results.filter((x) => x.recheckOf === undefined).map((x) => x.seed)).toEqual([3, 4, 5, 6, 7, 8]);

    const stats = a.stats[0]!;
    expect(stats).toMatchObject({ point: 'storage.write', action: 'rate:500', trials: 6, flaky: false });
    expect(stats.low).toBeLessThanOrEqual(stats.rate);
    expect(stats.high).toBeGreaterThanOrEqual(stats.rate);
    const failing = a.results.find((x) => x.verdict === 'fail' && x.recheckOf === undefined);
    expect(failing, 'with rate:500 on two writes, some of 6 trials fail (seeds 3..8)').toBeDefined();
    expect(a.results.find((x) => x.recheckOf === failing!.id)?.verdict).toBe('fail');
    expect(readFileSync(join(first, 'summary.md'), 'utf8')).toContain(failing!.reproducer);

    // The printed line, as a user would paste it (qfi = the built CLI).
    expect(failing!.reproducer).toMatch(new RegExp(`^qfi run .*--seed ${failing!.seed} --fault storage.write=rate:500`, 's'));
    const again = workDir();
    const cli = join(packageRoot(), 'dist', 'cli.js');
    const r = await execa('bash', ['-c', `qfi() { node ${cli} "$@"; }; ${failing!.reproducer} --quiet --results-dir ${again}`], { reject: false, cwd: again });
    expect(r.exitCode, r.stderr).toBe(1);
    expect(failedCalls(readFileSync(join(again, 'console.log'), 'utf8'), 'storage.write')).toEqual([1, 2]);
  }, 240_000);
});
