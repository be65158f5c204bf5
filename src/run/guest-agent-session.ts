/**
 * A run's conversation with qemu-guest-agent inside the user's image: wait for the agent (the
 * boot is done when it answers), run the test command with `sh -c`, save its output, report the
 * same events qfi's own agent prints as markers, then ask the guest to power off.
 */
import { InfraError } from '../core/errors.js';
import { describeWriteFailure, LogFile, writeResultFile } from '../core/log-file.js';
import { join } from 'node:path';
import type { Logger } from '../core/host.js';
import type { ConsoleEvent } from './types.js';
import type { Plan } from '../plan/types.js';
import { RESULTS_FILES } from '../core/results-layout.js';
import { GuestAgent } from './guest-agent.js';

export interface GuestAgentSessionOptions {
  socket: string;
  plan: Plan;
  command: string;
  resultsDir: string;
  log: Logger;
  /** Time zero of the transcript and of event times: QEMU's start. */
  startedAt: number;
  /** Aborted when the run stops (timeout, interrupt, QEMU gone). */
  signal: AbortSignal;
  onEvent: (event: ConsoleEvent) => void;
  /** The guest could not be asked to power off: the runner ends QEMU itself. */
  onPowerOffRefused: () => void;
}

/** Files the session leaves in the results folder. */
export const GUEST_AGENT_FILES = { transcript: RESULTS_FILES.qgaTranscript, stdout: RESULTS_FILES.commandStdout, stderr: RESULTS_FILES.commandStderr } as const;

/** A plain environment: guest-exec replaces qemu-ga's own, which has no PATH worth having. */
function commandEnv(plan: Plan): Record<string, string> {
  return {
    PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
    HOME: '/root',
    LANG: 'C.UTF-8',
    QFI_SEED: String(plan.seed),
    QFI_RULES: plan.guestRules.join('\n'),
  };
}

/** Copies `results-file` out of the guest; a missing file is left for the verdict to report. */
async function fetchResultsFile(agent: GuestAgent, path: string, opts: GuestAgentSessionOptions): Promise<void> {
  try {
    const bytes = await agent.readFile(path, { signal: opts.signal });
    writeResultFile(join(opts.resultsDir, RESULTS_FILES.guestResults), bytes);
    opts.log.info(`results file ${path}: ${bytes.length} bytes copied to ${RESULTS_FILES.guestResults}`);
  } catch (err) {
    if (opts.signal.aborted) throw err;
    opts.log.warn(`could not read results file ${path} from the guest: ${(err as Error).message}`);
  }
}

/**
 * Drives the agent until the command has ended and the power-off was asked for. Problems of the
 * agent itself reject (the runner records an infrastructure error); a boot or test timeout is the
 * runner's to notice (its timers), which aborts `signal`.
 */
export async function runGuestAgentSession(opts: GuestAgentSessionOptions): Promise<void> {
  const transcript = new LogFile(join(opts.resultsDir, GUEST_AGENT_FILES.transcript));
  const at = () => Date.now() - opts.startedAt;
  let agent: GuestAgent | undefined;
  try {
    agent = await GuestAgent.connect(opts.socket, { log: transcript, startedAt: opts.startedAt, signal: opts.signal });
    // Until the boot timeout (the runner's timer aborts us then).
    const ready = await agent.waitReady({ timeoutMs: opts.plan.timeouts.bootMs + 60_000, signal: opts.signal });
    opts.log.info(
      `qemu-guest-agent answered ${(at() / 1000).toFixed(1)} s after QEMU started (${ready.attempts} sync attempt${ready.attempts === 1 ? '' : 's'})`,
    );
    opts.onEvent({ kind: 'agent-ready', line: 0, atMs: at(), text: '(qemu-guest-agent answered guest-ping)' });

    opts.onEvent({ kind: 'test-start', line: 0, atMs: at(), text: '(guest-exec sh -c COMMAND)' });
    const result = await agent.run({ path: 'sh', args: ['-c', opts.command], env: commandEnv(opts.plan) }, { signal: opts.signal });
    writeResultFile(join(opts.resultsDir, GUEST_AGENT_FILES.stdout), result.stdout);
    writeResultFile(join(opts.resultsDir, GUEST_AGENT_FILES.stderr), result.stderr);
    for (const [stream, truncated] of [
      ['stdout', result.stdoutTruncated],
      ['stderr', result.stderrTruncated],
    ] as const) {
      if (truncated) opts.log.warn(`the command's ${stream} was longer than qemu-guest-agent keeps (16 MiB); ${GUEST_AGENT_FILES[stream]} has its start`);
    }
    // Before test-exit, as the built-in agent does: the command's time covers handing over its results.
    if (opts.plan.resultsFile !== undefined) await fetchResultsFile(agent, opts.plan.resultsFile, opts);
    // A signal ends a shell command with 128 + signal, as the built-in agent reports it.
    const exitCode = result.exitCode ?? 128 + (result.signal ?? 0);
    opts.onEvent({ kind: 'test-exit', line: 0, atMs: at(), text: `(guest-exec-status: exit code ${exitCode})`, exitCode });
    // guest-shutdown runs `shutdown`, which needs systemd-logind and D-Bus: an image without them
    // refuses, and the run is over anyway.
    await agent.shutdown({ mode: 'powerdown', signal: opts.signal }).catch((err: Error) => {
      if (opts.signal.aborted) return;
      opts.log.warn(`the guest did not accept guest-shutdown (${err.message}); stopping QEMU`);
      opts.onPowerOffRefused();
    });
  } finally {
    agent?.close();
    await transcript.end();
  }
  if (transcript.failure) throw new InfraError(describeWriteFailure(transcript.failure));
}
