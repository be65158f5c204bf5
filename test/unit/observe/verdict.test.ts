import { describe, expect, it } from 'vitest';
import type { ConsoleEvent } from '../../../src/run/types.js';
import { decideVerdict } from '../../../src/observe/verdict.js';
import { runRecord } from '../../helpers/run-record.js';

const limits = { bootMs: 60_000, testMs: 10_000, overallMs: 130_000 };
const ev = (kind: ConsoleEvent['kind'], extra: Partial<ConsoleEvent> = {}): ConsoleEvent => ({ kind, line: 1, atMs: 0, text: kind, ...extra });

const record = runRecord;

describe('decideVerdict', () => {
  it('passes only on exit 0 reported by the agent', () => {
    expect(decideVerdict(record({ commandExitCode: 0, events: [ev('test-start'), ev('test-exit', { exitCode: 0 })] }), limits).verdict).toBe('pass');
  });

  it('fails with the exit code in the reason', () => {
    const v = decideVerdict(record({ commandExitCode: 3 }), limits);
    expect(v).toEqual({ verdict: 'fail', reason: 'test command exited with 3' });
  });

  it('ranks a kernel panic above the exit code and names the console line', () => {
    const v = decideVerdict(record({ commandExitCode: 0, events: [ev('panic', { line: 42, text: 'Kernel panic - not syncing: x' })] }), limits);
    expect(v.verdict).toBe('panic');
    expect(v.reason).toContain('line 42');
  });

  it('maps timeouts: boot -> boot-timeout, test -> hang', () => {
    expect(decideVerdict(record({ timedOut: 'boot' }), limits).verdict).toBe('boot-timeout');
    expect(decideVerdict(record({ timedOut: 'test', events: [ev('test-start')] }), limits)).toMatchObject({
      verdict: 'hang',
      reason: expect.stringContaining('10 s'),
    });
    expect(decideVerdict(record({ timedOut: 'overall', events: [ev('test-start')] }), limits).verdict).toBe('hang');
    expect(decideVerdict(record({ timedOut: 'overall' }), limits).verdict).toBe('boot-timeout');
  });

  it('never passes a console that ends without the exit marker', () => {
    expect(decideVerdict(record({ events: [ev('test-start')] }), limits).verdict).toBe('panic');
    expect(decideVerdict(record({}), limits).verdict).toBe('panic');
  });

  it('reports QEMU crashes and start failures as infra-error', () => {
    expect(decideVerdict(record({ qemuExit: { code: undefined, signal: 'SIGSEGV' } }), limits).verdict).toBe('infra-error');
    expect(decideVerdict(record({ infraError: 'QEMU could not be started' }), limits).verdict).toBe('infra-error');
    expect(decideVerdict(record({ events: [ev('agent-error', { text: 'no fw_cfg' })] }), limits)).toMatchObject({
      verdict: 'infra-error',
      reason: 'guest agent failed: no fw_cfg',
    });
  });
});
