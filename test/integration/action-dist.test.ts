import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const dist = (f: string) => new URL(`../../dist/${f}`, import.meta.url).pathname;

/** The environment a GitHub runner gives a node action step: INPUT_*, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, GITHUB_STATE. */
function runnerEnv(inputs: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), 'qfi-action-'));
  const files = { output: join(dir, 'output'), summary: join(dir, 'summary'), state: join(dir, 'state') };
  for (const f of Object.values(files)) writeFileSync(f, '');
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    ...(process.env.XDG_CACHE_HOME ? { XDG_CACHE_HOME: process.env.XDG_CACHE_HOME } : {}),
    GITHUB_ACTIONS: 'true',
    GITHUB_JOB: 'smoke',
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_STATE: files.state,
  };
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
  return { dir, files, env };
}

/** GITHUB_OUTPUT / GITHUB_STATE use `name<<delimiter` blocks. */
function readKeyValueFile(path: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /^([^\n<]+)<<(\S+)\n([\s\S]*?)\n\2$/gm;
  for (const m of readFileSync(path, 'utf8').matchAll(re)) out[m[1]!] = m[3]!;
  return out;
}

describe('the action entry points from dist/, booting the built-in guest under TCG', () => {
  it('main writes outputs and the job summary; a failed upload only warns', () => {
    const { dir, files, env } = runnerEnv({
      command: 'echo hello from the guest',
      faults: 'alloc.frame=fail-after:3\nstorage.read=rate:5',
      name: 'action-pass',
    });
    const r = spawnSync('node', [dist('main.js')], { cwd: dir, env, encoding: 'utf8', timeout: 120_000 });
    expect(r.status).toBe(0);
    const outputs = readKeyValueFile(files.output);
    expect(outputs.verdict).toBe('pass');
    expect(outputs.junit).toBe(join(dir, 'qfi-results', 'junit.xml'));
    expect(outputs['results-dir']).toBe(join(dir, 'qfi-results'));
    const summary = readFileSync(files.summary, 'utf8');
    expect(summary).toMatch(/### qfi: action-pass ✅ pass/);
    expect(summary).toContain('`alloc.frame=fail-after:3`, `storage.read=rate:5`');
    // no ACTIONS_RUNTIME_TOKEN here: the upload fails and must only warn
    expect(r.stdout).toMatch(/::warning::could not upload the results as artifact qfi-action-pass-smoke/);
    const state = readKeyValueFile(files.state);
    expect(state).toMatchObject({ 'results-dir': join(dir, 'qfi-results'), 'artifact-name': 'qfi-action-pass-smoke', uploaded: 'false' });
  });

  it('main fails the step on a fail verdict with an error annotation', () => {
    const { dir, files, env } = runnerEnv({ command: 'exit 7', 'upload-artifacts': 'false' });
    const r = spawnSync('node', [dist('main.js')], { cwd: dir, env, encoding: 'utf8', timeout: 120_000 });
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/::error title=qfi::qfi: fail — test command exited with 7/);
    expect(readKeyValueFile(files.output).verdict).toBe('fail');
  });

  it('fail-on-verdict: false keeps the step green on a fail verdict', () => {
    const { dir, files, env } = runnerEnv({ command: 'exit 7', 'upload-artifacts': 'false', 'fail-on-verdict': 'false' });
    const r = spawnSync('node', [dist('main.js')], { cwd: dir, env, encoding: 'utf8', timeout: 120_000 });
    expect(r.status).toBe(0);
    expect(readKeyValueFile(files.output).verdict).toBe('fail');
  });

  it('a config error fails the step with a file annotation, before any boot', () => {
    const { dir, env } = runnerEnv({ config: 'qfi.toml' });
    writeFileSync(join(dir, 'qfi.toml'), '[test]\ncommand = "true"\ncpus = 2\n');
    const r = spawnSync('node', [dist('main.js')], { cwd: dir, env, encoding: 'utf8', timeout: 30_000 });
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^::error [^\n]*file=qfi\.toml,line=3,col=1::unknown key `cpus` in \[test\]/m);
  });

  it('post uploads when main was cancelled before it could, and never fails the job', () => {
    const { dir, env } = runnerEnv({});
    const post = spawnSync('node', [dist('post.js')], {
      cwd: dir,
      env: { ...env, STATE_results_dir: join(dir, 'missing'), 'STATE_artifact-name': 'x', 'STATE_results-dir': join(dir, 'missing') },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(post.status).toBe(0);
    expect(post.stdout).toMatch(/did not upload the results/);
    expect(post.stdout).toMatch(/::warning::no results folder/);
  });

  it('the CLI stops QEMU when it gets SIGTERM mid-test and exits 143', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'qfi-sig-'));
    const child = spawn('node', [dist('cli.js'), 'run', '--command', 'sleep 600', '--quiet'], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    await new Promise((r) => setTimeout(r, 4000));
    child.kill('SIGTERM');
    const code = await new Promise<number | null>((r) => child.on('exit', r));
    expect(code).toBe(143);
    const summary = JSON.parse(readFileSync(join(cwd, 'qfi-results', 'summary.json'), 'utf8')) as { verdict: string; qemu: { argv: string[] } };
    expect(summary.verdict).toBe('infra-error');
    const socketArg = summary.qemu.argv[summary.qemu.argv.indexOf('-qmp') + 1]!;
    const alive = spawnSync('pgrep', ['-f', socketArg.split(',')[0]!]).status === 0;
    expect(alive).toBe(false);
    expect(stderr).toMatch(/SIGTERM received, stopping QEMU/);
  });
});
