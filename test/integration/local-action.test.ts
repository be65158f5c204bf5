/**
 * The bundled action as GitHub's own local runner runs it: `@github/local-action` 7 imports
 * dist/local-action/main.js, calls its run(), then post.js's, in one process, with its stubs in
 * place of @actions/core, /artifact and /cache (outputs and state in memory, the job summary in
 * GITHUB_STEP_SUMMARY, artifacts as zips in LOCAL_ACTION_ARTIFACT_PATH). Needs `npm run bundle`.
 *
 * Boots: the built-in x86_64 guest (provisioned into the qfi cache on first use) under the
 * system QEMU, twice: workflows-examples/qfi.toml's command under local-action, and a `sleep`
 * that the runner's cancel signals interrupt in dist/main.js. The other runs stop before QEMU.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const repo = new URL('../..', import.meta.url).pathname;
const bin = join(repo, 'node_modules/@github/local-action/bin/local-action.js');

interface LocalRun {
  dir: string;
  status: number | null;
  /** What main and post printed (local-action's banners split them). */
  main: string;
  post: string;
  /** `::set-output` lines, as local-action's setOutput stub prints them. */
  outputs: Record<string, string>;
  summary: string;
  zips: string[];
}

/**
 * Runs main then post through local-action with these .env entries (given the run's temporary
 * folder, for the results and other files). It must run in the repo:
 * local-action finds the @actions/* to stub with `npm ls` in its working directory.
 */
