import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compareRuns, describeComparison } from '../../../src/reproduce/compare-runs.js';
import { injectionKey, readRunFacts } from '../../../src/reproduce/run-facts.js';

// Real runs (test/fixtures/reproduce/record.sh): a guest rule (storage.read=drop-every:2) and
// a block rule (rate:300 on 40 single-sector reads) with seed 7; its replay by `qfi reproduce`;
// and the same run with seed 8, which fails other reads.
const facts = (name: string) => readRunFacts(new URL(`../../fixtures/reproduce/${name}/`, import.meta.url).pathname)!;
const seed7 = facts('block-rate-seed7');
const replay = facts('block-rate-seed7-replay');
const seed8 = facts('block-rate-seed8');

describe('readRunFacts', () => {
  it('keeps of each block injection what repeats (sector, request, errno), not when it happened', () => {
    expect(seed7.summary.verdict).toBe('fail');
    expect(seed7.injections.length).toBeGreaterThan(3);
    expect(seed7.injections[0]).toMatch(/^block h1 disk=data op=read sector=\d+ sectors=1 request=\d+ errno=EIO$/);
    expect(seed7.injections.join('\n')).not.toMatch(/atMs/);
    expect(seed7.icount).toBe(false);
  });

  it("keeps a plugin injection's place and values only under -icount", () => {
    // The injection log line plugin/README.md documents (no plugin run is recorded here: it needs a QEMU build).
    const readme = readFileSync(new URL('../../../plugin/README.md', import.meta.url), 'utf8');
    const entry = JSON.parse(readme.split('\n').find((l) => l.startsWith('{"rule":"r1"'))!) as Record<string, unknown>;
    expect(injectionKey(entry, false)).toBe('plugin r1 vcpu=0 kind=ram addr=0x100000 width=1');
    expect(injectionKey(entry, true)).toBe('plugin r1 vcpu=0 kind=ram addr=0x100000 width=1 icount=5000000 pc=0xffffffff81a17a0b before=0x00 after=0x08');
  });
});

describe('compareRuns on real runs', () => {
  it("a replay with the same seed matches: verdict, every block injection, the guest point's counts", () => {
    const c = compareRuns(seed7, replay);
    expect(c.matched).toBe(true);
    expect(c.setup.guest.matched).toBe(true);
    expect(c.setup.qemu).toMatchObject({ matched: true, original: expect.stringMatching(/^QEMU 7\.2\.\d+ \(system\)$/) });
    const { lines, warnings } = describeComparison(c);
    expect(lines).toEqual([
      'verdict: matched (fail: test command exited with 1)',
      `injections: matched (${seed7.injections.length} by host or plugin rules; guest points: storage.read 1 of 3 call(s) failed)`,
      'qfi reproduce: matched — the verdict and the injections are the same as in the original',
    ]);
    expect(warnings).toEqual([]);
  });

  it('another seed fails other requests: the injections differ, each side listed, and the seed is named as the cause', () => {
    const c = compareRuns(seed7, seed8);
    expect(c.verdict.matched).toBe(true); // both fail: some read failed
    expect(c.injections.matched).toBe(false);
    expect(c.matched).toBe(false);
    const { lines, warnings } = describeComparison(c);
    expect(lines[1]).toBe('injections: differed');
    expect(lines[2]).toBe(`  host and plugin rules: ${seed7.injections.length} in the original, ${seed8.injections.length} in the replay`);
    expect(lines.find((l) => l.startsWith('  only in the original: '))).toMatch(/block h1 disk=data op=read sector=\d+/);
    expect(lines.at(-1)).toMatch(/^qfi reproduce: differed/);
    expect(warnings).toEqual(["the replay's seed differs: original 7, replay 8"]);
  });
});
