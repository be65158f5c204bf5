/**
 * The host harnesses that run the guest SDK's vectors through the C header and the Rust module
 * (test/fixtures/sdk-harness/harness.c, harness.rs): building them, the script they read and
 * the lines they print (the same format for both).
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { sdkDir, type SdkRunInput } from './sdk-vectors.js';

const harnessDir = new URL('../fixtures/sdk-harness', import.meta.url).pathname;

const hex = (s: string): string => Buffer.from(s, 'utf8').toString('hex');

/** A step of a harness script: `call` uses qfi_decide, `should` qfi_should_fail (delays through the callback). */
export type CallMode = 'call' | 'should';

export function harnessScript(runs: Array<SdkRunInput & { points: string[] }>, mode: CallMode): string {
  const lines = ['limits'];
  runs.forEach((run, index) => {
    lines.push(`vector ${index}`, `init ${run.seed} ${hex(run.rules)}`);
    for (const p of run.register) lines.push(`register ${hex(p)}`);
    for (const p of run.points) lines.push(`${mode} ${hex(p)}`);
    lines.push('report');
  });
  return lines.join('\n') + '\n';
}

export interface HarnessDecision {
  fail: boolean;
  delayMs: number;
  /** Counts after the call (`call` mode only). */
  calls?: number;
  fails?: number;
}

export interface HarnessRun {
  init: { ok: true } | { ok: false; kind: string; line: number; column: number; message: string };
  registerStatus: string[];
  decisions: HarnessDecision[];
  /** `QFI-POINT:name` lines printed when registering. */
  registered: string[];
  /** `QFI-POINT:name calls=N fails=M` lines of the report. */
  report: string[];
  /** Everything else the SDK printed (`qfi: ...` lines: errors, with the line and a caret). */
  printed: string[];
}

export interface HarnessOutput {
  limits: number[];
  runs: HarnessRun[];
}

export function parseHarnessOutput(stdout: string): HarnessOutput {
  const out: HarnessOutput = { limits: [], runs: [] };
  let run: HarnessRun | undefined;
  let pendingDelay = 0;
  const current = (): HarnessRun => {
    if (!run) throw new Error('harness output before the first vector');
    return run;
  };
  for (const line of stdout.split('\n')) {
    if (line === '') continue;
    const [word, ...rest] = line.split(' ');
    if (word === 'limits') out.limits = rest.map(Number);
    else if (word === 'vector') {
      run = { init: { ok: true }, registerStatus: [], decisions: [], registered: [], report: [], printed: [] };
      out.runs.push(run);
    } else if (word === 'init') {
      current().init =
        rest[0] === 'ok' ? { ok: true } : { ok: false, kind: rest[1]!, line: Number(rest[2]), column: Number(rest[3]), message: rest.slice(4).join(' ') };
    } else if (word === 'register') current().registerStatus.push(rest[0]!);
    else if (word === 'delay') pendingDelay = Number(rest[0]);
    else if (word === 'call') {
      current().decisions.push({ fail: rest[0] === '1', delayMs: Number(rest[1]), calls: Number(rest[2]), fails: Number(rest[3]) });
    } else if (word === 'should') {
      current().decisions.push({ fail: rest[0] === '1', delayMs: pendingDelay });
      pendingDelay = 0;
    } else if (line === 'report end') continue;
    else if (line.startsWith('QFI-POINT:')) {
      // Report lines carry counts; a registration's line does not.
      if (/ calls=\d+ fails=\d+$/.test(line)) current().report.push(line);
      else current().registered.push(line);
    } else current().printed.push(line);
  }
  return out;
}

/** Compiles harness.c against the header with the host gcc; returns the binary. */
export async function buildCHarness(dir: string): Promise<string> {
  const bin = join(dir, 'harness-c');
  await execa('gcc', ['-std=c11', '-Wall', '-Wextra', '-Werror', '-O1', '-I', sdkDir, '-o', bin, join(harnessDir, 'harness.c')]);
  return bin;
}

/** rustc from PATH, rustup's ~/.cargo/bin, or Debian's package; undefined when none runs. */
export function findRustc(): string | undefined {
  for (const candidate of ['rustc', join(homedir(), '.cargo/bin/rustc'), '/usr/bin/rustc']) {
    try {
      execFileSync(candidate, ['--version'], { stdio: 'ignore' });
      return candidate;
    } catch {
      // not this one
    }
  }
  return undefined;
}

/** Compiles harness.rs with the module next to it; returns the binary. */
export async function buildRustHarness(dir: string, rustc: string): Promise<string> {
  copyFileSync(join(harnessDir, 'harness.rs'), join(dir, 'harness.rs'));
  copyFileSync(join(sdkDir, 'qfi_fault.rs'), join(dir, 'qfi_fault.rs'));
  const bin = join(dir, 'harness-rs');
  await execa(rustc, ['--edition=2021', '-D', 'warnings', '-o', bin, join(dir, 'harness.rs')]);
  return bin;
}
