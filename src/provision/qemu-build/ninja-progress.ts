/**
 * Turns ninja's `[n/m] ...` lines into a percentage line at most every `intervalMs`, so a
 * ten-minute build shows life without flooding the log.
 */
export class NinjaProgress {
  private lastReport = -Infinity;
  private lastFraction = 0;

  constructor(
    private readonly report: (line: string) => void,
    private readonly intervalMs = 5000,
    private readonly now: () => number = Date.now,
    private readonly startedAt = now(),
  ) {}

  /** Feed every line ninja prints. */
  line(text: string): void {
    const m = /^\[(\d+)\/(\d+)\]/.exec(text);
    if (!m) return;
    const done = Number(m[1]);
    const total = Number(m[2]);
    if (total === 0) return;
    this.lastFraction = done / total;
    const t = this.now();
    if (t - this.lastReport < this.intervalMs && done !== total) return;
    this.lastReport = t;
    const elapsed = Math.round((t - this.startedAt) / 1000);
    this.report(`building QEMU: ${Math.floor(this.lastFraction * 100)}% (${done}/${total} steps, ${elapsed} s)`);
  }

  get fraction(): number {
    return this.lastFraction;
  }
}
