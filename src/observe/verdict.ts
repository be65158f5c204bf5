import type { ConsoleEvent, RunRecord } from '../run/types.js';
import type { GuestAgent } from '../config/types.js';
import type { Verdict } from '../core/verdict.js';
import type { VerdictSources } from '../plan/types.js';
import { totalTests, type KtapReport } from './ktap.js';
import { ruleUseProblem, type RuleUse } from './rule-use.js';

export interface VerdictResult {
  verdict: Verdict;
  reason: string;
}

const seconds = (ms: number): string => `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;

/** How the guest runs its test and which extra verdict sources the run has; default: qfi's agent, no markers. */
export interface VerdictGuest {
  agent: GuestAgent;
  sources: VerdictSources;
  /** KTAP/TAP results the console carried: a guest without an agent may pass on them alone. */
  ktap?: KtapReport | undefined;
}

const QFI_AGENT: VerdictGuest = { agent: 'qfi', sources: { successMarker: undefined, failureMarker: undefined, exitDevice: 'none', passExitCodes: [0] } };

/**
 * Decides the verdict from what the run recorded, crash before failure before pass
 * (kunit's priority). A console that ends without the agent's exit marker is a crash,
 * never a pass; a guest without an agent passes only through a verdict source it was given.
 */
export function decideVerdict(
  record: RunRecord,
  limits: { bootMs: number; testMs: number; overallMs: number },
  guest: VerdictGuest = QFI_AGENT,
): VerdictResult {
  if (record.infraError) return { verdict: 'infra-error', reason: record.infraError };

  const crash = record.events.find((e) => e.kind === 'panic' || e.kind === 'oops' || e.kind === 'bug');
  if (crash) return { verdict: 'panic', reason: `kernel ${crash.kind} at console line ${crash.line}: ${crash.text.trim()}` };

  const agentError = record.events.find((e) => e.kind === 'agent-error');
  if (agentError) return { verdict: 'infra-error', reason: `guest agent failed: ${agentError.text}` };

  const failureMarker = record.events.find((e) => e.kind === 'failure-marker');
  const failed = failureMarker
    ? {
        verdict: 'fail' as const,
        reason: `console line ${failureMarker.line} matched failure-marker /${guest.sources.failureMarker ?? ''}/: ${failureMarker.text.trim()}`,
      }
    : undefined;

  if (guest.agent === 'none') return decideWithoutAgent(record, limits, guest.sources, failed, guest.ktap);

  const started = record.events.some((e) => e.kind === 'test-start');
  if (record.timedOut === 'boot') {
    const what = guest.agent === 'qemu-guest-agent' ? 'no answer from qemu-guest-agent (guest-ping)' : 'no agent ready marker';
    return { verdict: 'boot-timeout', reason: `${what} within the boot timeout of ${seconds(limits.bootMs)}` };
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
    if (record.commandExitCode !== 0) return { verdict: 'fail', reason: `test command exited with ${record.commandExitCode}` };
    if (failed) return failed;
    return missingSuccessMarker(record, guest.sources, 'the test command exited with 0') ?? { verdict: 'pass', reason: 'test command exited with 0' };
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

/** A success-marker was asked for and never seen: the run does not pass, whatever else said so. */
function missingSuccessMarker(record: RunRecord, sources: VerdictSources, otherwise: string): VerdictResult | undefined {
  if (sources.successMarker === undefined || record.events.some((e) => e.kind === 'success-marker')) return undefined;
  return { verdict: 'fail', reason: `${otherwise}, but no console line matched success-marker /${sources.successMarker}/` };
}

/**
 * Your kernel tests itself: a failure marker fails it, the exit device's code decides when there
 * is one, else the success marker. QEMU ending any other way proves nothing, so it never passes.
 */
function decideWithoutAgent(
  record: RunRecord,
  limits: { testMs: number; overallMs: number },
  sources: VerdictSources,
  failed: VerdictResult | undefined,
  ktap: KtapReport | undefined,
): VerdictResult {
  if (failed) return failed;
  if (record.timedOut) {
    const limit = record.timedOut === 'overall' ? `the overall timeout of ${seconds(limits.overallMs)}` : `the test timeout of ${seconds(limits.testMs)}`;
    const waited =
      sources.exitDevice !== 'none'
        ? `without an exit through ${sources.exitDevice}`
        : sources.successMarker !== undefined
          ? 'without printing its success-marker'
          : 'without a verdict';
    return { verdict: 'hang', reason: `the guest was still running after ${limit}, ${waited}` };
  }
  const success = record.events.find((e): e is ConsoleEvent => e.kind === 'success-marker');
  const exit = record.guestExit;
  if (sources.exitDevice !== 'none' && exit) {
    if (exit.kind === 'power-off') {
      return success
        ? { verdict: 'pass', reason: `console line ${success.line} matched success-marker (the guest powered off without an exit code)` }
        : { verdict: 'fail', reason: `the guest powered off without writing an exit code to ${sources.exitDevice}` };
    }
    const codes = sources.passExitCodes.join(',');
    if (!sources.passExitCodes.includes(exit.code))
      return { verdict: 'fail', reason: `the guest exited with code ${exit.code} through ${sources.exitDevice} (pass-exit-codes: ${codes})` };
    return (
      missingSuccessMarker(record, sources, `the guest exited with code ${exit.code} through ${sources.exitDevice}`) ?? {
        verdict: 'pass',
        reason: `the guest exited with code ${exit.code} through ${sources.exitDevice}`,
      }
    );
  }
  if (success && sources.exitDevice === 'none')
    return { verdict: 'pass', reason: `console line ${success.line} matched success-marker: ${success.text.trim()}` };

  const { code, signal } = record.qemuExit;
  if (signal || (code !== undefined && code !== 0)) {
    return { verdict: 'infra-error', reason: `QEMU ${signal ? `was killed by ${signal}` : `exited with code ${code}`} before the guest reported a result` };
  }
  if (sources.exitDevice !== 'none') return { verdict: 'fail', reason: `the guest ended without an exit code from ${sources.exitDevice}` };
  if (sources.successMarker !== undefined) return { verdict: 'fail', reason: `the guest ended without printing success-marker /${sources.successMarker}/` };
  // KTAP alone decides: every test reported, none failed (failures and cut-off streams are the
  // console findings' to report, which only make a verdict worse).
  const c = ktap?.counts;
  const total = c ? totalTests(c) : 0;
  if (ktap && c && total > 0 && (ktap.status === 'pass' || ktap.status === 'skip') && !ktap.streams.some((s) => s.truncated)) {
    return { verdict: 'pass', reason: `KTAP: ${c.passed} of ${total} test${total === 1 ? '' : 's'} passed${c.skipped ? `, ${c.skipped} skipped` : ''}` };
  }
  return { verdict: 'fail', reason: 'the guest ended, but nothing tells whether it passed: set success-marker or exit-device, or print KTAP results' };
}

/**
 * `require-fired`: a passing fault test whose fault never happened proves nothing, so it
 * fails: a rule nothing consulted, or a guest rule consulted but never fired. A worse verdict
 * (crash, hang) stays as it is.
 */
export function requireFired(result: VerdictResult, uses: readonly RuleUse[], required: boolean): VerdictResult {
  if (!required || result.verdict !== 'pass') return result;
  const problems = uses.map(ruleUseProblem).filter((p): p is string => p !== undefined);
  if (problems.length === 0) return result;
  return { verdict: 'fail', reason: `require-fired: ${problems.join('; ')}, though the test command passed` };
}
