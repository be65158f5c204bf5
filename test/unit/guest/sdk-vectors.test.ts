/**
 * The guest SDK's shared vectors (guest/sdk/vectors.json) on all four implementations of guest
 * fault points: qfi's model with the runner's parser, the C header (host harness built with gcc),
 * the Rust module (host harness built with rustc) and the built-in guest's qfi-fault.sh under
 * busybox. Also: the header and the module build freestanding / no_std, so no libc creeps in.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { faultHelperPath } from '../../../src/provision/guest/initramfs.js';
import type { PointCounts } from '../../../src/rules/guest-decide.js';
import {
  buildCHarness,
  buildRustHarness,
  findRustc,
  harnessScript,
  parseHarnessOutput,
  type CallMode,
  type HarnessOutput,
  type HarnessRun,
} from '../../helpers/sdk-harness.js';
import {
  isCanonicalRulesText,
  isPrintedRuleLines,
  loadSdkVectors,
  modelParseError,
  runOnModel,
  sdkDir,
  type DecisionVector,
  type LimitVector,
  type MalformedVector,
} from '../../helpers/sdk-vectors.js';

const file = loadSdkVectors();
const work = mkdtempSync(join(tmpdir(), 'qfi-sdk-vectors-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const byName = (name: string): DecisionVector => {
  const v = file.decisions.find((d) => d.name === name);
  if (!v) throw new Error(`no vector "${name}"`);
  return v;
};
/** 1-based numbers of the failed calls of `point`. */
const failedCalls = (v: DecisionVector, point: string): number[] => v.calls.filter((c) => c.point === point).flatMap((c, i) => (c.fail ? [i + 1] : []));

describe("the vectors against qfi's model and the runner's parser", () => {
  it('every decision vector is what the model decides, and `canonical` is what the runner writes', () => {
    for (const v of file.decisions) {
      const model = runOnModel(
        v,
        v.calls.map((c) => c.point),
      );
      expect({ calls: model.calls, counts: model.counts }, v.name).toEqual({ calls: v.calls, counts: v.counts });
      expect(isCanonicalRulesText(v.rules), v.name).toBe(v.canonical);
    }
  });

  it('agrees with counting by hand', () => {
    expect(failedCalls(byName('drop-every:3 fails calls 3, 6, 9'), 'storage.read')).toEqual([3, 6, 9]);
    expect(failedCalls(byName('fail-after:4 fails calls 5 and later'), 'storage.read')).toEqual([5, 6, 7, 8]);
    expect(failedCalls(byName('[once=true] fail-after:4 fails only call 5'), 'storage.read')).toEqual([5]);
    expect(failedCalls(byName('the fail-nth rule: fails exactly call 3'), 'storage.read')).toEqual([3]);
    const kernel = byName('a kernel: every action on interleaved points, one point without a rule, one registered and never called');
    expect(kernel.rules).toBe('alloc.page=fail-after:2\ndisk.read=drop-every:3\nnet.tx=rate:250\ntimer.tick=delay-ms:5\nirq.mask=off\ndev.probe=fail\n');
    expect(failedCalls(kernel, 'alloc.page')).toEqual([3, 4, 5]);
    expect(failedCalls(kernel, 'disk.read')).toEqual([3, 6]);
    expect(failedCalls(kernel, 'sched.yield')).toEqual([]);
    expect(kernel.calls.filter((c) => c.point === 'timer.tick').map((c) => [c.fail, c.delayMs])).toEqual([
      [false, 5],
      [false, 5],
      [false, 5],
    ]);
    expect(kernel.counts['idle.loop']).toEqual({ calls: 0, fails: 0 });
    // Last rule wins: a later line for the point replaces an earlier one, also across parameters.
    expect(failedCalls(byName('the last line for a point wins (hand-written text with the same point twice)'), 'storage.read')).toEqual([2, 4]);
    expect(failedCalls(byName('rules with other parameters stay two lines: the last one may be [once=true]'), 'storage.read')).toEqual([2]);
    const always = byName('rate:0 never, rate:1000 always (seed 2^32-1)');
    expect([failedCalls(always, 'r.never').length, failedCalls(always, 'r.always').length]).toEqual([0, 5]);
  });

  it('covers every action, [once=true], points without rules, both seed ends and names with . _ -', () => {
    const canonical = file.decisions
      .filter((v) => v.canonical)
      .map((v) => v.rules)
      .join('');
    for (const action of ['=off', '=fail\n', '=drop-every:', '=fail-after:', '=rate:', '=delay-ms:', '[once=true]=']) expect(canonical).toContain(action);
    expect(file.decisions.map((v) => v.seed)).toEqual(expect.arrayContaining([0, 4294967295]));
    expect(file.decisions.some((v) => v.calls.some((c) => !v.rules.includes(`${c.point}=`) && !v.rules.includes(`${c.point}[`)))).toBe(true);
    expect(file.decisions.some((v) => v.calls.some((c) => /[.].*[_].*-|-.*_/.test(c.point)))).toBe(true);
    expect(file.decisions.some((v) => new Set(v.calls.map((c) => c.point)).size >= 5)).toBe(true);
  });

  it("every malformed text fails in the runner's parser at the recorded line and column, with the recorded message", () => {
    for (const v of file.malformed) expect(modelParseError(v.rules), v.name).toEqual({ line: v.line, column: v.column, message: v.message });
  });
});

