import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { recorded, startStep } from './fake-core.js';

// Adapter test: @actions/* are the only mocks; qfi's config and pipeline run for real.
vi.mock('@actions/core', () => import('./fake-core.js'));
const uploads = vi.hoisted(() => [] as { name: string; files: string[]; root: string }[]);
vi.mock('@actions/artifact', () => ({
  DefaultArtifactClient: class {
    async uploadArtifact(name: string, files: string[], root: string) {
      uploads.push({ name, files, root });
      return { id: 1, size: 100 };
    }
  },
}));

const { run: main } = await import('../../../src/adapters/action/main.js');
const { run: post } = await import('../../../src/adapters/action/post.js');

const tmp = () => mkdtempSync(join(tmpdir(), 'qfi-main-step-'));

describe('the main step when it stops before a verdict', () => {
  beforeEach(() => {
    uploads.length = 0;
    vi.stubEnv('ACTIONS_RUNTIME_TOKEN', 'token');
  });

  it('a bad input value: verdict infra-error, a summary naming the input, the step failed', async () => {
    const dir = tmp();
    startStep({ command: 'true', 'test-timeout': 'soon', 'results-dir': join(dir, 'results') });
    await main();
    expect(recorded.outputs).toEqual({ verdict: 'infra-error' });
    expect(recorded.summary).toContain('### qfi: ⚠️ infra-error — the step stopped before a verdict');
    expect(recorded.summary).toContain('The step stopped on a bad value in input `test-timeout`');
    expect(recorded.summary).toContain('input test-timeout: error: bad duration "soon"');
    expect(recorded.failed).toEqual([expect.stringMatching(/^input test-timeout: error: bad duration "soon".*\nhint: /s)]);
    // no file to point at: no file annotation, only setFailed's own
    expect(recorded.annotations).toEqual([]);
    expect(recorded.state).toEqual({});
    expect(existsSync(join(dir, 'results'))).toBe(false);
  });

  it('a config file error: a file:line:col annotation, and the summary carries the position and caret', async () => {
    const dir = tmp();
    const config = join(dir, 'qfi.toml');
    writeFileSync(config, '[test]\ncommand = "true"\ncpus = 2\n');
    startStep({ config, 'results-dir': join(dir, 'results') });
    await main();
    expect(recorded.outputs.verdict).toBe('infra-error');
    expect(recorded.annotations).toEqual([
      {
        level: 'error',
        message: expect.stringMatching(/^unknown key `cpus` in \[test\]/),
        props: { file: expect.stringMatching(/qfi\.toml$/), title: 'qfi configuration error', startLine: 3, startColumn: 1 },
      },
    ]);
    expect(recorded.summary).toMatch(/The step stopped on a configuration error at `[^`]*qfi\.toml:3:1`/);
    expect(recorded.summary).toContain('3 | cpus = 2\n  | ^');
    expect(recorded.failed[0]).toMatch(/qfi\.toml:3:1: error: unknown key `cpus` in \[test\]/);
  });

  it('an unexpected error is reported the same way, its stack in the debug log', async () => {
    startStep();
    // any error that is not one of qfi's: here reading the inputs throws
    recorded.inputs = new Proxy(
      {},
      {
        get: () => {
          throw new TypeError('inputs are unreadable');
        },
      },
    );
    await main();
    expect(recorded.outputs.verdict).toBe('infra-error');
    expect(recorded.summary).toContain('an unexpected error (a bug in qfi: please report it with this text)');
    expect(recorded.summary).toContain('error: inputs are unreadable');
    expect(recorded.failed).toEqual(['error: inputs are unreadable']);
    expect(recorded.log.some((l) => l.startsWith('debug: TypeError: inputs are unreadable\n    at '))).toBe(true);
  });

  it('an infrastructure error after the config: main leaves the upload to post, which uploads the results folder', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'kernel'), 'not a kernel');
    writeFileSync(join(dir, 'initrd'), 'not an initrd');
    const results = join(dir, 'results');
    // /bin/false exists, so the config accepts it; provisioning asks it for a QEMU version
    startStep({ kernel: join(dir, 'kernel'), initrd: join(dir, 'initrd'), 'success-marker': 'OK', qemu: '/bin/false', 'results-dir': results, name: 'infra' });
    await main();
    expect(recorded.outputs).toEqual({ verdict: 'infra-error' });
    expect(recorded.summary).toContain('The step stopped on an infrastructure problem;');
    expect(recorded.failed[0]).toMatch(/^error: \/bin\/false --version did not report a QEMU version/);
    expect(recorded.state).toEqual({ 'results-dir': results, 'artifact-name': expect.stringMatching(/^qfi-infra/), 'upload-enabled': 'true' });
    expect(uploads).toEqual([]);

    startStep({}, recorded.state);
    await post();
    expect(recorded.log).toContain('qfi post: the main step did not upload the results (cancelled or failed); uploading them now');
    expect(uploads).toEqual([{ name: recorded.state['artifact-name'], files: expect.arrayContaining([join(results, 'reproducer.sh')]), root: results }]);
    expect(recorded.failed).toEqual([]);
  });
});
