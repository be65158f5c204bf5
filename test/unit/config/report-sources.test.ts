import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../../src/config/index.js';

function workspace(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'qfi-sources-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

const workflow = [
  'name: faults',
  'on: push',
  'jobs:',
  '  smoke:',
  '    runs-on: ubuntu-24.04',
  '    steps:',
  '      - uses: actions/checkout@v4',
  '      - uses: qfi-dev/qfi@v1',
  '        with:',
  '          command: ./run-tests.sh --quick',
  '          faults: |',
  '            storage.read=fail-after:2',
  '            net.rx=drop-every:3',
  '',
].join('\n');

describe('where reports point (JUnit file/line)', () => {
  it('a rule and the command in qfi.toml: their lines, relative to the workspace', async () => {
    const ws = workspace({
      'ci/qfi.toml': '[test]\ncommand = """\nmake check\n"""\n\n[fault_injection]\nrules = [\n  "alloc.frame=fail-after:3",\n  "block.read=drop-every:4",\n]\n',
    });
    const { config } = await resolveConfig({ inputs: { config: 'ci/qfi.toml' }, cwd: ws, env: {} });
    expect(config.sources.main).toEqual({ file: 'ci/qfi.toml', line: 1 });
    expect(config.sources.command).toEqual({ file: 'ci/qfi.toml', line: 2 });
    expect(config.sources.rules).toEqual({
      'alloc.frame=fail-after:3': { file: 'ci/qfi.toml', line: 8 },
      'block.read=drop-every:4': { file: 'ci/qfi.toml', line: 9 },
    });
  });

  it('inputs only, on a runner: the workflow file, at the lines holding the rule and the command', async () => {
    const ws = workspace({ '.github/workflows/faults.yml': workflow });
    const env = { GITHUB_WORKSPACE: ws, GITHUB_REPOSITORY: 'octo/kernel', GITHUB_WORKFLOW_REF: 'octo/kernel/.github/workflows/faults.yml@refs/pull/7/merge' };
    const { config } = await resolveConfig({
      inputs: { command: './run-tests.sh --quick', faults: 'storage.read=fail-after:2\nnet.rx=drop-every:3\n' },
      cwd: ws,
      env,
    });
    expect(config.sources.main).toEqual({ file: '.github/workflows/faults.yml', line: 1 });
    expect(config.sources.command).toEqual({ file: '.github/workflows/faults.yml', line: 10 });
    expect(config.sources.rules).toEqual({
      'storage.read=fail-after:2': { file: '.github/workflows/faults.yml', line: 12 },
      'net.rx=drop-every:3': { file: '.github/workflows/faults.yml', line: 13 },
    });
  });

  it("a campaign scenario's rule (an input) points at its point in the config", async () => {
    const ws = workspace({
      'qfi.toml': '[test]\ncommand = "x"\n\n[[fault_injection.points]]\nname = "storage.read"\n\n[[fault_injection.points]]\nname = "alloc.frame"\n',
    });
    const { config } = await resolveConfig({ inputs: { faults: 'alloc.frame=fail-after:1' }, cwd: ws, env: {} });
    expect(config.sources.rules).toEqual({ 'alloc.frame=fail-after:1': { file: 'qfi.toml', line: 8 } });
  });

  it('nothing in the workspace to point at: no file (a workflow that is not checked out, a config elsewhere)', async () => {
    const ws = workspace({});
    const env = { GITHUB_WORKSPACE: ws, GITHUB_REPOSITORY: 'octo/kernel', GITHUB_WORKFLOW_REF: 'octo/kernel/.github/workflows/faults.yml@refs/heads/main' };
    const { config } = await resolveConfig({ inputs: { command: 'true', faults: 'a.b=fail' }, cwd: ws, env });
    expect(config.sources).toEqual({ main: undefined, command: undefined, resultsFile: undefined, rules: {} });
  });
});
