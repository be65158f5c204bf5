/**
 * qfi's KTAP parser against the kernel's own: kunit_parser.py (run through
 * scripts/reference/kunit-ref.py) on the logs of tools/testing/kunit/test_data, the ones
 * kunit_tool_test.py asserts on among them, and the examples of Documentation/dev-tools/ktap.rst.
 * Boots nothing. Needs Debian's linux-source-6.12 (about 150 MB from bookworm-security, fetched
 * once into the qfi cache, about 10 s) and python3; without the archive it skips, saying why.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ConsoleParser } from '../../src/run/console-parser.js';
import { consoleFindings } from '../../src/observe/findings.js';
import { readKtapFile } from '../../src/observe/ktap-console.js';
import { parseLogs } from '../../src/parse/parse-logs.js';
import type { ConsoleEvent } from '../../src/run/types.js';
import { assertedLogs, kunitInlineCases, kunitReadings, kunitSource, type KunitReading, type KunitTree } from '../helpers/kunit-source.js';

/** kunit_parser's TestStatus as qfi names it (FAILURE_TO_PARSE_TESTS: no tests, one error). */
const statusName: Record<string, string> = {
  SUCCESS: 'pass',
  FAILURE: 'fail',
  SKIPPED: 'skip',
  TEST_CRASHED: 'crash',
  NO_TESTS: 'no-tests',
  FAILURE_TO_PARSE_TESTS: 'no-tests',
};

interface QfiJson {
  file: string;
  status: string;
  counts: Record<string, number>;
  tests: Array<{ name: string; status: string }>;
}

