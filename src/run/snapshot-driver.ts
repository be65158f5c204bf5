/**
 * A snapshot campaign's part of a run. `save`: when the guest reaches the point (it waits there
 * at `start` or a synced marker; a time point is taken as it comes) stop it, save the state and
 * end QEMU. `resume`: load the state while QEMU is paused, let the guest go on from the point,
 * and end the trial with its test: stop the guest, read the plugin's instruction count, end QEMU.
 */
import type { Logger } from '../core/host.js';
import type { ConsoleEvent, RunRecord } from './types.js';
import type { QmpClient } from './qmp-client.js';
import { runSnapshotJob } from './snapshot-jobs.js';
import { describeSnapshotPoint, resumeLineFor, type SnapshotPoint } from '../config/snapshot-point.js';

/**
 * `save`: boot, and when the guest waits at `at` (`start`, or a sync marker's name) stop it,
 * save the state into `stateFile` and end QEMU. `resume`: start paused, load that state, let
 * the guest go on from `at`; the test timeout counts from there. QEMU ends when the test does.
 */
export interface SnapshotRun {
  kind: 'save' | 'resume';
  stateFile: string;
  /** Format nodes of the disks saved and restored with the state (qcow2 only). */
  devices: string[];
  /** Where the state is saved (`snapshot-at`). */
  at: SnapshotPoint;
}

export interface SnapshotDriverOptions {
  log: Logger;
  /** The run's clock: ms since QEMU started. */
  elapsed: () => number;
  qmp: () => QmpClient | undefined;
  tellGuest: (line: string) => void;
  /** The instruction count of qfi's plugin, when the trial's test ends. */
  icount: () => Promise<number | undefined>;
  /** The trial's test goes on from the loaded state now. */
  onResumed: () => void;
  /** Ends QEMU (the run's stop sequence). */
  stop: () => Promise<void>;
  /** Saving or loading failed: the run cannot mean what it claims. */
  fail: (what: string) => (err: Error) => void;
}

export class SnapshotDriver {
  /** When the state was saved or loaded, and how long that took (RunRecord.snapshot). */
  times: RunRecord['snapshot'];
  /** RunRecord.testEndIcount of a trial. */
  testEndIcount: number | undefined;
  private readonly point: SnapshotPoint;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly run: SnapshotRun,
    private readonly opts: SnapshotDriverOptions,
  ) {
    this.point = run.at;
  }

  get resumes(): boolean {
    return this.run.kind === 'resume';
  }

  /** Whether the state is saved at this event: then nothing else happens at it (the guest keeps waiting). */
  claims(event: ConsoleEvent): boolean {
    if (this.run.kind !== 'save') return false;
    const { point } = this;
    if (event.kind === 'marker' && point.kind === 'marker' && event.name === point.name) {
      void this.save().catch(this.opts.fail(`saving the state at marker ${event.name}`));
      return true;
    }
    if (event.kind === 'test-start' && point.kind === 'start') {
      void this.save().catch(this.opts.fail('saving the state at the test start'));
      return true;
    }
    return false;
  }

  /** The test started (an event not claimed): a time point counts from here. */
  testStarted(): void {
    const { point } = this;
    if (this.run.kind !== 'save' || point.kind !== 'time') return;
    this.timer = setTimeout(() => void this.save().catch(this.opts.fail(`saving the state ${describeSnapshotPoint(point)}`)), point.ms);
  }

  /** QMP is up, QEMU paused: a trial loads its state and goes on. */
  async connected(client: QmpClient): Promise<void> {
    if (!this.resumes) return;
    const loadMs = await runSnapshotJob(client, 'snapshot-load', this.run.devices);
    this.times = { loadMs };
    this.opts.onResumed();
    // Written only after the load concluded: bytes sent earlier land in a UART state the load replaces.
    const resumeLine = resumeLineFor(this.point);
    if (resumeLine) this.opts.tellGuest(resumeLine);
    await client.execute('cont');
  }

  /** A trial ends with its test (no power-off to wait for). */
  async testEnded(): Promise<void> {
    await this.opts
      .qmp()
      ?.execute('stop')
      .catch(() => undefined);
    this.testEndIcount = await this.opts.icount().catch(() => undefined);
    await this.opts.stop();
  }

  close(): void {
    clearTimeout(this.timer);
  }

  private async save(): Promise<void> {
    const qmp = this.opts.qmp();
    if (!qmp) throw new Error('QMP is not connected');
    await qmp.execute('stop');
    const savedAtMs = this.opts.elapsed();
    const saveMs = await runSnapshotJob(qmp, 'snapshot-save', this.run.devices);
    this.times = { savedAtMs, saveMs };
    this.opts.log.debug(`state saved at ${(savedAtMs / 1000).toFixed(2)} s in ${saveMs} ms`);
    await this.opts.stop();
  }
}
