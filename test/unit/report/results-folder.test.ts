/**
 * The results folder's claim on real folders: the lock a live run holds (a real child process
 * stands for the other qfi), the lock a killed run left, the manifest, files of someone else,
 * and places that cannot be written (a file in the way, /proc).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, formatError } from '../../../src/core/errors.js';
import { identityOf } from '../../../src/core/process-identity.js';
import { claimResultsFolder, LOCK_FILE, MANIFEST_FILE } from '../../../src/report/results-folder.js';

const root = mkdtempSync(join(tmpdir(), 'qfi-results-folder-'));
const sleeper = spawn('sleep', ['600'], { stdio: 'ignore' });
afterAll(() => sleeper.kill('SIGKILL'));

function refused(run: () => unknown): string {
  try {
    run();
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return formatError(err);
  }
  throw new Error('not refused');
}

describe('claimResultsFolder', () => {
  it('creates the folder, locks it for this run and releases it', () => {
    const dir = join(root, 'new', 'deeper');
    const folder = claimResultsFolder(dir, ['junit.xml'], { mode: 'run' });
    const lock = JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8')) as { pid: number; mode: string };
    expect(lock).toMatchObject({ pid: process.pid, mode: 'run' });
    expect(JSON.parse(readFileSync(join(dir, MANIFEST_FILE), 'utf8'))).toEqual({ writtenBy: 'qfi', files: ['junit.xml'] });
    folder.release();
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
  });

  it('refuses a second run while the first lives, and takes over the lock of one that is gone', () => {
    const dir = join(root, 'shared');
    mkdirSync(dir);
    const live = identityOf(sleeper.pid!)!;
    writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ pid: live.pid, start: live.start, mode: 'campaign', since: '2026-12-04T00:00:00Z' }));
    expect(refused(() => claimResultsFolder(dir, [], { mode: 'run' }))).toMatch(
      new RegExp(`^input results-dir: error: results-dir ${dir} is in use by another qfi campaign \\(pid ${live.pid}, since 2026-12-04T00:00:00Z\\)`),
    );
    // A process that has ended: its pid is free (or another process's, whose start time differs).
    const ended = spawnSync('sh', ['-c', 'echo $$']).stdout.toString().trim();
    writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ pid: Number(ended), start: '1', mode: 'run', since: 'then' }));
    claimResultsFolder(dir, [], { mode: 'run' }).release();
    // Same pid as a live process, but another start time: a reused pid, not the owner.
    writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ pid: live.pid, start: `${Number(live.start) + 1}`, mode: 'run', since: 'then' }));
    claimResultsFolder(dir, [], { mode: 'run' }).release();
  });

  it("removes only what the manifest lists, and never overwrites someone else's file", () => {
    const dir = join(root, 'manifest');
    claimResultsFolder(dir, ['console.log', 'blkdebug'], { mode: 'run' }).release();
    writeFileSync(join(dir, 'console.log'), 'old run');
    mkdirSync(join(dir, 'blkdebug'));
    writeFileSync(join(dir, 'notes.txt'), 'the user’s');
    claimResultsFolder(dir, ['console.log', 'blkdebug'], { mode: 'run' }).release();
    expect(existsSync(join(dir, 'console.log'))).toBe(false);
    expect(existsSync(join(dir, 'blkdebug'))).toBe(false);
    expect(readFileSync(join(dir, 'notes.txt'), 'utf8')).toBe('the user’s');

    const other = join(root, 'theirs');
    mkdirSync(join(other, 'blkdebug'), { recursive: true });
    writeFileSync(join(other, 'junit.xml'), '<mine/>');
    expect(refused(() => claimResultsFolder(other, ['junit.xml', 'blkdebug', 'summary.md'], { mode: 'run' }))).toMatch(
      /already holds junit\.xml, blkdebug, which no earlier qfi run wrote there/,
    );
    expect(readFileSync(join(other, 'junit.xml'), 'utf8')).toBe('<mine/>');
    expect(existsSync(join(other, LOCK_FILE))).toBe(false);
  });

  it('says which setting is wrong when the place cannot hold a folder', () => {
    writeFileSync(join(root, 'a-file'), '');
    expect(refused(() => claimResultsFolder(join(root, 'a-file'), [], { mode: 'run' }))).toMatch(/results-dir .*a-file is not a folder/);
    expect(refused(() => claimResultsFolder(join(root, 'a-file', 'x'), [], { mode: 'run' }))).toMatch(/cannot be created: a part of the path is a file/);
    // Node's own recursive mkdir never returns here.
    expect(refused(() => claimResultsFolder('/proc/qfi-results', [], { mode: 'run' }))).toMatch(/results-dir \/proc\/qfi-results cannot be created/);
  });
});
