/**
 * Boots the built-in guest (system QEMU, TCG, about 2 s a run): `qfi reproduce` on real runs.
 * A run in one workspace ("CI") has a guest rule and a host block rule; its results folder is
 * moved elsewhere and zipped the way @actions/artifact zips an artifact; the workspace is then
 * copied to another path (the user's checkout) and removed. Each replay, from the checkout,
 * must give the same verdict and the same injections and leave the original byte for byte.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chmodSync,
  cpSync,
  createWriteStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCampaign } from '../../src/campaign/run-campaign.js';
import { localCacheDir } from '../../src/core/cache-dir.js';
import { exitCodeForError, formatError } from '../../src/core/errors.js';
import { silentLogger, type Host } from '../../src/core/host.js';
import { runPipeline } from '../../src/modes/run-pipeline.js';
import { reproduceRun } from '../../src/reproduce/reproduce.js';

const host: Host = { log: silentLogger, cacheDir: localCacheDir() };
const root = new URL('../..', import.meta.url).pathname;

const CONFIG = `[test]
command = "qfi-fault storage.read; qfi-fault storage.read; qfi-fault storage.read; /root/blkio /dev/qfi/data read 0 40"
timeout = "60s"

[guest]
disks = ["id=data size=1M"]

[fault_injection]
rules = ["storage.read=drop-every:2", "block.read[disk=data]=rate:300"]
`;
// The test program is given as an input with a path relative to the workspace, as a workflow would.
const FILES = 'path=bin/blkio dest=/root/blkio mode=0755';

let checkout: string; // the user's checkout, at another path than the CI workspace
let moved: string; // the original results, moved out of the workspace
let zip: string; // and as the artifact zip
let originalHashes: Map<string, string>;
let original: { verdict: string; injections: number };

/** sha256 of every file under `dir`, by relative path. */
function hashTree(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (sub: string) => {
    for (const e of readdirSync(join(dir, sub), { withFileTypes: true })) {
      const rel = join(sub, e.name);
      if (e.isDirectory()) walk(rel);
      else
        out.set(
          rel,
          createHash('sha256')
            .update(readFileSync(join(dir, rel)))
            .digest('hex'),
        );
    }
  };
  walk('');
  return out;
}

/** The results folder zipped as @actions/artifact's uploadArtifact(name, files, rootDir) does (archiver, deflate 6). */
async function zipAsArtifact(dir: string, file: string): Promise<void> {
  const archiver = createRequire(import.meta.url)('archiver') as {
    create(f: 'zip', o: object): { file(p: string, o: { name: string }): void; pipe(s: NodeJS.WritableStream): void; finalize(): Promise<void> };
  };
  const archive = archiver.create('zip', { zlib: { level: 6 } });
  const out = createWriteStream(file);
  const closed = new Promise<void>((resolve) => out.on('close', () => resolve()));
  archive.pipe(out);
  for (const rel of hashTree(dir).keys()) archive.file(join(dir, rel), { name: rel });
  await archive.finalize();
  await closed;
}

beforeAll(async () => {
  const base = mkdtempSync(join(tmpdir(), 'qfi-reproduce-'));
  const ci = join(base, 'home/runner/work/project/project');
  mkdirSync(join(ci, 'bin'), { recursive: true });
  execFileSync('gcc', ['-static', '-O2', '-o', join(ci, 'bin/blkio'), join(root, 'test/fixtures/guests/blkio/blkio.c')]);
  writeFileSync(join(ci, 'qfi.toml'), CONFIG);
  const { run } = await runPipeline({ inputs: { files: FILES, seed: '7', 'results-dir': 'qfi-results' }, cwd: ci }, host);
  original = { verdict: run.verdict, injections: run.injections?.total ?? 0 };

  moved = join(base, 'downloads/qfi-smoke');
  mkdirSync(join(base, 'downloads'));
  renameSync(join(ci, 'qfi-results'), moved);
  zip = join(base, 'downloads/qfi-smoke.zip');
  await zipAsArtifact(moved, zip);
  checkout = join(base, 'laptop/src/project');
  cpSync(ci, checkout, { recursive: true });
  rmSync(join(base, 'home'), { recursive: true });
  originalHashes = new Map([...hashTree(moved), ['(zip)', createHash('sha256').update(readFileSync(zip)).digest('hex')]]);
}, 120_000);

function expectOriginalUntouched(): void {
  expect(new Map([...hashTree(moved), ['(zip)', createHash('sha256').update(readFileSync(zip)).digest('hex')]])).toEqual(originalHashes);
}