// ---- the C header and the Rust module, through their host harnesses ----

/** Expected harness results of a decision vector: counts after each call, registration and report lines. */
function expectedRun(v: DecisionVector, mode: CallMode) {
  const counts: Record<string, PointCounts> = {};
  const order: string[] = [];
  const see = (p: string): void => {
    if (!counts[p]) {
      counts[p] = { calls: 0, fails: 0 };
      order.push(p);
    }
  };
  v.register.forEach(see);
  const decisions = v.calls.map((c) => {
    see(c.point);
    const k = counts[c.point]!;
    k.calls++;
    if (c.fail) k.fails++;
    return mode === 'call' ? { fail: c.fail, delayMs: c.delayMs, calls: k.calls, fails: k.fails } : { fail: c.fail, delayMs: c.delayMs };
  });
  return {
    init: { ok: true },
    registerStatus: v.register.map(() => 'ok'),
    decisions,
    registered: [...new Set(v.register)].map((p) => `QFI-POINT:${p}`),
    report: order.map((p) => `QFI-POINT:${p} calls=${counts[p]!.calls} fails=${counts[p]!.fails}`),
    printed: [],
  };
}

/** The three lines an SDK prints for a malformed text: position and message, the line, a caret. */
function expectedErrorLines(v: MalformedVector): string[] {
  const line = (v.rules.split('\n')[v.line - 1] ?? '').replace(/\r$/, '');
  const shown = [...Buffer.from(line, 'utf8')].map((b) => ((b >= 0x20 && b < 0x7f) || b === 9 ? String.fromCharCode(b) : '?')).join('');
  return [`qfi: rules ${v.line}:${v.column}: ${v.message}`, `qfi:   ${shown}`, `qfi:   ${shown.slice(0, v.column - 1).replace(/[^\t]/g, ' ')}^`];
}

function checkDecisions(out: HarnessOutput, mode: CallMode, offset: number): void {
  file.decisions.forEach((v, i) => expect(out.runs[offset + i], `${mode}: ${v.name}`).toEqual(expectedRun(v, mode)));
}

function checkMalformed(runs: HarnessRun[]): void {
  file.malformed.forEach((v, i) => {
    const run = runs[i]!;
    expect(run.init, v.name).toEqual({ ok: false, kind: 'parse', line: v.line, column: v.column, message: v.message });
    expect(run.printed, v.name).toEqual(expectedErrorLines(v));
  });
}

function checkLimits(runs: HarnessRun[]): void {
  file.limitCases.forEach((v: LimitVector, i) => {
    const run = runs[i]!;
    if (v.error) expect(run.init, v.name).toMatchObject({ ok: false, ...v.error });
    else expect(run.init, v.name).toEqual({ ok: true });
    expect(run.registerStatus, v.name).toEqual(v.registerStatus);
    expect(
      run.decisions.map((d) => ({ fail: d.fail, delayMs: d.delayMs })),
      v.name,
    ).toEqual(v.calls.map((c) => ({ fail: c.fail, delayMs: c.delayMs })));
    expect(run.report, v.name).toEqual(v.report);
    const printed = run.printed.join('\n');
    for (const word of v.printed) expect(printed, v.name).toContain(word);
    // A limit is reported once, however often it is hit.
    if (v.printed.length > 0 && !v.error) expect(run.printed, v.name).toHaveLength(1);
  });
}

/** Every vector through one harness process: decisions twice (qfi_decide, then should_fail), malformed, limits. */
async function runHarness(bin: string): Promise<HarnessOutput> {
  const asRun = (v: DecisionVector | LimitVector) => ({ ...v, points: v.calls.map((c) => c.point) });
  const malformed = file.malformed.map((v) => ({ name: v.name, rules: v.rules, seed: 0, register: [], points: [] }));
  const script =
    harnessScript([...file.decisions.map(asRun), ...malformed, ...file.limitCases.map(asRun)], 'call') +
    harnessScript(file.decisions.map(asRun), 'should').replace(/^limits\n/, '');
  return parseHarnessOutput((await execa(bin, [], { input: script })).stdout);
}

