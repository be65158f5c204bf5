import { describe, expect, it } from 'vitest';
import { classifyExit, type ExitFacts } from '../../../src/run/exit-classification.js';

const facts = (over: Partial<ExitFacts> = {}): ExitFacts => ({
  exit: { code: 0, signal: undefined, failed: false, message: '' },
  stopped: false,
  exitDevice: 'none',
  stderrTail: [],
  binaryName: 'qemu-system-x86_64',
  crashed: false,
  commandExitCode: undefined,
  wallMs: 2_500,
  ...over,
});

describe('classifyExit', () => {
  it('reads a guest code from isa-debug-exit when QEMU ended on its own', () => {
    expect(classifyExit(facts({ exitDevice: 'isa-debug-exit', exit: { code: 7, signal: undefined, failed: true, message: '' } }))).toEqual({
      guestExit: { kind: 'code', code: 3 },
    });
    expect(classifyExit(facts({ exitDevice: 'isa-debug-exit' }))).toEqual({ guestExit: { kind: 'power-off' } });
  });

  it('does not read a guest code when qfi stopped QEMU or QEMU reported its own error', () => {
    expect(classifyExit(facts({ exitDevice: 'semihosting', stopped: true }))).toEqual({});
    const own = classifyExit(
      facts({
        exitDevice: 'isa-debug-exit',
        exit: { code: 1, signal: undefined, failed: true, message: '' },
        stderrTail: ['qemu-system-x86_64: -drive bad: No such file'],
      }),
    );
    expect(own.guestExit).toBeUndefined();
    expect(own.infraError).toBe('QEMU exited with code 1 after 2.5 s: qemu-system-x86_64: -drive bad: No such file');
  });

  it('a QEMU ended by a signal from outside is an infrastructure error in its own words, whatever the console shows', () => {
    // As QEMU 7.2 wrote it to stderr for `kill -HUP` (and `kill -TERM`: signal 15), exiting 0.
    const line = 'qemu-system-x86_64: terminating on signal 1 from pid 24474 (<unknown process>)';
    const outcome = classifyExit(facts({ stderrTail: [line], crashed: true, wallMs: 4_000 }));
    expect(outcome).toEqual({
      infraError:
        'QEMU was ended from outside qfi after 4.0 s (terminating on signal 1 from pid 24474 (<unknown process>)): the run was cut off, so nothing is known about the test',
    });
    // qfi's own stop sends SIGTERM too: that is no outside signal.
    expect(classifyExit(facts({ stderrTail: [line.replace('signal 1', 'signal 15')], stopped: true }))).toEqual({});
  });

  it('a QEMU that never started is an infrastructure error', () => {
    expect(classifyExit(facts({ exit: { code: undefined, signal: undefined, failed: true, message: 'spawn qemu ENOENT' } }))).toEqual({
      infraError: 'QEMU could not be started: spawn qemu ENOENT',
    });
  });

  it('a QEMU killed by a signal is an error unless qfi stopped it, the guest crashed or the command ended', () => {
    const killed = facts({ exit: { code: undefined, signal: 'SIGSEGV', failed: true, message: '' } });
    expect(classifyExit(killed).infraError).toBe('QEMU was killed by SIGSEGV after 2.5 s');
    expect(classifyExit({ ...killed, stopped: true })).toEqual({});
    expect(classifyExit({ ...killed, crashed: true })).toEqual({});
    expect(classifyExit({ ...killed, commandExitCode: 0 })).toEqual({});
  });

  it('keeps the last five stderr lines and the firmware hint', () => {
    const tail = ['a', 'b', 'c', 'd', "qemu: could not load PC BIOS 'bios-256k.bin'", 'f'];
    const { infraError } = classifyExit(facts({ exit: { code: 1, signal: undefined, failed: true, message: '' }, stderrTail: tail }));
    expect(infraError).toMatch(
      /^QEMU exited with code 1 after 2\.5 s: b \| c \| d \| qemu: could not load PC BIOS 'bios-256k.bin' \| f \(QEMU did not find its firmware/,
    );
  });

  it('a clean exit is no error', () => {
    expect(classifyExit(facts())).toEqual({});
  });
});
