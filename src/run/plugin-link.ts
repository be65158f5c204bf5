/**
 * The run's side of qfi's plugin while QEMU runs: it tells the plugin which guest markers
 * appeared (arming `marker:NAME+insn:N` triggers), adds the rules that waited for an address a
 * marker carries, and reads the instruction count a snapshot trial ends with.
 */
import type { Logger } from '../core/host.js';
import type { ConsoleEvent } from './types.js';
import type { PluginRuleLine } from '../rules/plugin-rules.js';
import { resolveWaitingRule } from '../rules/index.js';
import { PluginControl } from './plugin-control.js';

export class PluginLink {
  private readonly control: PluginControl;
  private readonly waiting: Map<string, PluginRuleLine>;

  constructor(
    socket: string,
    rules: readonly PluginRuleLine[],
    private readonly log: Logger,
  ) {
    this.control = new PluginControl(socket);
    this.waiting = new Map(rules.filter((r) => r.waitsFor).map((r) => [r.id, r]));
  }

  /** An event the run did not claim for a snapshot save. */
  onEvent(event: ConsoleEvent): void {
    if (event.kind === 'agent-ready') this.reportMarker('ready');
    else if (event.kind === 'test-start') this.reportMarker('start');
    else if (event.kind === 'marker' && event.name) {
      if (event.value) this.addWaitingRules(event.name, event.value);
      this.reportMarker(event.name);
    }
  }

  /** Instructions the plugin counted on vCPU 0 (undefined when it does not answer). */
  async icount(timeoutMs: number): Promise<number | undefined> {
    const status = await this.control.request({ cmd: 'status' }, timeoutMs).catch(() => undefined);
    const icount = (status?.icount as number[] | undefined)?.[0];
    return typeof icount === 'number' ? icount : undefined;
  }

  close(): void {
    this.control.close();
  }

  /** Adds the rules that waited for this marker's address. */
  private addWaitingRules(name: string, value: string): void {
    for (const [id, rule] of this.waiting) {
      if (rule.waitsFor !== name) continue;
      this.waiting.delete(id);
      const line = resolveWaitingRule(rule, value);
      this.control.request({ cmd: 'add', rule: line }).then(
        (reply) =>
          reply.ok
            ? this.log.info(`plugin rule ${id} armed at ${value}: ${rule.rule}`)
            : this.log.warn(`the plugin refused rule ${id} (${line}): ${String(reply.error)}`),
        (err: Error) => this.log.warn(`could not add plugin rule ${id}: ${err.message}`),
      );
    }
  }

  private reportMarker(name: string): void {
    this.control.request({ cmd: 'marker', name }).then(
      (reply) => this.log.debug(`plugin marker ${name}: ${JSON.stringify(reply)}`),
      (err: Error) => this.log.warn(`could not tell the plugin about marker ${name}: ${err.message}`),
    );
  }
}
