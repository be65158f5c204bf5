import type { RunRecord, Verdict } from '../core/types.js';
import type { RuleFires } from './injections.js';

export interface VerdictResult {
  verdict: Verdict;
  reason: string;
}

const seconds = (ms: number): string => `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;

/**
 * Decides the verdict from what the run recorded, crash before failure before pass
 * (kunit's priority). A console that ends without the agent's exit marker is a crash,
 * never a pass.
 */
export function decideVerdict(record: RunRecord, limits: { bootMs: number; testMs: number; overallMs: number }): VerdictResult {
  if (record.infraError) return { verdict: 'infra-error', reason: record.infraError };

  const crash = record.events.find((e) => e.kind === 'panic' || e.kind === 'oops' || e.kind === 'bug');
  if (crash) return { verdict: 'panic', reason: `kernel ${crash.kind} at console line ${crash.line}: ${crash.text.trim()}` };

  const agentError = record.events.find((e) => e.kind === 'agent-error');
  if (agentError) return { verdict: 'infra-error', reason: `guest agent failed: ${agentError.text}` };

  const started = record.events.some((e) => e.kind === 'test-start');
  if (record.timedOut === 'boot') {
    return { verdict: 'boot-timeout', reason: `no agent ready marker within the boot timeout of ${seconds(limits.bootMs)}` };
  }
  if (record.timedOut === 'test') {
    return { verdict: 'hang', reason: `test command still running after the test timeout of ${seconds(limits.testMs)}` };
  }
  if (record.timedOut === 'overall') {
    return started
      ? { verdict: 'hang', reason: `run exceeded the overall timeout of ${seconds(limits.overallMs)}` }
      : { verdict: 'boot-timeout', reason: `run exceeded the overall timeout of ${seconds(limits.overallMs)} before the test started` };
  }

  if (record.commandExitCode !== undefined) {
    return record.commandExitCode === 0
      ? { verdict: 'pass', reason: 'test command exited with 0' }
      : { verdict: 'fail', reason: `test command exited with ${record.commandExitCode}` };
  }

  const { code, signal } = record.qemuExit;
  if (signal || (code !== undefined && code !== 0)) {
    return { verdict: 'infra-error', reason: `QEMU ${signal ? `was killed by ${signal}` : `exited with code ${code}`} before the guest reported a result` };
  }
  return {
    verdict: 'panic',
    reason: started
      ? 'the guest stopped while the test command ran, without reporting an exit code (truncated console: a crash or reset)'
      : 'the guest stopped before the test command started (crash, reset or power-off during boot)',
  };
}

/**
 * `require-fired`: a passing fault test whose fault never happened proves nothing, so it
 * fails. A worse verdict (crash, hang) stays as it is.
 */
export function requireFired(result: VerdictResult, neverFired: readonly RuleFires[], required: boolean): VerdictResult {
  if (!required || neverFired.length === 0 || result.verdict !== 'pass') return result;
  const names = neverFired.map((r) => `${r.id} (${r.rule})`).join(', ');
  return { verdict: 'fail', reason: `require-fired: rule${neverFired.length === 1 ? '' : 's'} ${names} never fired, though the test command exited with 0` };
}
