import { describe, expect, it } from 'vitest';
import type { ConsoleEvent } from '../../../src/run/types.js';
import type { VerdictSources } from '../../../src/plan/types.js';
import { decideVerdict } from '../../../src/observe/verdict.js';
import { runRecord } from '../../helpers/run-record.js';
import { decodeGuestExit, MarkerWatch, qemuReportedError } from '../../../src/run/verdict-sources.js';
import { readKtapFile } from '../../../src/observe/ktap-console.js';

const limits = { bootMs: 60_000, testMs: 10_000, overallMs: 130_000 };
const none = (over: Partial<VerdictSources>) => ({
  agent: 'none' as const,
  sources: { successMarker: undefined, failureMarker: undefined, exitDevice: 'none' as const, passExitCodes: [0], ...over },
});
const ev = (kind: ConsoleEvent['kind'], line = 1, text: string = kind): ConsoleEvent => ({ kind, line, atMs: 0, text });

const record = runRecord;

describe('MarkerWatch', () => {
  it('reports each marker at its first matching line, a failure before a success on the same line', () => {
    const watch = new MarkerWatch({ successMarker: 'PASS', failureMarker: '^FAIL' });
    expect(watch.check('booting', 1, 0)).toBeUndefined();
    expect(watch.check('FAIL and PASS', 2, 5)).toMatchObject({ kind: 'failure-marker', line: 2 });
    expect(watch.check('FAIL again', 3, 6)).toBeUndefined();
    expect(watch.check('PASS', 4, 7)).toMatchObject({ kind: 'success-marker', line: 4 });
    expect(watch.check('PASS', 5, 8)).toBeUndefined();
    expect(new MarkerWatch({ successMarker: undefined, failureMarker: undefined }).active).toBe(false);
  });
});

describe('decodeGuestExit', () => {
  it('reads isa-debug-exit statuses as (code << 1) | 1, 0 as a power-off, even statuses as none', () => {
    expect(decodeGuestExit('isa-debug-exit', 1)).toEqual({ kind: 'code', code: 0 });
    expect(decodeGuestExit('isa-debug-exit', 7)).toEqual({ kind: 'code', code: 3 });
    expect(decodeGuestExit('isa-debug-exit', 0)).toEqual({ kind: 'power-off' });
    expect(decodeGuestExit('isa-debug-exit', 2)).toBeUndefined();
  });
  it('reads semihosting statuses as the code itself', () => {
    expect(decodeGuestExit('semihosting', 0)).toEqual({ kind: 'code', code: 0 });
    expect(decodeGuestExit('semihosting', 42)).toEqual({ kind: 'code', code: 42 });
    expect(decodeGuestExit('none', 1)).toBeUndefined();
  });
  it("tells QEMU's own errors from its warnings", () => {
    expect(qemuReportedError(['qemu-system-x86_64: -device foo: not found'], 'qemu-system-x86_64')).toBe(true);
    expect(qemuReportedError(["qemu-system-x86_64: warning: host doesn't support requested feature"], 'qemu-system-x86_64')).toBe(false);
  });
});