/** Where `qfi parse --json` and kunit_parser read a log differently; empty when they agree. */
function differences(kunit: KunitReading, qfi: QfiJson): string[] {
  const out: string[] = [];
  if (statusName[kunit.status] !== qfi.status) out.push(`status: kunit ${kunit.status}, qfi ${qfi.status}`);
  for (const [key, n] of Object.entries(kunit.counts ?? {})) if (qfi.counts[key] !== n) out.push(`${key}: kunit ${n}, qfi ${qfi.counts[key]}`);
  // Test cases in order; kunit's unnamed placeholders for missing results are qfi's `(no result for test N…)`.
  const kunitCases = (kunit.tests ?? []).map((t) => t.replace(/<unnamed#\d+>: /, '(missing): '));
  const qfiCases = qfi.tests.map((t) => `${t.name.replace(/\(no result for test [^)]*\)$/, '(missing)')}: ${t.status}`);
  const kunitMapped = kunitCases.map((t) => t.replace(/: ([A-Z_]+)$/, (_m, s: string) => `: ${statusName[s]}`));
  if (JSON.stringify(kunitMapped) !== JSON.stringify(qfiCases)) out.push(`test cases: kunit [${kunitMapped.join(', ')}], qfi [${qfiCases.join(', ')}]`);
  return out;
}

function qfiJson(files: string[]): QfiJson[] {
  return parseLogs({ files, json: true, junit: undefined, name: undefined, cwd: '/', readStdin: () => '' }).lines.map((l) => JSON.parse(l) as QfiJson);
}

let tree: KunitTree | string = 'not fetched yet';

/** Logs written to a temporary folder, read by kunit_parser and by qfi: the ones they read differently. */
function disagreements(logs: ReadonlyArray<{ name: string; text: string }>): Array<{ file: string; differences: string[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'qfi-kunit-cases-'));
  const files = logs.map((l) => {
    writeFileSync(join(dir, l.name), l.text);
    return join(dir, l.name);
  });
  const qfi = qfiJson(files);
  return kunitReadings(tree as KunitTree, files)
    .map((k, i) => ({ file: k.file, differences: differences(k, qfi[i]!) }))
    .filter((r) => r.differences.length);
}
beforeAll(async () => {
  tree = await kunitSource((line) => process.stderr.write(`${line}\n`));
}, 600_000);

describe('KTAP as the kernel reads it: kunit_parser on its own test data (linux-source-6.12 from Debian)', () => {
  const ready = () => {
    if (typeof tree === 'string') return false;
    return true;
  };

  it('agrees with kunit_parser on the status, the counts and the test cases of every test_data log', (ctx) => {
    if (!ready()) return ctx.skip(tree as string);
    const t = tree as KunitTree;
    const dataDir = join(t.kunitDir, 'test_data');
    const logs = readdirSync(dataDir)
      .filter((f) => f.endsWith('.log'))
      .sort()
      .map((f) => join(dataDir, f));
    const asserted = assertedLogs(t);
    // kunit_tool_test.py opens these by name; all must be in test_data (and so compared below).
    expect(asserted.length).toBeGreaterThanOrEqual(20);
    for (const name of asserted) expect(logs.map((l) => l.split('/').pop())).toContain(name);

    const kunit = kunitReadings(t, logs);
    const qfi = qfiJson(logs);
    const table = kunit.map((k, i) => ({
      file: k.file,
      asserted: asserted.includes(k.file),
      kunit: `${k.status} ${JSON.stringify(k.counts)}`,
      differences: differences(k, qfi[i]!),
    }));
    const agreeing = table.filter((r) => r.differences.length === 0).length;
    process.stdout.write(
      `kunit_parser (${t.version}) and qfi parse agree on ${agreeing} of ${table.length} test_data logs (${table.filter((r) => r.asserted).length} of them asserted on by kunit_tool_test.py)\n`,
    );
    expect(table.filter((r) => r.differences.length)).toEqual([]);
  });

  it('the command prints the same: `qfi parse --json` (dist/cli.js) over all of them, exit 1 as some do not pass', (ctx) => {
    if (!ready()) return ctx.skip(tree as string);
    const dataDir = join((tree as KunitTree).kunitDir, 'test_data');
    const logs = readdirSync(dataDir)
      .filter((f) => f.endsWith('.log'))
      .sort()
      .map((f) => join(dataDir, f));
    const cli = new URL('../../dist/cli.js', import.meta.url).pathname;
    let stdout: string;
    let status = 0;
    try {
      stdout = execFileSync(process.execPath, [cli, 'parse', '--json', ...logs], { encoding: 'utf8', cwd: '/' });
    } catch (err) {
      stdout = (err as { stdout: string }).stdout;
      status = (err as { status: number }).status;
    }
    expect(status).toBe(1);
    expect(
      stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l)),
    ).toEqual(qfiJson(logs));
  });

  it('agrees with kunit_parser on the kernel output kunit_tool_test.py writes inline', (ctx) => {
    if (!ready()) return ctx.skip(tree as string);
    const cases = kunitInlineCases(tree as KunitTree);
    expect(cases.length).toBeGreaterThanOrEqual(5);
    expect(disagreements(cases.map((c) => ({ name: `${c.case.replace(/\W+/g, '-')}.log`, text: c.text })))).toEqual([]);
  });

  it('agrees with kunit_parser on the examples of Documentation/dev-tools/ktap.rst', (ctx) => {
    if (!ready()) return ctx.skip(tree as string);
    const rst = readFileSync((tree as KunitTree).ktapRst, 'utf8');
    // Literal blocks (`::`, then tab-indented lines) that are whole KTAP documents.
    const blocks = [...rst.matchAll(/::\n\n((?:\t[^\n]*\n|\n)+)/g)].map((m) => m[1]!.replace(/^\t/gm, '').trim()).filter((b) => b.startsWith('KTAP version'));
    expect(blocks.length).toBeGreaterThanOrEqual(3);
    expect(disagreements(blocks.map((b, i) => ({ name: `example-${i + 1}.log`, text: `${b}\n` })))).toEqual([]);
  });

  it("a tab-indented panic inside a suite is a panic; kunit's end marker after a complete run is none", (ctx) => {
    if (!ready()) return ctx.skip(tree as string);
    const dataDir = join((tree as KunitTree).kunitDir, 'test_data');
    const findings = (name: string) => {
      const file = join(dataDir, name);
      const parser = new ConsoleParser('0123456789abcdef01234567');
      const events = readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line, i) => parser.parseLine(line, i + 1, 0) ?? []) as ConsoleEvent[];
      return consoleFindings(events, readKtapFile(file));
    };
    // `[    0.060000] \tKernel panic - not syncing: VFS: …` cuts string-stream-test short.
    expect(
      findings('test_kernel_panic_interrupt.log')
        .filter((f) => f.kind === 'panic')
        .map((f) => f.line),
    ).toEqual([21]);
    // UML stops this way after the last suite: the results are complete.
    expect(findings('test_config_printk_time.log').filter((f) => f.kind === 'panic')).toEqual([]);
  });
});
