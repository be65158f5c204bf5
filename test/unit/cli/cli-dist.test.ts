import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// The shipped CLI (dist/cli.js, rebuilt by `npm run bundle`; CI checks it is current).
const cli = new URL('../../../dist/cli.js', import.meta.url).pathname;

function qfi(args: string[], files: Record<string, string> = {}) {
  const cwd = mkdtempSync(join(tmpdir(), 'qfi-cli-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(cwd, name), text);
  const r = spawnSync('node', [cli, ...args], { cwd, encoding: 'utf8', timeout: 20_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('qfi CLI usage and config errors (no guest booted)', () => {
  it('exits 2 on bad TOML syntax with file:line:col and a caret, no stack trace', () => {
    const r = qfi(['run'], { 'qfi.toml': '[test]\ncommand = "true"\ntimeout = = 3\n' });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^qfi\.toml:3:\d+.*error: /m);
    expect(r.stderr).toMatch(/^3 \| timeout = = 3\n +\| +\^$/m);
    expect(r.stderr).not.toMatch(/\n\s+at .*\.js:\d+/);
  });

  it('exits 2 on a bad rule in the rules array, pointing into the string', () => {
    const r = qfi(['run'], { 'qfi.toml': '[test]\ncommand = "true"\n[fault_injection]\nrules = ["a.b=fail", "c.d=drop-every:0"]\n' });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/qfi\.toml:4:\d+: .*bad rule "c\.d=drop-every:0"/);
  });

  it('exits 2 on an unknown key with a suggestion', () => {
    const r = qfi(['run'], { 'qfi.toml': '[test]\ncommand = "true"\nboot_timout = "10s"\n' });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/qfi\.toml:3:1: .*boot_timout/);
    expect(r.stderr).toMatch(/boot_timeout/);
  });

  it('exits 2 on a bad input, naming the input', () => {
    const r = qfi(['run', '--command', 'true', '--fault', 'x=fial']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/input faults.*bad rule "x=fial"/);
    expect(r.stderr).toMatch(/did you mean `fail`/);
  });

  it('exits 2 on an unknown flag, and 0 with --help', () => {
    expect(qfi(['run', '--nope']).code).toBe(2);
    const help = qfi(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/Usage: qfi run/);
  });
});
