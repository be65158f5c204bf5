import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { QemuProcess } from '../../../src/run/qemu-process.js';
import { recordingLogger } from '../../helpers/recording-logger.js';

// Real child processes stand in for QEMU: node scripts that print, read stdin, exit or ignore signals.
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'qfi-process-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function spawnScript(script: string, opts: { talksToGuest?: boolean; stopStepMs?: number } = {}) {
  const lines: string[] = [];
  const log: string[] = [];
  const proc = new QemuProcess([process.execPath, '-e', script], {
    consoleFile: join(dir, 'console.log'),
    stderrFile: join(dir, 'stderr.log'),
    talksToGuest: opts.talksToGuest ?? false,
    log: recordingLogger(log),
    onConsoleLine: (text) => lines.push(text),
    stopStepMs: opts.stopStepMs ?? 200,
  });
  return { proc, lines, log };
}

describe('QemuProcess', () => {
  it('tees the console with serial line ends cut, keeps the stderr tail and reports the exit code', async () => {
    const { proc, lines } = spawnScript(
      `process.stdout.write('one\\r\\ntw'); setTimeout(() => { process.stdout.write('o\\r\\nlast'); process.stderr.write('qemu: oh\\n\\nno'); process.exitCode = 3; }, 20);`,
    );
    const exit = await proc.exited;
    expect(exit).toMatchObject({ code: 3, signal: undefined });
    expect(readFileSync(join(dir, 'console.log'), 'utf8')).toBe('one\ntwo\nlast');
    expect(lines).toEqual(['one', 'two', 'last']);
    expect(readFileSync(join(dir, 'stderr.log'), 'utf8')).toBe('qemu: oh\n\nno');
    expect(proc.stderrTail).toEqual(['qemu: oh', 'no']);
    expect(proc.isStopping).toBe(false);
    expect(proc.hasEnded).toBe(true);
  });

  it('writes lines to the guest on stdin', async () => {
    const { proc, lines } = spawnScript(`process.stdin.once('data', (d) => { process.stdout.write('got ' + d); process.exit(0); }); console.log('waiting');`, {
      talksToGuest: true,
    });
    proc.tellGuest('go');
    await proc.exited;
    expect(lines).toEqual(['waiting', 'got go']);
    proc.tellGuest('after the end'); // ignored, not thrown
  });

  it('asks to quit first; a process that ends on SIGTERM is not killed', async () => {
    const { proc, log } = spawnScript(`console.log('up'); setInterval(() => {}, 1000);`);
    let quitAsked = 0;
    await new Promise((resolve) => setTimeout(resolve, 100));
    await proc.stop(async () => quitAsked++);
    const exit = await proc.exited;
    expect(quitAsked).toBe(1);
    expect(exit.signal).toBe('SIGTERM');
    expect(log).toEqual(['warn: QEMU did not quit over QMP; sending SIGTERM']);
    expect(proc.isStopping).toBe(true);
    expect([proc.sentSignal('SIGTERM'), proc.sentSignal('SIGKILL')]).toEqual([true, false]);
  });

  it('knows a signal it did not send: a process killed from outside as the stop begins is not stopped by qfi', async () => {
    const { proc } = spawnScript(`console.log('up'); setInterval(() => {}, 1000);`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    process.kill(proc.pid!, 'SIGKILL');
    await proc.stop();
    const exit = await proc.exited;
    expect(exit.signal).toBe('SIGKILL');
    expect(proc.sentSignal('SIGKILL')).toBe(false);
  });

  it('kills a process that ignores SIGTERM, and stopping twice is one stop', async () => {
    const { proc, log } = spawnScript(`process.on('SIGTERM', () => console.log('ignored')); console.log('up'); setInterval(() => {}, 1000);`);
    await new Promise((resolve) => setTimeout(resolve, 150));
    const first = proc.stop();
    expect(proc.stop()).toBe(first);
    await first;
    const exit = await proc.exited;
    expect(exit.signal).toBe('SIGKILL');
    expect(log).toEqual(['warn: QEMU did not quit over QMP; sending SIGTERM', 'warn: QEMU ignored SIGTERM; sending SIGKILL']);
  });

  it('reports a binary that cannot start as failed, without code or signal', async () => {
    const proc = new QemuProcess([join(dir, 'no-such-qemu')], {
      consoleFile: join(dir, 'console.log'),
      stderrFile: join(dir, 'stderr.log'),
      talksToGuest: false,
      log: recordingLogger([]),
      onConsoleLine: () => {},
    });
    const exit = await proc.exited;
    expect(exit).toMatchObject({ code: undefined, signal: undefined, failed: true });
    expect(exit.message).toMatch(/ENOENT/);
  });
});