async function localAction(env: (dir: string) => Record<string, string>, opts: { artifacts?: boolean; timeoutMs?: number } = {}): Promise<LocalRun> {
  const dir = mkdtempSync(join(tmpdir(), 'qfi-local-action-'));
  const entries: Record<string, string> = { GITHUB_STEP_SUMMARY: join(dir, 'summary.md'), ...env(dir) };
  if (opts.artifacts !== false) Object.assign(entries, { LOCAL_ACTION_WORKSPACE: dir, LOCAL_ACTION_ARTIFACT_PATH: join(dir, 'artifacts') });
  const dotenv = Object.entries(entries).map(([k, v]) => `${k}="${v.replaceAll('\n', '\\n')}"`);
  writeFileSync(join(dir, '.env'), `${dotenv.join('\n')}\n`);

  const childEnv: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, FORCE_COLOR: '0', npm_config_update_notifier: 'false' };
  if (process.env.XDG_CACHE_HOME) childEnv.XDG_CACHE_HOME = process.env.XDG_CACHE_HOME;
  // Its own process group, so a timeout ends npm, tsx and QEMU together.
  const child = spawn('node', [bin, 'run', '.', 'dist/local-action/main.js', join(dir, '.env'), '--post', 'dist/local-action/post.js'], {
    cwd: repo,
    env: childEnv,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const timer = setTimeout(() => process.kill(-child.pid!, 'SIGKILL'), opts.timeoutMs ?? 60_000);
  const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
  clearTimeout(timer);

  const [before, post = ''] = out.split(/^ +Running Post Step$/m);
  const main = before!.split(/^ +Running Action$/m)[1] ?? '';
  const outputs = Object.fromEntries([...main.matchAll(/^::set-output name=([^:]+)::(.*)$/gm)].map((m) => [m[1]!, m[2]!]));
  const summaryFile = join(dir, 'summary.md');
  const artifacts = join(dir, 'artifacts');
  return {
    dir,
    status,
    main,
    post,
    outputs,
    summary: existsSync(summaryFile) ? readFileSync(summaryFile, 'utf8') : '',
    zips: existsSync(artifacts) ? readdirSync(artifacts).sort() : [],
  };
}

/** The file names in a zip, from its central directory (no unzip on a minimal machine). */
function zipNames(path: string): string[] {
  const zip = readFileSync(path);
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const names: string[] = [];
  let at = zip.readUInt32LE(end + 16);
  for (let i = 0; i < zip.readUInt16LE(end + 10); i++) {
    const nameLength = zip.readUInt16LE(at + 28);
    names.push(zip.toString('utf8', at + 46, at + 46 + nameLength));
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return names.sort();
}

/** A step that fails through the stubs still lets local-action finish: it exits 0 and prints the error. */
const failedWith = (run: LocalRun) => [...run.main.matchAll(/^::error(?: [^\n]*?)?::(.*)$/gm)].map((m) => m[1]);

describe('the bundled action under @github/local-action (main, then post)', () => {
  it('boots the built-in guest: outputs, job summary, the results as an artifact zip; post sees main uploaded', { timeout: 900_000 }, async () => {
    const run = await localAction(
      (dir) => ({ INPUT_CONFIG: join(repo, 'workflows-examples/qfi.toml'), 'INPUT_RESULTS-DIR': join(dir, 'results'), GITHUB_JOB: 'local' }),
      { timeoutMs: 880_000 },
    );
    const results = join(run.dir, 'results');
    expect(run.status).toBe(0);
    expect(failedWith(run)).toEqual([]);
    expect(run.outputs).toEqual({ verdict: 'pass', junit: join(results, 'junit.xml'), 'results-dir': results });
    // the guest's console, echoed as it ran
    expect(run.main).toMatch(/^::info::│ rules the guest received:$/m);
    expect(run.summary).toMatch(/^### qfi: demo ✅ pass$/m);
    expect(run.summary).toContain('`alloc.frame=fail-after:3`, `storage.read=drop-every:4`, `net.tx=rate:5`');
    // The demo's command calls each point 8 times: every rule consulted, the exact counters as the rules say.
    expect(run.summary).toMatch(/^\| `alloc.frame=fail-after:3` \| guest \| 8 \| 5 \|/m);
    expect(run.summary).toMatch(/^\| `storage.read=drop-every:4` \| guest \| 8 \| 2 \|/m);
    expect(run.main).not.toMatch(/tested nothing/);
    expect(run.main).toContain(`uploaded artifact qfi-demo-local (`);
    expect(run.zips).toEqual(['qfi-demo-local.zip']);
    expect(zipNames(join(run.dir, 'artifacts', 'qfi-demo-local.zip'))).toEqual(
      expect.arrayContaining(['console.log', 'junit.xml', 'reproducer.sh', 'summary.json', 'summary.md']),
    );
    expect(run.post).toMatch(/^::info::qfi post: the main step uploaded the results$/m);
  });

  it('a bad input: verdict infra-error, a job summary naming the input, nothing booted, nothing for post to upload', async () => {
    const run = await localAction((dir) => ({ INPUT_COMMAND: 'true', 'INPUT_TEST-TIMEOUT': 'soon', 'INPUT_RESULTS-DIR': join(dir, 'results') }));
    expect(run.status).toBe(0);
    expect(run.outputs).toEqual({ verdict: 'infra-error' });
    expect(failedWith(run)).toEqual(['input test-timeout: error: bad duration "soon": units are ms, s, m, h']);
    expect(run.summary).toContain('The step stopped on a bad value in input `test-timeout`; the `verdict` output is `infra-error`.');
    expect(run.summary).toContain('hint: write a whole number with a unit');
    expect(run.main).not.toContain('Provision');
    expect(run.post).toMatch(/^::info::qfi post: nothing to upload \(the main step stopped before it had a results folder\)$/m);
    expect(run.zips).toEqual([]);
    expect(existsSync(join(run.dir, 'results'))).toBe(false);
  });

  it('a config file error: an annotation at file:line:col, and the same position in the job summary', async () => {
    const run = await localAction((dir) => {
      writeFileSync(join(dir, 'qfi.toml'), '[test]\ncommand = "true"\ncpus = 2\n');
      return { INPUT_CONFIG: join(dir, 'qfi.toml'), 'INPUT_RESULTS-DIR': join(dir, 'results') };
    });
    expect(run.outputs).toEqual({ verdict: 'infra-error' });
    expect(run.main).toMatch(/^::error title=qfi configuration error,file=[^,]*qfi\.toml,line=3,endLine=3,col=1,endColumn=1::unknown key `cpus` in \[test\]/m);
    expect(run.summary).toMatch(/The step stopped on a configuration error at `[^`]*qfi\.toml:3:1`/);
    expect(run.summary).toContain('3 | cpus = 2\n  | ^');
  });

  // Provisioning asks /bin/false for a QEMU version: an infrastructure error after the results
  // folder exists, the case post-if: always() is for.
  const infraInputs = (dir: string) => {
    writeFileSync(join(dir, 'kernel'), 'not a kernel');
    writeFileSync(join(dir, 'initrd'), 'not an initrd');
    return {
      INPUT_KERNEL: join(dir, 'kernel'),
      INPUT_INITRD: join(dir, 'initrd'),
      'INPUT_SUCCESS-MARKER': 'OK',
      INPUT_QEMU: '/bin/false',
      'INPUT_RESULTS-DIR': join(dir, 'results'),
      INPUT_NAME: 'infra',
    };
  };

  it('an infrastructure error after the config: main fails without uploading, post uploads the results folder', async () => {
    const run = await localAction(infraInputs);
    expect(run.outputs).toEqual({ verdict: 'infra-error' });
    expect(failedWith(run)).toEqual([expect.stringMatching(/^error: \/bin\/false --version did not report a QEMU version \(exit 1\)/)]);
    expect(run.summary).toContain('The step stopped on an infrastructure problem;');
    expect(run.main).not.toContain('uploaded artifact');
    expect(run.post).toMatch(/^::info::qfi post: the main step did not upload the results \(cancelled or failed\); uploading them now$/m);
    expect(run.zips).toEqual(['qfi-infra.zip']);
    expect(zipNames(join(run.dir, 'artifacts', 'qfi-infra.zip'))).toEqual(expect.arrayContaining(['reproducer.sh']));
  });

  it("without local-action's artifact folders, post's upload says what to set and only warns", async () => {
    const run = await localAction(infraInputs, { artifacts: false });
    expect(run.post).toContain(
      `::warning::could not upload the results as artifact qfi-infra: no artifact service here (ACTIONS_RUNTIME_TOKEN is not set: this is not a GitHub Actions runner step; under @github/local-action, set LOCAL_ACTION_WORKSPACE and LOCAL_ACTION_ARTIFACT_PATH in the .env file to get the artifact as a zip in that folder); the results stay in ${join(run.dir, 'results')}`,
    );
    expect(run.post).not.toMatch(/^::error/m);
    expect(run.zips).toEqual([]);
  });
});

/** GITHUB_OUTPUT / GITHUB_STATE use `name<<delimiter` blocks. */
function readKeyValueFile(path: string): Record<string, string> {
  const re = /^([^\n<]+)<<(\S+)\n([\s\S]*?)\n\2$/gm;
  return Object.fromEntries([...readFileSync(path, 'utf8').matchAll(re)].map((m) => [m[1]!, m[3]!]));
}

describe('the bundled action as the runner starts it (dist/main.js)', () => {
  it('a cancelled job (SIGINT, then SIGTERM): QEMU is stopped, and the step still reports infra-error', { timeout: 300_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qfi-cancel-'));
    const files = { output: join(dir, 'output'), summary: join(dir, 'summary'), state: join(dir, 'state') };
    for (const f of Object.values(files)) writeFileSync(f, '');
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      GITHUB_ACTIONS: 'true',
      GITHUB_OUTPUT: files.output,
      GITHUB_STEP_SUMMARY: files.summary,
      GITHUB_STATE: files.state,
    };
    if (process.env.XDG_CACHE_HOME) env.XDG_CACHE_HOME = process.env.XDG_CACHE_HOME;
    Object.assign(env, { INPUT_COMMAND: 'echo qfi-test-started; sleep 600', INPUT_NAME: 'cancelled', 'INPUT_UPLOAD-ARTIFACTS': 'false' });
    const child = spawn('node', [join(repo, 'dist/main.js')], { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    const started = Date.now();
    while (!out.includes('│ qfi-test-started') && Date.now() - started < 240_000) await new Promise((r) => setTimeout(r, 200));
    expect(out).toContain('│ qfi-test-started');
    // The runner sends SIGINT, then SIGTERM 7.5 s later; one that comes while QEMU is still
    // being stopped must not cut the report short (stopping takes well under 7.5 s, so: at once).
    child.kill('SIGINT');
    child.kill('SIGTERM');
    expect(await exited).toBe(1);
    expect(out).toMatch(/^qfi: SIGINT received, stopping QEMU$/m);
    expect(out).toMatch(/^qfi: SIGTERM received; QEMU is already being stopped$/m);
    expect(out).toMatch(/^::error title=qfi::qfi cancelled: infra-error — the runner was interrupted \(SIGINT\)/m);
    expect(readKeyValueFile(files.output).verdict).toBe('infra-error');
    expect(readFileSync(files.summary, 'utf8')).toMatch(/^### qfi: cancelled ⚠️ infra-error$/m);
    const summary = JSON.parse(readFileSync(join(dir, 'qfi-results', 'summary.json'), 'utf8')) as { qemu: { argv: string[] } };
    const socket = summary.qemu.argv[summary.qemu.argv.indexOf('-qmp') + 1]!.split(',')[0]!;
    expect(spawnSync('pgrep', ['-f', socket]).status).toBe(1);
  });
});
