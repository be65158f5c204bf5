/**
 * A snapshot trial's outcome class, against the golden (fault-free) runs: `benign` (same
 * output), `sdc` (the test passed with different output: silent data corruption), `detected`
 * (the test failed, or the kernel warned: the guest noticed), `crash` (panic, oops, BUG, or the
 * guest stopped), `hang` (the trial timeout). A trial that could not run is not classified.
 */
import type { ConsoleEvent } from '../../run/types.js';
import type { Verdict } from '../../core/verdict.js';
import { isProtocolLine } from '../../protocol/guest-protocol.js';

export const TRIAL_CLASSES = ['benign', 'sdc', 'detected', 'crash', 'hang'] as const;
export type TrialClass = (typeof TRIAL_CLASSES)[number];

export interface TrialOutcome {
  class: TrialClass;
  /** The verdict the trial reports (JUnit, campaign): benign passes, everything else does not. */
  verdict: Verdict;
  reason: string;
}

/**
 * The test's own output in a trial's console: agent markers, QFI-* lines, kernel messages
 * (printk time stamps) and blank lines removed, line ends normalised.
 */
export function testOutput(consoleText: string): string {
  return consoleText
    .split('\n')
    .map((line) => line.replace(/\r$/, ''))
    .filter((line) => line.trim() !== '' && !isProtocolLine(line) && !/^\[\s*\d+\.\d+\]/.test(line))
    .join('\n');
}

/** First differing line of two outputs, for the reason of an sdc trial. */
function firstDifference(golden: string, output: string): string {
  const a = golden.split('\n');
  const b = output.split('\n');
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] !== b[i]) return `line ${i + 1}: expected ${JSON.stringify(a[i] ?? '(end of output)')}, got ${JSON.stringify(b[i] ?? '(end of output)')}`;
  }
  return 'no line differs';
}

export function classifyTrial(
  run: { verdict: Verdict; reason: string; events: readonly ConsoleEvent[]; output: string },
  goldenOutput: string,
): TrialOutcome | undefined {
  switch (run.verdict) {
    case 'infra-error':
      return undefined;
    case 'panic':
      return { class: 'crash', verdict: 'panic', reason: run.reason };
    case 'hang':
    case 'boot-timeout':
      return { class: 'hang', verdict: 'hang', reason: run.reason };
    case 'fail':
      return { class: 'detected', verdict: 'fail', reason: `the guest reported the error: ${run.reason}` };
    case 'pass': {
      const warning = run.events.find((e) => e.kind === 'warning');
      if (warning) return { class: 'detected', verdict: 'fail', reason: `the kernel warned (console line ${warning.line}): ${warning.text.trim()}` };
      if (run.output === goldenOutput) return { class: 'benign', verdict: 'pass', reason: 'same output as the golden runs' };
      return {
        class: 'sdc',
        verdict: 'fail',
        reason: `silent data corruption: the test passed but its output differs from the golden runs' (${firstDifference(goldenOutput, run.output)})`,
      };
    }
  }
}
