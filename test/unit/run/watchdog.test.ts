import { describe, expect, it } from 'vitest';
import type { ConsoleEvent } from '../../../src/run/types.js';
import {
  CRASH_GRACE_MS,
  POWER_OFF_GRACE_MS,
  Watchdog,
  WatchdogState,
  type WatchdogAction,
  type WatchdogInput,
  type WatchdogPolicy,
} from '../../../src/run/watchdog.js';

const timeouts = { bootMs: 60_000, testMs: 10_000, overallMs: 130_000 };
const policy = (over: Partial<WatchdogPolicy> = {}): WatchdogPolicy => ({
  timeouts,
  hasAgent: true,
  trial: false,
  rebootOnReset: false,
  markersEnd: false,
  ...over,
});
const event = (kind: ConsoleEvent['kind']): WatchdogInput => ({ kind: 'event', event: { kind, line: 1, atMs: 0, text: kind } });
const tick: WatchdogInput = { kind: 'tick' };

/** Feeds a script of [time, input] steps; returns every action with the time it came at. */
function play(machine: WatchdogState, script: Array<[number, WatchdogInput]>): Array<[number, WatchdogAction]> {
  return script.flatMap(([at, input]) => machine.feed(input, at).map((a): [number, WatchdogAction] => [at, a]));
}

describe('WatchdogState', () => {
  it('times the boot until the agent is ready, then the test from its start', () => {
    const m = new WatchdogState(policy());
    expect(m.nextDeadline()).toBe(60_000);
    expect(play(m, [[59_999, tick]])).toEqual([]);
    expect(play(m, [[60_000, tick]])).toEqual([[60_000, { kind: 'timeout', which: 'boot' }]]);
  });

  it('ends a test that outlives its timeout, counted from test-start', () => {
    const m = new WatchdogState(policy());
    const actions = play(m, [
      [5_000, event('agent-ready')],
      [6_000, event('test-start')],
      [15_999, tick],
      [16_000, tick],
    ]);
    expect(actions).toEqual([[16_000, { kind: 'timeout', which: 'test' }]]);
  });

  it('times out overall when the test timer never runs out, and only once', () => {
    const m = new WatchdogState(policy({ timeouts: { ...timeouts, testMs: 500_000 } }));
    const actions = play(m, [
      [1_000, event('agent-ready')],
      [2_000, event('test-start')],
      [130_000, tick],
      [502_000, tick],
    ]);
    expect(actions).toEqual([[130_000, { kind: 'timeout', which: 'overall' }]]);
    expect(m.nextDeadline()).toBeUndefined();
  });

  it('without an agent the whole run is the test: no boot timer', () => {
    const m = new WatchdogState(policy({ hasAgent: false }));
    expect(play(m, [[10_000, tick]])).toEqual([[10_000, { kind: 'timeout', which: 'test' }]]);
  });

  it('a trial has no boot; its test clock starts when the state is loaded, and a crash ends it', () => {
    const m = new WatchdogState(policy({ trial: true }));
    expect(play(m, [[60_000, tick]])).toEqual([]);
    expect(
      play(m, [
        [61_000, { kind: 'resumed' }],
        [62_000, event('oops')],
        [62_000 + CRASH_GRACE_MS, tick],
      ]),
    ).toEqual([[63_000, { kind: 'stop', why: 'crash' }]]);
  });

  it('a success marker ends a guest without agent at once, a failure marker after a grace', () => {
    const success = new WatchdogState(policy({ hasAgent: false, markersEnd: true }));
    expect(play(success, [[3_000, event('success-marker')]])).toEqual([[3_000, { kind: 'stop', why: 'marker' }]]);
    const failure = new WatchdogState(policy({ hasAgent: false, markersEnd: true }));
    expect(
      play(failure, [
        [3_000, event('failure-marker')],
        [3_999, tick],
        [4_000, tick],
      ]),
    ).toEqual([[4_000, { kind: 'stop', why: 'marker' }]]);
  });

  it('markers do not end the run when the verdict has other sources', () => {
    const m = new WatchdogState(policy({ hasAgent: false, markersEnd: false }));
    expect(
      play(m, [
        [3_000, event('success-marker')],
        [4_000, tick],
      ]),
    ).toEqual([]);
  });

  it('a panic ends the run after its grace only when the guest could reboot', () => {
    const noReboot = new WatchdogState(policy());
    expect(
      play(noReboot, [
        [1_000, event('agent-ready')],
        [2_000, event('panic')],
        [5_000, tick],
      ]),
    ).toEqual([]);
    const reboots = new WatchdogState(policy({ rebootOnReset: true }));
    expect(
      play(reboots, [
        [1_000, event('agent-ready')],
        [2_000, event('panic')],
        [2_999, tick],
        [3_000, event('panic')],
      ]),
    ).toEqual([[3_000, { kind: 'stop', why: 'crash' }]]);
  });

  it('after the command exits the guest gets a grace to power off; the test timer is off', () => {
    const m = new WatchdogState(policy());
    const actions = play(m, [
      [1_000, event('agent-ready')],
      [2_000, event('test-start')],
      [3_000, event('test-exit')],
      [12_000, tick],
      [3_000 + POWER_OFF_GRACE_MS, tick],
    ]);
    expect(actions).toEqual([[18_000, { kind: 'stop', why: 'power-off' }]]);
  });

  it('a trial ends with its test without a power-off grace', () => {
    const m = new WatchdogState(policy({ trial: true }));
    expect(
      play(m, [
        [0, { kind: 'resumed' }],
        [1_000, event('test-exit')],
      ]),
    ).toEqual([]);
    expect(m.nextDeadline()).toBe(130_000);
  });

  it('a reset starts a new boot: the test timer goes, the boot timer restarts', () => {
    const m = new WatchdogState(policy());
    const actions = play(m, [
      [1_000, event('agent-ready')],
      [2_000, event('test-start')],
      [5_000, { kind: 'reset' }],
      [12_000, tick],
      [64_999, tick],
      [65_000, tick],
    ]);
    expect(actions).toEqual([[65_000, { kind: 'timeout', which: 'boot' }]]);
  });
});

describe('Watchdog', () => {
  it('fires its deadlines on a real timer and stops after close', async () => {
    const actions: WatchdogAction[] = [];
    const started = Date.now();
    const dog = new Watchdog(
      new WatchdogState(policy({ hasAgent: false, timeouts: { bootMs: 1, testMs: 40, overallMs: 5_000 } })),
      () => Date.now() - started,
      (a) => actions.push(a),
    );
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(actions).toEqual([{ kind: 'timeout', which: 'test' }]);
    dog.feed({ kind: 'event', event: { kind: 'success-marker', line: 1, atMs: 0, text: 'ok' } });
    dog.close();
    dog.feed({ kind: 'event', event: { kind: 'test-start', line: 2, atMs: 0, text: 'late' } });
    expect(actions).toHaveLength(1);
  });
});
