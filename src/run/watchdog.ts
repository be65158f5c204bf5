/**
 * When the run must end without the guest ending it: the boot, test and overall timeouts, and
 * the short waits after an event that ends the run (a panic that would reboot, a crash in a
 * snapshot trial, a success or failure marker of a guest with no agent, a command that ended
 * but whose guest does not power off). `WatchdogState` is the pure machine (events and times
 * in, actions out); `Watchdog` runs it on one timer.
 */
import type { ConsoleEvent } from './types.js';

export type TimeoutKind = 'boot' | 'test' | 'overall';

export type WatchdogInput =
  /** A console or agent event. */
  | { kind: 'event'; event: ConsoleEvent }
  /** A vm.reset rule reset the guest: a new boot follows. */
  | { kind: 'reset' }
  /** A snapshot trial's state is loaded: its test goes on from here. */
  | { kind: 'resumed' }
  /** Time passed (the machine's own timer). */
  | { kind: 'tick' };

export type WatchdogAction =
  | { kind: 'timeout'; which: TimeoutKind }
  /** `power-off`: the command ended, but the guest did not power off within the grace. */
  | { kind: 'stop'; why: 'crash' | 'marker' | 'power-off' };

export interface WatchdogPolicy {
  timeouts: { bootMs: number; testMs: number; overallMs: number };
  /** The guest has an agent: its boot is timed until it reports ready. Without one the whole run is its test. */
  hasAgent: boolean;
  /** A snapshot trial: it resumes a booted guest (no boot to time), the first oops ends it, and its end is the snapshot driver's. */
  trial: boolean;
  /** vm.reset rules allow reboots: a panic would boot the guest again, so it ends the run. */
  rebootOnReset: boolean;
  /** No agent and no exit device: a success or failure marker is the end. */
  markersEnd: boolean;
}

/** How long a guest gets to power off after its command reported an exit code. */
export const POWER_OFF_GRACE_MS = 15_000;
/** After a crash or a failure marker: a moment more for the lines after it (a trace). */
export const CRASH_GRACE_MS = 1_000;

type Deadline = TimeoutKind | 'crash' | 'marker' | 'power-off';

export class WatchdogState {
  private readonly deadlines = new Map<Deadline, number>();
  private timedOut = false;

  constructor(
    private readonly policy: WatchdogPolicy,
    startMs = 0,
  ) {
    const { timeouts } = policy;
    if (policy.hasAgent && !policy.trial) this.deadlines.set('boot', startMs + timeouts.bootMs);
    if (!policy.hasAgent) this.deadlines.set('test', startMs + timeouts.testMs);
    this.deadlines.set('overall', startMs + timeouts.overallMs);
  }

  /** The earliest pending deadline (ms on the run's clock), if any. */
  nextDeadline(): number | undefined {
    const all = [...this.deadlines.values()];
    return all.length ? Math.min(...all) : undefined;
  }

  /** Feeds one input at `nowMs`; returns what is due, earliest first. */
  feed(input: WatchdogInput, nowMs: number): WatchdogAction[] {
    if (input.kind === 'event') this.onEvent(input.event, nowMs);
    else if (input.kind === 'reset') {
      this.deadlines.delete('test');
      if (this.policy.hasAgent) this.deadlines.set('boot', nowMs + this.policy.timeouts.bootMs);
    } else if (input.kind === 'resumed') this.deadlines.set('test', nowMs + this.policy.timeouts.testMs);
    return this.due(nowMs);
  }

  private onEvent(event: ConsoleEvent, nowMs: number): void {
    const { policy } = this;
    switch (event.kind) {
      case 'agent-ready':
        this.deadlines.delete('boot');
        break;
      case 'test-start':
        this.deadlines.set('test', nowMs + policy.timeouts.testMs);
        break;
      case 'test-exit':
        this.deadlines.delete('test');
        if (!policy.trial) this.soonest('power-off', nowMs + POWER_OFF_GRACE_MS);
        break;
      case 'panic':
      case 'oops':
      case 'bug':
        if ((event.kind === 'panic' && policy.rebootOnReset) || policy.trial) this.soonest('crash', nowMs + CRASH_GRACE_MS);
        break;
      case 'success-marker':
      case 'failure-marker':
        // A success ends at once.
        if (policy.markersEnd) this.soonest('marker', nowMs + (event.kind === 'failure-marker' ? CRASH_GRACE_MS : 0));
        break;
      default:
        break;
    }
  }

  private soonest(deadline: Deadline, at: number): void {
    this.deadlines.set(deadline, Math.min(at, this.deadlines.get(deadline) ?? Infinity));
  }

  private due(nowMs: number): WatchdogAction[] {
    const due = [...this.deadlines].filter(([, at]) => at <= nowMs).sort((a, b) => a[1] - b[1]);
    const actions: WatchdogAction[] = [];
    for (const [deadline] of due) {
      this.deadlines.delete(deadline);
      if (deadline === 'boot' || deadline === 'test' || deadline === 'overall') {
        // One timeout per run: the first one stops QEMU.
        if (this.timedOut) continue;
        this.timedOut = true;
        for (const kind of ['boot', 'test', 'overall'] as const) this.deadlines.delete(kind);
        actions.push({ kind: 'timeout', which: deadline });
      } else actions.push({ kind: 'stop', why: deadline });
    }
    return actions;
  }
}

/** Runs a WatchdogState on the run's clock with one timer for its next deadline. */
export class Watchdog {
  private timer: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(
    private readonly state: WatchdogState,
    private readonly now: () => number,
    private readonly onAction: (action: WatchdogAction) => void,
  ) {
    this.arm();
  }

  feed(input: WatchdogInput): void {
    if (this.closed) return;
    for (const action of this.state.feed(input, this.now())) this.onAction(action);
    this.arm();
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.timer);
  }

  private arm(): void {
    clearTimeout(this.timer);
    const next = this.state.nextDeadline();
    if (next === undefined || this.closed) return;
    this.timer = setTimeout(() => this.feed({ kind: 'tick' }), Math.max(0, next - this.now()));
  }
}
