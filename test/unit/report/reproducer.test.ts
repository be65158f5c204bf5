import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../../src/config/index.js';
import { makePlan } from '../../../src/plan/make-plan.js';
import { writeReproducer } from '../../../src/report/reproducer.js';

async function reproducerIn(dir: string): Promise<string> {
  const { config } = await resolveConfig({ inputs: { command: 'true', faults: 'storage.read=fail', seed: '5' }, cwd: dir });
  return writeReproducer(makePlan(config), dir);
}

function bash(script: string, cwd: string, env: Record<string, string>, args: string[] = []) {
  const r = spawnSync('bash', [script, ...args], { cwd, env: { PATH: '/usr/bin:/bin', ...env }, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('reproducer.sh', () => {
  it('calls qfi reproduce on the folder it is in, wherever that folder was moved, passing extra arguments on', async () => {
    const results = mkdtempSync(join(tmpdir(), 'qfi-repro-'));
    await reproducerIn(results);
    const moved = join(mkdtempSync(join(tmpdir(), 'qfi-repro-moved-')), 'artifact');
    cpSync(results, moved, { recursive: true });
    // $QFI as a command: echo shows the argv qfi would get.
    const r = bash(join(moved, 'reproducer.sh'), tmpdir(), { QFI: 'echo' }, ['--results-dir', '/tmp/again']);
    expect(r).toMatchObject({ code: 0, stdout: `reproduce ${moved} --results-dir /tmp/again\n` });
  });

  it("runs $QFI with node when it names a .js file (a checkout's dist/cli.js), and names no path of the run", async () => {
    const results = mkdtempSync(join(tmpdir(), 'qfi-repro-'));
    const script = await reproducerIn(results);
    const cli = join(mkdtempSync(join(tmpdir(), 'qfi-cli-')), 'cli.js');
    writeFileSync(cli, 'console.log(JSON.stringify(process.argv.slice(2)))\n');
    const r = bash(script, tmpdir(), { QFI: cli, PATH: process.env.PATH ?? '' });
    expect(JSON.parse(r.stdout)).toEqual(['reproduce', results]);
    const text = readFileSync(script, 'utf8');
    expect(text).not.toContain(results);
    expect(text).toMatch(/^# rules: storage\.read=fail$/m);
    expect(text).toMatch(/^# seed: 5$/m);
  });
});
