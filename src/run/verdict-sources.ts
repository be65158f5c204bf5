/**
 * The verdict sources of a guest that has no qfi agent: success/failure markers on the console
 * and the exit code of an exit device. Pure: the runner feeds lines and QEMU's exit status.
 */
import type { ConsoleEvent, GuestExit } from './types.js';
import type { ExitDevice } from '../config/types.js';
import type { VerdictSources } from '../plan/types.js';

/** Matches console lines against the run's markers; each marker is reported at its first match. */
export class MarkerWatch {
  private readonly success: RegExp | undefined;
  private readonly failure: RegExp | undefined;
  private seenSuccess = false;
  private seenFailure = false;

  constructor(sources: Pick<VerdictSources, 'successMarker' | 'failureMarker'>) {
    this.success = sources.successMarker === undefined ? undefined : new RegExp(sources.successMarker);
    this.failure = sources.failureMarker === undefined ? undefined : new RegExp(sources.failureMarker);
  }

  get active(): boolean {
    return this.success !== undefined || this.failure !== undefined;
  }

  check(text: string, line: number, atMs: number): ConsoleEvent | undefined {
    // A failure wins over a success on the same line.
    if (this.failure && !this.seenFailure && this.failure.test(text)) {
      this.seenFailure = true;
      return { kind: 'failure-marker', line, atMs, text };
    }
    if (this.success && !this.seenSuccess && this.success.test(text)) {
      this.seenSuccess = true;
      return { kind: 'success-marker', line, atMs, text };
    }
    return undefined;
  }
}

/**
 * What QEMU's exit status says about the guest, or undefined when it says nothing (QEMU's own
 * error). isa-debug-exit: a write of V exits with (V << 1) | 1, so an odd status is a guest
 * code (0 to 127 survive the 8-bit status) and 0 is a power-off without one. semihosting:
 * SYS_EXIT's code is the status itself; a PSCI power-off also ends QEMU with 0, read as 0.
 */
export function decodeGuestExit(device: ExitDevice, status: number): GuestExit | undefined {
  switch (device) {
    case 'isa-debug-exit':
      if (status === 0) return { kind: 'power-off' };
      return status % 2 === 1 ? { kind: 'code', code: (status - 1) / 2 } : undefined;
    case 'semihosting':
      return { kind: 'code', code: status };
    case 'none':
      return undefined;
  }
}

/**
 * QEMU reports its own errors on stderr as `qemu-system-x86_64: …` (and exits with 1, which
 * isa-debug-exit also gives for a guest's 0); a guest's exit prints nothing there. Warnings do
 * not end QEMU.
 */
export function qemuReportedError(stderrLines: readonly string[], binaryName: string): boolean {
  return stderrLines.some((l) => l.startsWith(`${binaryName}:`) && !l.startsWith(`${binaryName}: warning:`));
}
