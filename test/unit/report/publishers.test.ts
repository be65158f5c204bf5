import { totalTests } from '../../../src/observe/ktap.js';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../../src/config/index.js';
import type { Plan } from '../../../src/plan/types.js';
import type { TestRun } from '../../../src/observe/types.js';
import { toJUnit } from '../../../src/report/junit.js';
import { toSummaryMarkdown } from '../../../src/report/summary-md.js';
import { corpusTestRun } from '../../helpers/corpus.js';
import { validatesJUnit } from '../../helpers/junit-schema.js';
import { dornyView, enricoMiResults, mikepenzAnnotations, publisherProblems } from '../../helpers/publishers.js';

/** A repository with the qfi.toml that ran the recorded log (its command on line 3, its rule on line 6). */
async function repoRun(log: string): Promise<{ run: TestRun; repo: string }> {
  const repo = mkdtempSync(join(tmpdir(), 'qfi-repo-'));
  mkdirSync(join(repo, 'ci'));
  writeFileSync(
    join(repo, 'ci', 'qfi.toml'),
    ['[test]', '# the recorded run', 'command = "insmod /tmp/m/test.ko"', '', '[fault_injection]', 'rules = ["alloc.frame=fail-after:3"]', ''].join('\n'),
  );
  const { config } = await resolveConfig({ inputs: { config: 'ci/qfi.toml' }, cwd: repo, env: {} });
  const run = corpusTestRun(log, {
    plan: {
      canonicalRules: ['alloc.frame=fail-after:3'],
      seed: 4242,
      agent: 'qfi',
      requireFired: false,
      sources: config.sources,
      reproducer: 'qfi run --config ci/qfi.toml --seed 4242',
    },
    points: [{ name: 'alloc.frame', calls: 5, fails: 2 }],
    ruleUse: [{ rule: 'alloc.frame=fail-after:3', id: undefined, layer: 'guest', calls: 5, fired: 2, consulted: true }],
  });
  return { run, repo };
}

describe('what the three publishers show of qfi JUnit (their rules encoded in test/helpers/publishers.ts)', () => {
  it('a KUnit run with a failing and a skipped test: each test its own case in a flat suite, annotations on the config line', async () => {
    const { run, repo } = await repoRun('ktap-fail-kasan');
    const xml = toJUnit(run);
    validatesJUnit(xml);
    expect(publisherProblems(xml, repo)).toEqual([]);
    const dorny = dornyView(xml);
    const kasan = dorny.suites.find((s) => s.name === 'qfi ktap-fail-kasan ktap kasan')!;
    expect(kasan.tests.find((t) => t.name === 'ktap-fail-kasan: kasan.kasan_global_oob_right')?.result).toBe('failed');
    expect(kasan.tests.find((t) => t.name === 'ktap-fail-kasan: kasan.pagealloc_oob_right')?.result).toBe('skipped');
    // Every test the KTAP report counted is a case dorny shows (none is lost in a nested suite).
    const ktapCases = dorny.suites.filter((s) => s.name.startsWith('qfi ktap-fail-kasan ktap')).flatMap((s) => s.tests);
    expect(ktapCases).toHaveLength(totalTests(run.ktap!.counts));
    const annotations = mikepenzAnnotations(xml, repo);
    expect(annotations.length).toBeGreaterThan(0);
    for (const a of annotations) expect([a.file, a.line]).toEqual(['ci/qfi.toml', 3]);
    expect(annotations.map((a) => a.title)).toContain('ktap-fail-kasan: kasan.kasan_global_oob_right');
  });

  it('a panic is an <error> whose message has the ranked excerpt once, the seed, the rules and the reproducer, and no QFI: lines', async () => {
    const { run, repo } = await repoRun('panic-sysrq');
    expect(run.verdict).toBe('panic');
    const xml = toJUnit(run);
    validatesJUnit(xml);
    expect(publisherProblems(xml, repo)).toEqual([]);
    const command = enricoMiResults(xml).find((r) => r.name === 'panic-sysrq: command')!;
    expect(command.state).toBe('error');
    const message = mikepenzAnnotations(xml, repo).find((a) => a.title === 'panic-sysrq: command')!.message;
    // The reason names the panic line; the ranked excerpt (with its call trace) comes once, and
    // the last console lines after it leave out what it already shows.
    expect(message.match(/--- worst problems on the console ---/g)).toHaveLength(1);
    expect(message.match(/sysrq_handle_crash/g)).toHaveLength(1);
    expect(message.match(/Kernel panic - not syncing: sysrq triggered crash/g)).toHaveLength(2);
    expect(message).toContain('seed: 4242');
    expect(message).toContain('rules: alloc.frame=fail-after:3');
    expect(message).toContain('fired: alloc.frame=fail-after:3 fired 2×, 5 calls');
    expect(message).toContain('reproduce: qfi run --config ci/qfi.toml --seed 4242');
    expect(xml).not.toMatch(/QFI:[0-9a-f]+:|QFI-POINT:|QFI-MARKER:/);
    // EnricoMi shows <system-out>: the same facts are there.
    expect(command.shown).toContain('reproduce: qfi run --config ci/qfi.toml --seed 4242');
    const md = toSummaryMarkdown(run);
    expect(md.match(/sysrq_handle_crash/g)).toHaveLength(1); // the call trace once, in the excerpt
    expect(md).not.toMatch(/QFI:[0-9a-f]+:/);
  });

  it("a passing KUnit kernel without qfi's agent: boot and command pass", async () => {
    const { run } = await repoRun('ktap-pass');
    const plan = { ...run.plan, agent: 'none' } as Plan;
    const xml = toJUnit({ ...run, plan });
    expect(run.verdict).toBe('pass');
    expect(dornyView(xml).failed).toBe(0);
  });

  it('a rule nothing consulted is named in the summary as a warning', async () => {
    const { run } = await repoRun('pass');
    const md = toSummaryMarkdown({
      ...run,
      ruleUse: [{ rule: 'linux.failslab=fail', id: undefined, layer: 'guest', calls: undefined, fired: 0, consulted: false }],
    });
    expect(md).toMatch(/\| `linux.failslab=fail` \| guest \| – \| ⚠️ never consulted \|/);
    expect(md).toMatch(/> \[!WARNING\]\n> `linux.failslab=fail`: nothing consulted this rule/);
  });

  it('the checks find what read wrong before: nested suites, a classname that globs to a file, a crash as <failure>', async () => {
    const { run, repo } = await repoRun('panic-sysrq');
    mkdirSync(join(repo, 'scripts'));
    writeFileSync(join(repo, 'scripts', 'demo.sh'), 'echo demo\n');
    // Our real output, bent into the old shape.
    const old = toJUnit(run)
      .replace(/ file="[^"]*" line="\d+"/g, '')
      .replace(/classname="qfi panic-sysrq"/g, 'classname="qfi.demo"')
      .replace(/<error( [^>]*>[\s\S]*?)<\/error>/, '<failure$1</failure>')
      .replace(/(<\/testcase>\s*)(<\/testsuite>)/, '$1<testsuite name="ktap" tests="0" failures="0" errors="0" time="0"></testsuite>\n$2');
    const problems = publisherProblems(old, repo);
    expect(problems).toContainEqual(expect.stringMatching(/^nested suite ktap/));
    expect(problems).toContainEqual(expect.stringMatching(/classname's last part "demo" globs to scripts\/demo.sh/));
    expect(problems).toContainEqual(expect.stringMatching(/a panic written as <failure>/));
  });
});
