import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatError } from '../../../src/core/errors.js';
import { findRun } from '../../../src/reproduce/find-run.js';

// File names of real results (test/fixtures/reproduce/record.sh): one run's folder, and a
// matrix campaign's results with its scenarios/<id>/ folders.
const fixtures = new URL('../../fixtures/reproduce/', import.meta.url).pathname;
const runFiles = readdirSync(`${fixtures}block-rate-seed7`);
const campaignFiles = readFileSync(`${fixtures}campaign-files.txt`, 'utf8').trim().split('\n');
const under = (prefix: string, names: string[]) => names.map((n) => `${prefix}${n}`);

function problem(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    return formatError(err);
  }
  throw new Error('no error');
}

describe('findRun', () => {
  it('finds a run at the top of the tree, or one folder down (a zip of the folder itself)', () => {
    expect(findRun(runFiles, { scenario: undefined, label: 'r' })).toBe('');
    expect(findRun(under('qfi-results/', runFiles), { scenario: undefined, label: 'r.zip' })).toBe('qfi-results/');
  });

  it('picks a campaign scenario by --scenario, at the top or one folder down, and suggests a near miss', () => {
    expect(findRun(campaignFiles, { scenario: 'storage.read-fail', label: 'c' })).toBe('scenarios/storage.read-fail/');
    expect(findRun(under('campaign/', campaignFiles), { scenario: 'block.read.disk-data-fail', label: 'c.zip' })).toBe(
      'campaign/scenarios/block.read.disk-data-fail/',
    );
    expect(problem(() => findRun(campaignFiles, { scenario: 'storage.raed-fail', label: 'c' }))).toMatch(
      /c has no scenario `storage.raed-fail`\nhint: did you mean `storage.read-fail`\? the 2 scenario\(s\): /,
    );
  });

  it('asks which scenario for a campaign, even with a probe run one folder down, and refuses --scenario for one run', () => {
    const text = problem(() => findRun([...campaignFiles, ...under('probe/', runFiles)], { scenario: undefined, label: 'c' }));
    expect(text).toMatch(
      /c holds a campaign's results: say which scenario to reproduce\nhint: add --scenario ID; the 2 scenario\(s\): (block.read.disk-data-fail, storage.read-fail|storage.read-fail, block.read.disk-data-fail)/,
    );
    expect(problem(() => findRun(runFiles, { scenario: 'x', label: 'r' }))).toMatch(/--scenario x: r is not a campaign's results/);
  });

  it('says what a folder without reproduce.json is', () => {
    const older = runFiles.filter((n) => n !== 'reproduce.json');
    expect(problem(() => findRun(older, { scenario: undefined, label: 'old' }))).toMatch(
      /old has no reproduce.json[\s\S]*hint: its summary.json is from a qfi without `qfi reproduce`/,
    );
    expect(problem(() => findRun(['notes.txt'], { scenario: undefined, label: 'x' }))).toMatch(/hint: give the folder a qfi run wrote/);
  });
});
