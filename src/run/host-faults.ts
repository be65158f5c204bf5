/**
 * Carries out host rules while QEMU runs: opens and closes each rule's window (from boot or
 * test start, after a delay, on a guest marker, for a duration), swaps a disk's blkdebug node
 * when its open rules change, and sends the QMP commands of timed VM/network faults.
 *
 * A disk swap happens with the VM stopped: blockdev-add of a fresh blkdebug node over the
 * image's file node, then blockdev-reopen of the format node onto it (QEMU refuses to reopen
 * blkdebug itself with other rules); with no rule open, the format node goes back onto the
 * file node. Rules that stay open keep counting: the new node starts in the state their
 * request counts (from the block trace) say.
 */
import { closeSync, mkdirSync, openSync, readSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from '../core/host.js';
import type { Plan } from '../plan/types.js';
import { BlockTraceReader, type BlockFailure } from './block-trace.js';
import type { PlannedDisk } from '../plan/host-plan.js';
import { compileBlkdebug, rateFails } from '../rules/blkdebug.js';
import type { BlockRule, HostRule, TimedRule } from '../rules/host-rules.js';
import type { QmpClient } from './qmp-client.js';
import { RESULTS_FILES } from '../core/results-layout.js';
import { writeResultFile } from '../core/log-file.js';

/** The rules in force on a disk from `at` (epoch ms) on, highest priority first. */
export interface WindowChange {
  at: number;
  disk: string;
  open: string[];
  /** Requests of each kind the disk had seen before the change (from the block trace). */
  before: Record<'read' | 'write' | 'flush', number>;
}

/** One timed fault the runner carried out (or tried to). */
export interface TimedFire {
  rule: string;
  text: string;
  point: TimedRule['point'];
  /** Epoch ms. */
  at: number;
  /** 0 when the window opened, then 1, 2... per second. */
  tick: number;
  durationMs: number | undefined;
  error?: string;
}

type Phase = 'waiting' | 'delayed' | 'awaiting-marker' | 'open' | 'closed';

interface RuleState {
  rule: HostRule;
  phase: Phase;
  /** Requests of its kind the disk had seen when the rule's blkdebug node went in: its count starts there. */
  countedBefore?: number;
}

export interface HostFaultOptions {
  log: Logger;
  resultsDir: string;
  /** Disk id -> image path, as QEMU opened it (for the block trace). */
  images: ReadonlyMap<string, string>;
  /** QEMU's block trace file (-D), when the run has block rules. */
  traceFile: string | undefined;
  /** Whether QEMU was started with -S. */
  startsPaused: boolean;
  /** After each vm.reset: the runner expects a new boot. */
  onReset: () => void;
}

/** Guest requests that reached one disk's image. */
export interface DiskRequests {
  disk: string;
  read: number;
  write: number;
  flush: number;
}

const TICK_MS = 1000;

export class HostFaults {
  readonly windowLog: WindowChange[] = [];
  readonly fires: TimedFire[] = [];
  readonly trace: BlockTraceReader;
  private readonly states: RuleState[];
  private readonly timers = new Set<NodeJS.Timeout>();
  private qmp: QmpClient | undefined;
  /** One QMP conversation at a time: swaps and timed faults never interleave. */
  private queue: Promise<void> = Promise.resolve();
  private running: boolean;
  /** Pauses held by vm.pause rules: `cont` waits until none is left. */
  private pauseHolds = 0;
  private generation = 0;
  private readonly blkdebugNodes = new Map<string, string>();
  private traceTail: { fd: number; offset: number; partial: string; buf: Buffer } | undefined;
  private closed = false;
  private atTestStart: Map<string, DiskRequests> | undefined;

  constructor(
    private readonly plan: Plan,
    private readonly opts: HostFaultOptions,
  ) {
    this.states = plan.host.hostRules.map((rule) => ({ rule, phase: 'waiting' }));
    this.running = !opts.startsPaused;
    this.trace = new BlockTraceReader(new Map([...opts.images].map(([disk, image]) => [image, disk])));
  }

  /** QMP is up (QEMU may be paused with -S): rules from boot start their clocks at QEMU's start. */
  async start(qmp: QmpClient, elapsedMs: number): Promise<void> {
    this.qmp = qmp;
    await this.arm('boot', elapsedMs);
  }

  /** The test command is about to start (the guest waits for us when it must). */
  async testStarted(): Promise<void> {
    this.pollTrace();
    this.atTestStart = new Map(this.plan.host.disks.map((d) => [d.id, this.diskTotals(d.id)]));
    await this.arm('test', 0);
  }

  /** Each disk's requests from the test's start to QEMU's end (after finish), when the test started. */
  testRequests(): DiskRequests[] | undefined {
    const start = this.atTestStart;
    if (!start) return undefined;
    return this.plan.host.disks.map((d) => {
      const before = start.get(d.id)!;
      const now = this.diskTotals(d.id);
      return { disk: d.id, read: now.read - before.read, write: now.write - before.write, flush: now.flush - before.flush };
    });
  }

  private diskTotals(disk: string): DiskRequests {
    return { disk, read: this.trace.total(disk, 'read'), write: this.trace.total(disk, 'write'), flush: this.trace.total(disk, 'flush') };
  }

  /** A guest marker: open the rules waiting for it. */
  async marker(name: string): Promise<void> {
    const opening = this.states.filter((s) => s.phase === 'awaiting-marker' && s.rule.window.on === name);
    await this.open(opening);
  }

  /** What the rules did, for the run's record (after finish). */
  record(): HostFaultRecord {
    return {
      windows: this.windowLog,
      fires: this.fires,
      failures: this.trace.failures,
      unmatchedRequests: this.trace.unmatched,
      testRequests: this.testRequests(),
    };
  }

  /** QEMU is gone: stop every timer, read the rest of the trace. */
  finish(): void {
    this.closed = true;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    this.pollTrace();
    if (this.traceTail) closeSync(this.traceTail.fd);
    this.traceTail = undefined;
  }

  private async arm(base: 'boot' | 'test', elapsedMs: number): Promise<void> {
    const now: RuleState[] = [];
    for (const state of this.states) {
      if (state.phase !== 'waiting' || state.rule.window.from !== base) continue;
      const delay = state.rule.window.afterMs - elapsedMs;
      if (delay <= 0) {
        if (state.rule.window.on !== undefined) state.phase = 'awaiting-marker';
        else now.push(state);
        continue;
      }
      state.phase = 'delayed';
      this.after(delay, () => {
        if (state.rule.window.on !== undefined) state.phase = 'awaiting-marker';
        else void this.open([state]);
      });
    }
    await this.open(now);
  }

  private async open(states: RuleState[]): Promise<void> {
    if (states.length === 0 || this.closed) return;
    for (const state of states) {
      state.phase = 'open';
      this.opts.log.info(`host rule ${state.rule.id} opens: ${state.rule.text}`);
      const forMs = state.rule.window.forMs;
      if (forMs !== undefined) this.after(forMs, () => void this.close(state));
    }
    const blocks = states.filter((s) => s.rule.layer === 'block');
    await this.swapDisks(blocks.map((s) => (s.rule as BlockRule).disk!));
    // Tick 0 is carried out before the opening counts as done (a marker's ack waits for it).
    await Promise.all(states.filter((s) => s.rule.layer !== 'block').map((s) => this.startTicking(s)));
  }

  private async close(state: RuleState): Promise<void> {
    if (state.phase !== 'open' || this.closed) return;
    state.phase = 'closed';
    this.opts.log.info(`host rule ${state.rule.id} closes: ${state.rule.text}`);
    if (state.rule.layer === 'block') await this.swapDisks([state.rule.disk!]);
  }

  private swapDisks(diskIds: string[]): Promise<void> {
    const disks = this.plan.host.disks.filter((d) => diskIds.includes(d.id));
    if (disks.length === 0) return Promise.resolve();
    return this.serial(() =>
      this.withVmStopped(async () => {
        for (const disk of disks) await this.swapDisk(disk);
      }),
    );
  }

  private async swapDisk(disk: PlannedDisk): Promise<void> {
    const qmp = this.requireQmp();
    this.pollTrace();
    const open = this.states.filter((s) => s.phase === 'open' && s.rule.layer === 'block' && s.rule.disk === disk.id);
    const rules = open.map((s) => s.rule as BlockRule);
    const total = (op: BlockRule['op']) => this.trace.total(disk.id, op);
    const seen = new Map(open.map((s) => [s.rule.id, s.countedBefore === undefined ? 0 : total((s.rule as BlockRule).op) - s.countedBefore]));
    const previous = this.blkdebugNodes.get(disk.id);
    const readOnly = disk.readOnly ? { 'read-only': true } : {};
    let file = disk.fileNode;
    if (rules.length > 0) {
      const config = compileBlkdebug({ format: disk.format, rules, seed: this.plan.seed, seen });
      const node = `qfi-${disk.id}-bd${++this.generation}`;
      const dir = join(this.opts.resultsDir, RESULTS_FILES.blkdebug);
      mkdirSync(dir, { recursive: true });
      const configFile = join(dir, `${node}.conf`);
      writeResultFile(configFile, config.text);
      await qmp.execute('blockdev-add', { driver: 'blkdebug', 'node-name': node, image: disk.fileNode, config: configFile, ...readOnly }, 30_000);
      file = node;
      this.opts.log.debug(`disk ${disk.id}: blkdebug node ${node} with ${config.states} state(s), ${config.rules} rule(s)`);
    }
    const at = Date.now();
    await qmp.execute('blockdev-reopen', { options: [{ driver: disk.format, 'node-name': disk.formatNode, file, ...readOnly }] }, 30_000);
    if (previous !== undefined) await qmp.execute('blockdev-del', { 'node-name': previous });
    if (rules.length > 0) this.blkdebugNodes.set(disk.id, file);
    else this.blkdebugNodes.delete(disk.id);
    for (const s of open) s.countedBefore ??= total((s.rule as BlockRule).op);
    const before = { read: total('read'), write: total('write'), flush: total('flush') };
    this.windowLog.push({ at, disk: disk.id, open: rules.map((r) => r.id), before });
  }

  /** Timed faults: tick 0 when the window opens, then one tick per second until it closes. */
  private startTicking(state: RuleState): Promise<void> {
    const rule = state.rule as TimedRule;
    let tick = 0;
    const step = (): Promise<void> => {
      if (state.phase !== 'open' || this.closed) return Promise.resolve();
      const fired = firesAt(rule, tick, this.plan.seed) ? this.fire(rule, tick) : Promise.resolve();
      if (rule.action.kind !== 'fail') {
        // fail fires once, at the opening; the others tick every second.
        tick++;
        this.after(TICK_MS, () => void step());
      }
      return fired;
    };
    return step();
  }

  private fire(rule: TimedRule, tick: number): Promise<void> {
    return this.serial(async () => {
      const qmp = this.requireQmp();
      const record: TimedFire = { rule: rule.id, text: rule.text, point: rule.point, at: Date.now(), tick, durationMs: undefined };
      this.fires.push(record);
      try {
        switch (rule.point) {
          case 'vm.pause':
            record.durationMs = rule.durationMs;
            this.pauseHolds++;
            if (this.running) {
              await qmp.execute('stop');
              this.running = false;
            }
            this.after(rule.durationMs, () => void this.serial(() => this.releasePause()));
            break;
          case 'vm.nmi':
            await qmp.execute('inject-nmi');
            break;
          case 'vm.reset':
            await qmp.execute('system_reset');
            this.opts.onReset();
            break;
          case 'net.link':
            record.durationMs = rule.durationMs;
            await qmp.execute('set_link', { name: this.plan.host.nicId!, up: false });
            this.after(rule.durationMs, () => void this.serial(() => qmp.execute('set_link', { name: this.plan.host.nicId!, up: true }).then(() => undefined)));
            break;
        }
        this.opts.log.info(`host fault ${rule.id} fired (${rule.text}${tick > 0 ? `, tick ${tick}` : ''})`);
      } catch (err) {
        record.error = (err as Error).message;
        this.opts.log.warn(`host fault ${rule.id} (${rule.text}) failed: ${record.error}`);
      }
    });
  }

  private async releasePause(): Promise<void> {
    this.pauseHolds--;
    if (this.pauseHolds === 0 && !this.running && !this.closed) {
      await this.requireQmp().execute('cont');
      this.running = true;
    }
  }

  /** Stops the VM around `fn` (no request in flight while a disk's graph changes) unless it is already stopped. */
  private async withVmStopped(fn: () => Promise<void>): Promise<void> {
    const qmp = this.requireQmp();
    const wasRunning = this.running;
    if (wasRunning) {
      await qmp.execute('stop');
      this.running = false;
    }
    try {
      await fn();
    } finally {
      if (wasRunning && this.pauseHolds === 0 && !this.closed) {
        await qmp.execute('cont');
        this.running = true;
      }
    }
  }

  /** The runner releases QEMU's -S pause once the boot rules are in place. */
  async resume(): Promise<void> {
    await this.serial(async () => {
      if (this.running || this.pauseHolds > 0) return;
      await this.requireQmp().execute('cont');
      this.running = true;
    });
  }

  private serial(fn: () => Promise<void>): Promise<void> {
    const next = this.queue.then(fn, fn);
    this.queue = next.catch((err: Error) => this.opts.log.warn(`host faults: ${err.message}`));
    return next;
  }

  private requireQmp(): QmpClient {
    if (!this.qmp) throw new Error('QMP is not connected, so host rules cannot be carried out');
    return this.qmp;
  }

  private after(ms: number, fn: () => void): void {
    if (this.closed) return;
    const t = setTimeout(() => {
      this.timers.delete(t);
      fn();
    }, ms);
    this.timers.add(t);
  }

  /** Reads what QEMU appended to the block trace since the last call. */
  pollTrace(): void {
    if (!this.opts.traceFile) return;
    try {
      this.traceTail ??= { fd: openSync(this.opts.traceFile, 'r'), offset: 0, partial: '', buf: Buffer.alloc(1 << 16) };
    } catch {
      return; // not created yet: nothing traced yet
    }
    const tail = this.traceTail;
    const { buf } = tail;
    for (;;) {
      const n = readSync(tail.fd, buf, 0, buf.length, tail.offset);
      if (n <= 0) break;
      tail.offset += n;
      const text = tail.partial + buf.subarray(0, n).toString('utf8');
      const lines = text.split('\n');
      tail.partial = lines.pop() ?? '';
      for (const line of lines) this.trace.addLine(line);
    }
  }
}

/**
 * Whether a timed rule fires at a tick (0 = the window opening, then one per second):
 * fail once at 0; drop-every:N every N seconds; fail-after:N every second after the first N;
 * rate:N each second with probability N/1000 from the seed.
 */
export function firesAt(rule: Pick<TimedRule, 'id' | 'action'>, tick: number, seed: number): boolean {
  switch (rule.action.kind) {
    case 'fail':
      return tick === 0;
    case 'drop-every':
      return tick > 0 && tick % rule.action.n === 0;
    case 'fail-after':
      return tick > rule.action.n;
    case 'rate':
      return tick > 0 && rateFails(seed, rule.id, tick - 1, rule.action.perMille);
    case 'off':
      return false;
  }
}

/** What the host rules did in one run (RunRecord.hostFaults). */
export interface HostFaultRecord {
  /** When each disk's set of open block rules changed. */
  windows: WindowChange[];
  /** Timed VM/network faults carried out. */
  fires: TimedFire[];
  /** Guest block requests that failed, from QEMU's block trace. */
  failures: BlockFailure[];
  /** Block requests the trace could not tie to a disk (should be 0). */
  unmatchedRequests: number;
  /** Each disk's requests from the test's start on (undefined when the test never started). */
  testRequests: DiskRequests[] | undefined;
}
