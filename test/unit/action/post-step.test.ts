import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { recorded, startStep } from './fake-core.js';
import { silentLogger, type Logger } from '../../../src/core/host.js';

// Adapter test: @actions/* are the only mocks.
vi.mock('@actions/core', () => import('./fake-core.js'));
const artifact = vi.hoisted(() => ({ uploads: [] as string[], taken: new Set<string>(), failWith: '' }));
vi.mock('@actions/artifact', () => ({
  DefaultArtifactClient: class {
    async uploadArtifact(name: string) {
      if (artifact.failWith) throw new Error(artifact.failWith);
      if (artifact.taken.has(name)) throw new Error(`An artifact with the name ${name} already exists`);
      artifact.uploads.push(name);
      return { id: 3, size: 42 };
    }
  },
}));

const { run: post } = await import('../../../src/adapters/action/post.js');
const { uploadResults } = await import('../../../src/adapters/action/artifacts.js');

function resultsFolder(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'qfi-post-')), 'results');
  mkdirSync(dir);
  writeFileSync(join(dir, 'summary.json'), '{}');
  return dir;
}

function recordingLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return { ...silentLogger, lines, info: (m) => lines.push(`info ${m}`), warn: (m) => lines.push(`warn ${m}`) };
}

beforeEach(() => {
  Object.assign(artifact, { uploads: [], taken: new Set(), failWith: '' });
  vi.stubEnv('ACTIONS_RUNTIME_TOKEN', 'token');
  vi.stubEnv('LOCAL_ACTION_WORKSPACE', '');
  vi.stubEnv('LOCAL_ACTION_ARTIFACT_PATH', '');
});

describe('the post step', () => {
  const cases: [string, Record<string, string>, string][] = [
    ['main stopped before a results folder', {}, 'qfi post: nothing to upload (the main step stopped before it had a results folder)'],
    ['uploads are off', { 'results-dir': '/r', 'upload-enabled': 'false' }, 'qfi post: nothing to upload (upload-artifacts is false)'],
    ['main uploaded', { 'results-dir': '/r', 'upload-enabled': 'true', uploaded: 'true' }, 'qfi post: the main step uploaded the results'],
    [
      'main tried and warned',
      { 'results-dir': '/r', 'upload-enabled': 'true', uploaded: 'false' },
      'qfi post: the main step could not upload the results (see its warning); not trying again',
    ],
  ];
  it.each(cases)('does not upload when %s, and says why', async (_what, state, message) => {
    startStep({}, state);
    await post();
    expect(recorded.log).toEqual([message]);
    expect(artifact.uploads).toEqual([]);
  });

  it('uploads what main left without uploading, under the name main chose', async () => {
    startStep({}, { 'results-dir': resultsFolder(), 'artifact-name': 'qfi-demo-smoke', 'upload-enabled': 'true' });
    await post();
    expect(artifact.uploads).toEqual(['qfi-demo-smoke']);
    expect(recorded.log.at(-1)).toBe('uploaded artifact qfi-demo-smoke (1 files, 42 bytes, id 3)');
    expect(recorded.failed).toEqual([]);
  });

  it('a failed upload only warns: the post step never fails the job', async () => {
    artifact.failWith = 'service unavailable';
    startStep({}, { 'results-dir': resultsFolder(), 'artifact-name': 'x', 'upload-enabled': 'true' });
    await post();
    expect(recorded.annotations).toEqual([{ level: 'warning', message: 'could not upload the results as artifact x: service unavailable' }]);
    expect(recorded.failed).toEqual([]);
  });
});

describe('uploadResults', () => {
  it('without any artifact service says so and what to set, and does not call the client', async () => {
    const dir = resultsFolder();
    const log = recordingLogger();
    expect(await uploadResults(dir, 'qfi-demo', log, {})).toBe(false);
    expect(log.lines).toEqual([
      `warn could not upload the results as artifact qfi-demo: no artifact service here (ACTIONS_RUNTIME_TOKEN is not set: this is not a GitHub Actions runner step; under @github/local-action, set LOCAL_ACTION_WORKSPACE and LOCAL_ACTION_ARTIFACT_PATH in the .env file to get the artifact as a zip in that folder); the results stay in ${dir}`,
    ]);
    expect(artifact.uploads).toEqual([]);
  });

  it('under @github/local-action creates its artifact folder (its stub would crash on a missing one) and says where the zip went', async () => {
    const dir = resultsFolder();
    const folder = join(mkdtempSync(join(tmpdir(), 'qfi-artifacts-')), 'not', 'yet');
    const log = recordingLogger();
    expect(await uploadResults(dir, 'qfi-demo', log, { LOCAL_ACTION_WORKSPACE: dir, LOCAL_ACTION_ARTIFACT_PATH: folder })).toBe(true);
    expect(existsSync(folder)).toBe(true);
    expect(log.lines).toEqual([`info uploaded artifact qfi-demo (1 files, 42 bytes, id 3, written to ${join(folder, 'qfi-demo.zip')})`]);
  });

  it('a name already taken (matrix jobs share a job id) gets a random suffix', async () => {
    artifact.taken.add('qfi-demo');
    expect(await uploadResults(resultsFolder(), 'qfi-demo', silentLogger, { ACTIONS_RUNTIME_TOKEN: 't' })).toBe(true);
    expect(artifact.uploads).toEqual([expect.stringMatching(/^qfi-demo-[0-9a-f]{6}$/)]);
  });
});
