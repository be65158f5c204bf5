import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { junitSuites, mergeJUnit, missingSuite } from '../../../src/campaign/junit-merge.js';
import { junitSchema } from '../../helpers/junit-schema.js';

const recorded = new URL('../../fixtures/junit/', import.meta.url).pathname;

function validate(xml: string): void {
  const file = join(mkdtempSync(join(tmpdir(), 'qfi-merge-')), 'junit.xml');
  writeFileSync(file, xml);
  execFileSync('xmllint', ['--noout', '--schema', junitSchema(), file], { stdio: 'pipe' });
}

describe('mergeJUnit', () => {
  it('puts every suite under one root with summed counts, valid against junit-10.xsd', async () => {
    const { readFileSync, readdirSync } = await import('node:fs');
    const files = readdirSync(recorded)
      .filter((f) => f.endsWith('.xml'))
      .sort();
    expect(files.length).toBeGreaterThanOrEqual(2);
    const suites = files.flatMap((f) => junitSuites(readFileSync(join(recorded, f), 'utf8')));
    expect(suites).toHaveLength(files.length);
    const xml = mergeJUnit('campaign & co', [...suites, missingSuite('lost-shard', 'no junit.xml in scenarios/lost "x"')]);
    validate(xml);
    const root = /<testsuites [^>]*>/.exec(xml)![0];
    const tests = suites.reduce((n, s) => n + Number(/ tests="(\d+)"/.exec(s)![1]), 0) + 1;
    expect(root).toContain(`tests="${tests}"`);
    expect(root).toContain('name="campaign &amp; co"');
    expect(xml.match(/<testsuite /g)).toHaveLength(files.length + 1);
  });

  it('writes an empty but valid file for no suites', () => {
    validate(mergeJUnit('empty', []));
  });
});
