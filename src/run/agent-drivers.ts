/**
 * The guest's agent, as the run talks to it. Agent events (ready, test start, command exit)
 * reach the run through `onEvent`; `release` answers a guest that waits for the host at a sync
 * point once the host's work there is done.
 *
 * - ConsoleAgent: qfi's agent, or a guest with none. Its markers are console lines (heard by
 *   the console listener); a waiting guest reads `go` (test start) and `ack NAME` (marker) on
 *   its console input.
 * - QemuGuestAgentDriver: qemu-guest-agent in the user's image runs the command over its
 *   socket and reports the same events; console markers are still answered on the console.
 */
import type { Logger } from '../core/host.js';
import type { ConsoleEvent } from './types.js';
import type { Plan } from '../plan/types.js';
import { runGuestAgentSession } from './guest-agent-session.js';
import { GO_LINE, ackLine } from '../protocol/guest-protocol.js';

/** Where the guest may wait for the host: the test start, or a marker by name. */
export type SyncPoint = { kind: 'start' } | { kind: 'marker'; name: string };

export interface AgentDriver {
  /** The host has done its work at `point`: a guest waiting there may go on. */
  release(point: SyncPoint): void;
  /** The run is stopping or QEMU is gone: end the conversation. */
  stop(reason: Error): void;
}

export class ConsoleAgent implements AgentDriver {
  constructor(
    private readonly sync: Pick<Plan['host'], 'syncTestStart' | 'syncMarkers'>,
    private readonly tellGuest: (line: string) => void,
  ) {}

  release(point: SyncPoint): void {
    if (point.kind === 'start' && this.sync.syncTestStart) this.tellGuest(GO_LINE);
    else if (point.kind === 'marker' && this.sync.syncMarkers.includes(point.name)) this.tellGuest(ackLine(point.name));
  }

  /** Nothing to end: the console is the process's. */
  stop(): void {}
}

export interface GuestAgentDriverOptions {
  socket: string;
  plan: Plan;
  resultsDir: string;
  log: Logger;
  startedAt: number;
  tellGuest: (line: string) => void;
  onEvent: (event: ConsoleEvent) => void;
  /** The guest refused to power off: the run ends QEMU itself. */
  onPowerOffRefused: () => void;
  /** The conversation failed (not because the run stopped). */
  onFailure: (err: Error) => void;
}

export class QemuGuestAgentDriver implements AgentDriver {
  private readonly session = new AbortController();
  private readonly console: ConsoleAgent;

  constructor(opts: GuestAgentDriverOptions) {
    this.console = new ConsoleAgent(opts.plan.host, opts.tellGuest);
    const { signal } = this.session;
    void runGuestAgentSession({ ...opts, command: opts.plan.command, signal }).catch((err: Error) => {
      if (!signal.aborted) opts.onFailure(err);
    });
  }

  release(point: SyncPoint): void {
    this.console.release(point);
  }

  stop(reason: Error): void {
    this.session.abort(reason);
  }
}