describe('decideVerdict without an agent', () => {
  it('passes on a pass exit code, fails on another, naming the device and the pass codes', () => {
    const sources = { exitDevice: 'isa-debug-exit' as const, passExitCodes: [0, 3] };
    expect(decideVerdict(record({ guestExit: { kind: 'code', code: 3 } }), limits, none(sources))).toEqual({
      verdict: 'pass',
      reason: 'the guest exited with code 3 through isa-debug-exit',
    });
    expect(decideVerdict(record({ guestExit: { kind: 'code', code: 1 } }), limits, none(sources))).toEqual({
      verdict: 'fail',
      reason: 'the guest exited with code 1 through isa-debug-exit (pass-exit-codes: 0,3)',
    });
    expect(decideVerdict(record({ guestExit: { kind: 'power-off' } }), limits, none(sources)).reason).toBe(
      'the guest powered off without writing an exit code to isa-debug-exit',
    );
    expect(decideVerdict(record({ qemuExit: { code: undefined, signal: 'SIGKILL' } }), limits, none(sources)).verdict).toBe('infra-error');
  });

  it('needs the success marker when one is set, even with a pass exit code', () => {
    const sources = { exitDevice: 'semihosting' as const, successMarker: 'ALL OK' };
    expect(decideVerdict(record({ guestExit: { kind: 'code', code: 0 } }), limits, none(sources))).toMatchObject({
      verdict: 'fail',
      reason: expect.stringContaining('no console line matched success-marker /ALL OK/'),
    });
    expect(decideVerdict(record({ guestExit: { kind: 'code', code: 0 }, events: [ev('success-marker', 9, 'ALL OK')] }), limits, none(sources)).verdict).toBe(
      'pass',
    );
  });

  it('passes on the success marker alone, fails on the failure marker first, and never passes on a plain power-off', () => {
    expect(decideVerdict(record({ events: [ev('success-marker', 4, 'ALL OK')] }), limits, none({ successMarker: 'OK' }))).toEqual({
      verdict: 'pass',
      reason: 'console line 4 matched success-marker: ALL OK',
    });
    const both = record({ events: [ev('failure-marker', 3, 'FAIL: x'), ev('success-marker', 4, 'ALL OK')] });
    expect(decideVerdict(both, limits, none({ successMarker: 'OK', failureMarker: 'FAIL' }))).toEqual({
      verdict: 'fail',
      reason: 'console line 3 matched failure-marker /FAIL/: FAIL: x',
    });
    expect(decideVerdict(record({}), limits, none({ successMarker: 'OK' })).reason).toBe('the guest ended without printing success-marker /OK/');
    expect(decideVerdict(record({}), limits, none({})).verdict).toBe('fail');
  });

  it('calls a guest still running at the timeout a hang, and a kernel panic a panic', () => {
    expect(decideVerdict(record({ timedOut: 'test' }), limits, none({ successMarker: 'OK' }))).toEqual({
      verdict: 'hang',
      reason: 'the guest was still running after the test timeout of 10 s, without printing its success-marker',
    });
    expect(
      decideVerdict(record({ events: [ev('panic', 7, 'Kernel panic - not syncing: x'), ev('success-marker')] }), limits, none({ successMarker: 'x' })).verdict,
    ).toBe('panic');
  });

  it("also holds qfi's agent to the markers", () => {
    const qfi = { agent: 'qfi' as const, sources: { successMarker: 'SUITE OK', failureMarker: 'LEAK', exitDevice: 'none' as const, passExitCodes: [0] } };
    const exit0 = [ev('test-start'), ev('test-exit')];
    expect(decideVerdict(record({ commandExitCode: 0, events: exit0 }), limits, qfi).reason).toBe(
      'the test command exited with 0, but no console line matched success-marker /SUITE OK/',
    );
    expect(
      decideVerdict(record({ commandExitCode: 0, events: [...exit0, ev('success-marker'), ev('failure-marker', 5, 'LEAK in x')] }), limits, qfi).verdict,
    ).toBe('fail');
    expect(decideVerdict(record({ commandExitCode: 0, events: [...exit0, ev('success-marker')] }), limits, qfi).verdict).toBe('pass');
  });
});

describe('decideVerdict without an agent, on KTAP alone (recorded KUnit consoles)', () => {
  const corpus = (name: string) => new URL(`../../fixtures/corpus/${name}.log`, import.meta.url).pathname;

  it('passes when every test reported and none failed', () => {
    const ktap = readKtapFile(corpus('ktap-pass'));
    const result = decideVerdict(record({}), limits, { ...none({}), ktap });
    expect(result.verdict).toBe('pass');
    expect(result.reason).toMatch(/^KTAP: \d+ of \d+ tests passed/);
  });

  it('does not pass on a failing or cut-off stream', () => {
    for (const name of ['ktap-fail-kasan', 'ktap-nested-skip-truncated']) {
      const ktap = readKtapFile(corpus(name));
      expect(decideVerdict(record({}), limits, { ...none({}), ktap }).verdict, name).toBe('fail');
    }
  });
});