describe("qfi reproduce on a run moved to another machine's paths", () => {
  it('the original failed with block injections and a guest point', () => {
    expect(original.verdict).toBe('fail');
    expect(original.injections).toBeGreaterThan(3);
    expect(originalHashes.has('reproduce-config.toml')).toBe(true);
  });

  it('replays the moved results folder: same verdict, same injections, into <name>-reproduced in the checkout', async () => {
    const result = await reproduceRun({ path: moved, scenario: undefined, overrides: {}, cwd: checkout }, host);
    expect(result.rerun.config.report.dir).toBe(join(checkout, 'qfi-smoke-reproduced'));
    expect(result.comparison).toMatchObject({
      matched: true,
      verdict: { original: 'fail', rerun: 'fail' },
      injections: { matched: true, original: original.injections },
      points: { matched: true },
    });
    expect(result.comparison?.setup).toMatchObject({ rules: { matched: true }, seed: { matched: true }, qemu: { matched: true }, guest: { matched: true } });
    expect(JSON.parse(readFileSync(result.comparisonFile, 'utf8'))).toMatchObject({ matched: true });
    expectOriginalUntouched();
  }, 120_000);

  it('replays the artifact zip: unpacked beside the replay, same verdict and injections', async () => {
    const result = await reproduceRun({ path: zip, scenario: undefined, overrides: { 'results-dir': 'from-zip' }, cwd: checkout }, host);
    expect(result.original.dir).toBe(join(checkout, 'from-zip/original'));
    expect(hashTree(result.original.dir)).toEqual(new Map([...originalHashes].filter(([k]) => k !== '(zip)')));
    expect(result.comparison).toMatchObject({ matched: true, verdict: { matched: true }, injections: { matched: true, rerun: original.injections } });
    expectOriginalUntouched();
  }, 120_000);

  it('reproducer.sh from the moved folder runs qfi reproduce: exit 1 as the failure reproduced, "matched"', () => {
    const qfi = join(mkdtempSync(join(tmpdir(), 'qfi-bin-')), 'qfi');
    writeFileSync(qfi, `#!/bin/sh\nexec ${join(root, 'node_modules/.bin/tsx')} ${join(root, 'src/entry/cli.ts')} "$@"\n`);
    chmodSync(qfi, 0o755);
    const r = spawnSync('bash', [join(moved, 'reproducer.sh'), '-q', '--results-dir', 'via-script'], {
      cwd: checkout,
      env: { ...process.env, QFI: qfi },
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(r.stdout).toMatch(/^qfi reproduce: replay: fail — test command exited with 1/m);
    expect(r.stdout).toMatch(/^verdict: matched \(fail: test command exited with 1\)$/m);
    expect(r.stdout).toMatch(/^qfi reproduce: matched/m);
    expect(r.status).toBe(1);
    expect(existsSync(join(checkout, 'via-script/comparison.json'))).toBe(true);
    expectOriginalUntouched();
  }, 120_000);

  it('refuses to write the replay into the original', async () => {
    const text = await reproduceRun({ path: moved, scenario: undefined, overrides: { 'results-dir': join(moved, 'again') }, cwd: checkout }, host).then(
      () => 'no error',
      (err: unknown) => formatError(err),
    );
    expect(text).toMatch(/the replay's results folder .* would overwrite the original/);
    expectOriginalUntouched();
  });
});

describe("qfi reproduce and the config's own paths", () => {
  /** ci/qfi.toml names the test program relative to itself, as a project's config would. */
  function workspaceWithConfigPaths(): string {
    const ws = mkdtempSync(join(tmpdir(), 'qfi-reproduce-ws-'));
    mkdirSync(join(ws, 'ci'));
    cpSync(join(checkout, 'bin'), join(ws, 'bin'), { recursive: true });
    writeFileSync(join(ws, 'ci/qfi.toml'), CONFIG.replace('[guest]\n', '[guest]\nfiles = ["path=../bin/blkio dest=/root/blkio mode=0755"]\n'));
    return ws;
  }

  it("resolves them against the config's folder in the current checkout; a missing one is a located error (exit 2) saying where it looked", async () => {
    const ws = workspaceWithConfigPaths();
    await runPipeline({ inputs: { config: 'ci/qfi.toml', seed: '3', 'results-dir': 'out' }, cwd: ws }, host);
    // The results downloaded somewhere unrelated (where ../bin/blkio from the copy's own folder is nothing).
    const results = join(mkdtempSync(join(tmpdir(), 'qfi-reproduce-dl-')), 'a/b/out');
    cpSync(join(ws, 'out'), results, { recursive: true });
    const elsewhere = join(mkdtempSync(join(tmpdir(), 'qfi-reproduce-laptop-')), 'project');
    cpSync(ws, elsewhere, { recursive: true });
    rmSync(ws, { recursive: true });
    const again = await reproduceRun({ path: results, scenario: undefined, overrides: { 'results-dir': 'again' }, cwd: elsewhere }, host);
    expect(again.comparison).toMatchObject({ matched: true, verdict: { original: 'fail' } });

    rmSync(join(elsewhere, 'bin'), { recursive: true });
    const err = await reproduceRun({ path: results, scenario: undefined, overrides: { 'results-dir': 'again2' }, cwd: elsewhere }, host).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(exitCodeForError(err)).toBe(2);
    const text = formatError(err);
    expect(text).toMatch(/reproduce-config\.toml:\d+:\d+: error: guest\.files\[0\]: file "\.\.\/bin\/blkio" does not exist .*\(\S*\/project\/bin\/blkio\)/);
    expect(text).toMatch(/hint: qfi reproduce resolves the run's relative paths against the current folder/);
  }, 120_000);
});

describe('qfi reproduce on a campaign scenario', () => {
  it("replays one scenario of a campaign's results (--scenario), and the campaign's reproducer lines stay qfi run lines", async () => {
    const ws = mkdtempSync(join(tmpdir(), 'qfi-reproduce-campaign-'));
    cpSync(join(checkout, 'bin'), join(ws, 'bin'), { recursive: true });
    writeFileSync(join(ws, 'qfi.toml'), CONFIG);
    const { report } = await runCampaign({ inputs: { files: FILES, points: ['storage.read'], seed: '11', 'results-dir': 'campaign' }, cwd: ws }, host);
    expect(report.results.map((r) => r.id)).toEqual(['storage.read-fail']);
    expect(report.results[0]!.reproducer).toMatch(/^qfi run --config \S+qfi\.toml .*--seed 11 --fault storage\.read=fail/);
    const result = await reproduceRun({ path: 'campaign', scenario: 'storage.read-fail', overrides: {}, cwd: ws }, host);
    expect(result.rerun.config.report.dir).toBe(join(ws, 'campaign-storage.read-fail-reproduced'));
    expect(result.comparison).toMatchObject({ matched: true, verdict: { matched: true }, setup: { rules: { matched: true } } });
  }, 120_000);
});
