/**
 * What QEMU's exit means for the run: a code the guest reported through its exit device, or an
 * infrastructure error (QEMU never started, or ended on its own with nothing to show for it).
 */
import type { ExitDevice } from '../config/types.js';
import type { GuestExit } from './types.js';
import type { ProcessExit } from './qemu-process.js';
import { decodeGuestExit, qemuReportedError } from './verdict-sources.js';

export interface ExitFacts {
  exit: ProcessExit;
  /** qfi's stop sequence ended QEMU (timeout, test over, interrupt). */
  stopped: boolean;
  exitDevice: ExitDevice;
  stderrTail: readonly string[];
  /** QEMU's binary name: its own errors on stderr start with it. */
  binaryName: string;
  /** The console showed a panic, oops or BUG. */
  crashed: boolean;
  commandExitCode: number | undefined;
  wallMs: number;
}

export interface ExitClassification {
  guestExit?: GuestExit;
  infraError?: string;
}

export function classifyExit(facts: ExitFacts): ExitClassification {
  const { exit, stderrTail } = facts;
  const out: ExitClassification = {};
  // Someone else ended QEMU (a signal from outside: a runner's cleanup, a user's kill): QEMU
  // exits 0 then and says so; the guest's cut-off console is no verdict on the test.
  const outside = facts.stopped ? undefined : outsideSignal(stderrTail);
  if (outside) {
    out.infraError = `QEMU was ended from outside qfi after ${(facts.wallMs / 1000).toFixed(1)} s (${outside}): the run was cut off, so nothing is known about the test`;
    return out;
  }
  // The guest ended QEMU through its exit device (not us, not a signal, not QEMU's own error).
  if (facts.exitDevice !== 'none' && !facts.stopped && !exit.signal && exit.code !== undefined && !qemuReportedError(stderrTail, facts.binaryName)) {
    const guestExit = decodeGuestExit(facts.exitDevice, exit.code);
    if (guestExit) out.guestExit = guestExit;
  }
  if (exit.failed && exit.code === undefined && exit.signal === undefined) {
    out.infraError = `QEMU could not be started: ${exit.message}`;
  } else if (!facts.stopped && !facts.crashed && facts.commandExitCode === undefined && out.guestExit === undefined && (exit.signal || exit.code !== 0)) {
    const how = exit.signal ? `was killed by ${exit.signal}` : `exited with code ${exit.code}`;
    out.infraError = `QEMU ${how} after ${(facts.wallMs / 1000).toFixed(1)} s${stderrTail.length ? `: ${stderrTail.slice(-5).join(' | ')}` : ''}${missingFirmwareHint(stderrTail)}`;
  }
  return out;
}

/** QEMU's own words when a signal ended it (`terminating on signal 15 from pid 123 (kill)`), if it said so. */
export function outsideSignal(stderr: readonly string[]): string | undefined {
  const line = stderr.find((l) => /: terminating on signal \d+/.test(l));
  return line?.slice(line.indexOf('terminating on signal')).trim();
}

/**
 * QEMU stops at once when a BIOS or an option ROM is missing; a QEMU qfi builds carries none
 * (--disable-install-blobs) and takes the distribution's, which may not be installed.
 */
export function missingFirmwareHint(stderr: readonly string[]): string {
  const missing = stderr.some((l) => /could not load PC BIOS|failed to find romfile|Could not open option rom|could not find .* firmware/i.test(l));
  return missing ? " (QEMU did not find its firmware: install the distribution's, on Debian/Ubuntu apt-get install seabios ipxe-qemu qemu-system-data)" : '';
}
