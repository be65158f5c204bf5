import { guestPoints } from '../../../src/observe/guest-points.js';
import { describe, expect, it } from 'vitest';
import type { ConsoleEvent } from '../../../src/run/types.js';
import { ConsoleParser, classifyKernelLine, stripPrintkPrefix } from '../../../src/run/console-parser.js';
import { LogSummarizer } from '../../../src/observe/summarize.js';
import { loadConsoleFixture } from '../../helpers/console-fixture.js';

const kinds = (events: ConsoleEvent[]) => events.map((e) => e.kind);

describe('QFI-POINT lines', () => {
  const parser = new ConsoleParser('tok');
  it('register a point, or carry its counts; a later registration keeps the counts', () => {
    const events = ['QFI-POINT:alloc.frame', 'noise QFI-POINT:net.tx calls=4 fails=1', 'QFI-POINT:net.tx', 'QFI-POINT:bad..name', 'QFI-POINT:x calls=1']
      .map((t, i) => parser.parseLine(t, i + 1, 0))
      .filter((e) => e !== undefined);
    expect(guestPoints(events)).toEqual([
      { name: 'alloc.frame', calls: undefined, fails: undefined },
      { name: 'net.tx', calls: 4, fails: 1 },
    ]);
  });
});

describe('ConsoleParser on recorded consoles', () => {
  it('finds ready, start and exit=0 in a passing run, with the same line count as the runner saw', () => {
    const { meta, events, lines } = loadConsoleFixture('pass');
    expect(kinds(events)).toEqual(['agent-ready', 'test-start', 'test-exit']);
    expect(events[2]!.exitCode).toBe(0);
    expect(lines).toHaveLength(meta.consoleLines);
  });

  it("reads the guest's fault points and their counts (qfi-fault, then the agent's report)", () => {
    const { events } = loadConsoleFixture('points');
    expect(guestPoints(events)).toEqual([
      { name: 'net.tx', calls: 0, fails: 0 },
      { name: 'storage.read', calls: 3, fails: 1 },
    ]);
  });

  it("reads the kernel's sections the agent reports, matching the guest's own /proc/iomem", () => {
    const { events, lines } = loadConsoleFixture('regions');
    const regions = events.filter((e) => e.kind === 'region');
    expect(regions.map((e) => e.name)).toEqual(['kernel-code', 'kernel-rodata', 'kernel-data', 'kernel-bss']);
    // The test printed /proc/iomem (inclusive ends); the agent's ranges end one byte later.
    const iomem = lines.flatMap((l) => {
      const m = /^\s*([0-9a-f]+)-([0-9a-f]+) : Kernel (\w+)/.exec(l);
      return m ? [{ name: `kernel-${m[3]}`, value: `0x${BigInt(`0x${m[1]}`).toString(16)}-0x${(BigInt(`0x${m[2]}`) + 1n).toString(16)}` }] : [];
    });
    expect(iomem).toHaveLength(4);
    expect(regions.map((e) => ({ name: e.name, value: e.value }))).toEqual(iomem);
  });

  it('reads the exit code of a failing command', () => {
    const { events } = loadConsoleFixture('fail');
    expect(events.find((e) => e.kind === 'test-exit')?.exitCode).toBe(3);
  });

  it("ignores markers without this run's token: the test cannot fake a pass", () => {
    const { events } = loadConsoleFixture('fake-marker');
    expect(kinds(events)).toEqual(['agent-ready', 'test-start', 'test-exit']);
    expect(events[2]!.exitCode).toBe(2);
  });

  it('sees the sysrq panic and its call trace, and the summary keeps the trace', () => {
    const { events, summary } = loadConsoleFixture('panic-sysrq');
    expect(kinds(events)).toEqual(['agent-ready', 'test-start', 'panic', 'call-trace']);
    expect(events[2]!.text).toMatch(/Kernel panic - not syncing: sysrq triggered crash/);
    expect(summary.highlights[0]).toMatch(/Kernel panic/);
    expect(summary.highlights.join('\n')).toMatch(/sysrq_handle_crash/);
    expect(summary.tail.length).toBeGreaterThan(0);
  });

  it('has no exit marker in a hung run', () => {
    const { events, summary } = loadConsoleFixture('hang');
    expect(kinds(events)).toEqual(['agent-ready', 'test-start']);
    expect(summary.tail).toContain('sleeping');
  });
});

describe('guest markers', () => {
  it('read QFI-MARKER:NAME and QFI-MARKER:NAME=0xVALUE anywhere in a line', () => {
    const parser = new ConsoleParser('tok');
    expect(parser.parseLine('selfcheck: QFI-MARKER:page=0x1f2e3000', 7, 5)).toMatchObject({ kind: 'marker', name: 'page', value: '0x1f2e3000', line: 7 });
    expect(parser.parseLine('QFI-MARKER:warm', 8, 5)).toEqual({ kind: 'marker', name: 'warm', line: 8, atMs: 5, text: 'QFI-MARKER:warm' });
    expect(parser.parseLine('QFI-MARKER:', 9, 5)).toBeUndefined();
  });

  it('are progress, not problems, for the log summary', () => {
    const summarizer = new LogSummarizer();
    summarizer.addLine('QFI-MARKER:page=0x1000', new ConsoleParser('tok').parseLine('QFI-MARKER:page=0x1000', 1, 0));
    expect(summarizer.result().highlights).toEqual([]);
  });
});

describe('kernel line classification', () => {
  it('strips printk time stamps and levels', () => {
    expect(stripPrintkPrefix('[   12.345678] BUG: kernel NULL pointer dereference')).toBe('BUG: kernel NULL pointer dereference');
    expect(stripPrintkPrefix('<4>[    1.0] x')).toBe('x');
  });

  it('names the problem kinds Linux prints', () => {
    expect(classifyKernelLine('Kernel panic - not syncing: Fatal exception')).toBe('panic');
    expect(classifyKernelLine('BUG: unable to handle page fault for address: 0000000000000000')).toBe('oops');
    expect(classifyKernelLine('Oops: 0002 [#1] PREEMPT SMP NOPTI')).toBe('oops');
    expect(classifyKernelLine('general protection fault, probably for non-canonical address')).toBe('oops');
    expect(classifyKernelLine('BUG: KASAN: use-after-free in foo+0x1/0x2')).toBe('kasan');
    expect(classifyKernelLine('kernel BUG at mm/slub.c:42!')).toBe('bug');
    expect(classifyKernelLine('WARNING: CPU: 0 PID: 1 at kernel/fork.c:10 foo+0x1/0x2')).toBe('warning');
    expect(classifyKernelLine('Call Trace:')).toBe('call-trace');
    expect(classifyKernelLine('a test that prints BUG: in the middle is not a kernel BUG')).toBeUndefined();
  });
});