function checkHarness(out: HarnessOutput): void {
  const { maxPoints, maxRules, maxName, maxRulesText } = file.limits;
  expect(out.limits).toEqual([maxPoints, maxRules, maxName, maxRulesText]);
  const d = file.decisions.length;
  const m = file.malformed.length;
  expect(out.runs).toHaveLength(d + m + file.limitCases.length + d);
  checkDecisions(out, 'call', 0);
  checkMalformed(out.runs.slice(d, d + m));
  checkLimits(out.runs.slice(d + m, d + m + file.limitCases.length));
  checkDecisions(out, 'should', d + m + file.limitCases.length);
}

/** A translation unit that includes the implementation and calls the whole API, built freestanding. */
const freestandingSource = `#define QFI_FAULT_IMPLEMENTATION
#include "qfi_fault.h"
int kernel_main(void);
int kernel_main(void) {
  if (qfi_init_fw_cfg(NULL) != QFI_OK) return 1;
  qfi_register("alloc.page");
  int n = qfi_should_fail("alloc.page") + qfi_decide("disk.read").fail;
  qfi_report();
  return n + (int)qfi_rule_count() + (int)qfi_last_error()->line;
}
`;

/** Compilers for the freestanding check: the host's, i386, and cross compilers when installed. */
const freestandingTargets: Array<{ arch: string; cc: string; flags: string[] }> = [
  { arch: 'x86_64', cc: 'gcc', flags: [] },
  { arch: 'i386', cc: 'gcc', flags: ['-m32', '-fno-pic'] },
  { arch: 'aarch64', cc: 'aarch64-linux-gnu-gcc', flags: [] },
  { arch: 'riscv64', cc: 'riscv64-linux-gnu-gcc', flags: [] },
];
const haveCompiler = (cc: string): boolean => {
  try {
    execFileSync(cc, ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};

describe('the C header (qfi_fault.h)', () => {
  it('decides every vector as the model does, reports malformed rules at their line and column, and keeps its limits', async () => {
    checkHarness(await started.c!);
  });

  for (const t of freestandingTargets) {
    it.skipIf(!haveCompiler(t.cc))(`builds freestanding for ${t.arch} with no libc header and no undefined symbol`, async () => {
      // Nothing from outside: no memcpy/memset the compiler might have called, no libgcc helper.
      expect(await started.freestanding.get(t.arch)).toBe('');
    });
  }
});

/** Builds the freestanding unit for one target; resolves to the object's undefined symbols (`nm -u`). */
async function buildFreestanding(t: (typeof freestandingTargets)[number]): Promise<string> {
  const dir = join(work, `free-${t.arch}`);
  mkdirSync(dir);
  writeFileSync(join(dir, 'kernel.c'), freestandingSource);
  const gccInclude = (await execa(t.cc, [...t.flags, '-print-file-name=include'])).stdout.trim();
  const object = join(dir, 'kernel.o');
  // -nostdinc + gcc's own include folder: only the compiler's freestanding headers exist.
  const flags = ['-std=c11', '-Wall', '-Wextra', '-Werror', '-pedantic', '-ffreestanding', '-nostdlib', '-nostdinc', '-isystem', gccInclude, '-O2', ...t.flags];
  await execa(t.cc, [...flags, '-I', sdkDir, '-c', join(dir, 'kernel.c'), '-o', object]);
  return (await execa('nm', ['-u', object])).stdout.trim();
}

const rustc = findRustc();

describe.skipIf(!rustc)('the Rust module (qfi_fault.rs)', () => {
  it('decides every vector as the model does, reports malformed rules at their line and column, and keeps its limits', async () => {
    checkHarness(await started.rust!);
  });

  it('builds as a #![no_std] library without alloc', async () => {
    await started.rustNoStd;
  });
});

/**
 * The module in a `#![no_std]` crate (only `core` is there: no std, no alloc), used as a kernel
 * would: a static built by the const constructor, fw_cfg, a point, the report.
 */
const noStdCrate = (module: string): string => `#![no_std]
#[path = ${JSON.stringify(module)}]
pub mod qfi_fault;
fn console(_bytes: &[u8]) {}
pub static mut FAULTS: qfi_fault::Faults = qfi_fault::Faults::new(console);
pub fn kernel_main() -> bool {
    let faults = unsafe { &mut *core::ptr::addr_of_mut!(FAULTS) };
    if unsafe { faults.init_fw_cfg(&qfi_fault::FwCfgConfig::DEFAULT) }.is_err() {
        return false;
    }
    let _ = faults.register("alloc.page");
    let failed = faults.should_fail("alloc.page") || faults.decide("disk.read").fail;
    faults.report();
    failed
}
`;

async function buildRustNoStd(dir: string, rustc: string): Promise<void> {
  writeFileSync(join(dir, 'lib.rs'), noStdCrate(join(sdkDir, 'qfi_fault.rs')));
  await execa(rustc, ['--edition=2021', '--crate-type=lib', '-D', 'warnings', '--out-dir', dir, join(dir, 'lib.rs')]);
}

// ---- the built-in guest's qfi-fault.sh ----

const busybox = '/bin/busybox';

/**
 * Runs the vectors whose text is one printed rule per line (qfi-fault.sh reads only what the
 * runner writes) in one busybox shell. Each call sources the helper in a subshell with `usleep`
 * replaced by a function that prints the delay (busybox runs its own applet before PATH).
 */
async function runShell(vectors: DecisionVector[]): Promise<Array<{ calls: Array<{ fail: boolean; delayMs: number }>; counts: Record<string, PointCounts> }>> {
  const quote = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;
  const lines = [`HELPER=${quote(faultHelperPath())}`, 'call() { ( usleep() { echo "delay $(($1 / 1000))"; }; set -- "$1"; . "$HELPER" ); echo "rc $?"; }'];
  vectors.forEach((v, i) => {
    const dir = join(work, `sh-${i}`);
    mkdirSync(dir);
    writeFileSync(join(dir, 'rules'), v.rules);
    writeFileSync(join(dir, 'seed'), `${v.seed}\n`);
    lines.push(`export QFI_RUN_DIR=${quote(dir)}`, `echo vector`);
    if (v.register.length > 0) lines.push(`${busybox} sh "$HELPER" --register ${v.register.map(quote).join(' ')}; echo "registered $?"`);
    for (const c of v.calls) lines.push(`call ${quote(c.point)}`);
    lines.push('for f in "$QFI_RUN_DIR"/points/*; do [ -f "$f" ] && echo "count ${f##*/} $(cat "$f")"; done');
  });
  const r = await execa(busybox, ['sh', '-c', lines.join('\n')], { env: { PATH: '/usr/bin:/bin' } });
  const results: Array<{ calls: Array<{ fail: boolean; delayMs: number }>; counts: Record<string, PointCounts> }> = [];
  let delay = 0;
  for (const line of r.stdout.split('\n')) {
    const [word, a, b, c] = line.split(' ');
    const current = results[results.length - 1]!;
    if (word === 'vector') results.push({ calls: [], counts: {} });
    else if (word === 'delay') delay = Number(a);
    else if (word === 'rc') {
      expect(['0', '1'], `qfi-fault exit status ${a}`).toContain(a);
      current.calls.push({ fail: a === '0', delayMs: delay });
      delay = 0;
    } else if (word === 'registered') expect(a).toBe('1');
    else if (word === 'count') current.counts[a!] = { calls: Number(b), fails: Number(c) };
  }
  return results;
}

describe.skipIf(!existsSync(busybox))("the built-in guest's qfi-fault.sh under busybox", () => {
  it('decides every vector written as one printed rule per line as the model does', async () => {
    expect(shellVectors.length).toBeGreaterThanOrEqual(file.decisions.length - 1);
    const results = await started.shell!;
    const vectors = shellVectors;
    vectors.forEach((v, i) => {
      const sorted = (c: Record<string, PointCounts>) => Object.fromEntries(Object.entries(c).sort(([x], [y]) => (x < y ? -1 : 1)));
      expect({ calls: results[i]!.calls, counts: sorted(results[i]!.counts) }, v.name).toEqual({
        calls: v.calls.map((c) => ({ fail: c.fail, delayMs: c.delayMs })),
        counts: sorted(v.counts),
      });
    });
  });
});

// Every build and run starts at once, before the first test: the file takes as long as the
// slowest of them (the shell's ~370 forked calls), not their sum.
const shellVectors = file.decisions.filter((v) => isPrintedRuleLines(v.rules));
const started: {
  c?: Promise<HarnessOutput>;
  rust?: Promise<HarnessOutput>;
  rustNoStd?: Promise<void>;
  shell?: ReturnType<typeof runShell>;
  freestanding: Map<string, Promise<string>>;
} = { freestanding: new Map() };
beforeAll(() => {
  const quiet = <T>(p: Promise<T>): Promise<T> => {
    p.catch(() => undefined); // awaited (and reported) by its test
    return p;
  };
  const dir = (name: string): string => {
    mkdirSync(join(work, name));
    return join(work, name);
  };
  if (existsSync(busybox)) started.shell = quiet(runShell(shellVectors));
  started.c = quiet(buildCHarness(dir('c')).then(runHarness));
  if (rustc) started.rust = quiet(buildRustHarness(dir('rust'), rustc).then(runHarness));
  if (rustc) started.rustNoStd = quiet(buildRustNoStd(dir('rust-no-std'), rustc));
  for (const t of freestandingTargets) if (haveCompiler(t.cc)) started.freestanding.set(t.arch, quiet(buildFreestanding(t)));
});
