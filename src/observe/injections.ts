import { existsSync, readFileSync } from 'node:fs';
import type { HostRule } from '../rules/host-rules.js';
import type { PluginRuleLine } from '../rules/plugin-rules.js';
import type { HostInjection } from './host-injections.js';

/** One line of qfi-fault's injection log (plugin/README.md). */
export interface Injection {
  rule: string;
  vcpu: number;
  icount: number;
  pc: string;
  kind: string;
  addr?: string;
  reg?: string;
  width?: number;
  before?: string;
  after?: string;
  error?: string;
}

export interface RuleFires {
  id: string;
  rule: string;
  layer: 'plugin' | 'block' | 'vm' | 'net';
  fires: number;
  /** Plugin rules: the instruction count of the first fire. */
  firstIcount: number | undefined;
  /** Host rules: milliseconds from QEMU's start to the first fire. */
  firstAtMs: number | undefined;
}

export interface InjectionSummary {
  total: number;
  failed: number;
  perRule: RuleFires[];
  /** Block errors no rule explains (real I/O errors of the host). */
  unattributed: number;
  /** The first injections, for reports (the whole log is injections.jsonl). */
  first: Array<Injection | HostInjection>;
  /** Lines that were not JSON: a log cut off by a crash ends in one. */
  unreadableLines: number;
}

const keptInReport = 50;

/**
 * Reads what qfi's plugin wrote to injections.jsonl and adds the host layers' injections;
 * undefined when the run had neither plugin nor host rules.
 */
export function summarizeInjections(
  file: string,
  rules: PluginRuleLine[],
  hostRules: readonly HostRule[],
  host: readonly HostInjection[],
): InjectionSummary | undefined {
  if (rules.length === 0 && hostRules.length === 0) return undefined;
  const plugin = readPluginInjections(file, rules);
  const hostPerRule: RuleFires[] = hostRules.map((r) => {
    const mine = host.filter((i) => i.rule === r.id && i.error === undefined);
    return { id: r.id, rule: r.text, layer: r.layer, fires: mine.length, firstIcount: undefined, firstAtMs: mine[0]?.atMs };
  });
  const hostFailed = host.filter((i) => i.error !== undefined).length;
  return {
    total: plugin.total + host.length,
    failed: plugin.failed + hostFailed,
    perRule: [...plugin.perRule, ...hostPerRule],
    unattributed: host.filter((i) => i.rule === null).length,
    first: [...plugin.first, ...host].slice(0, keptInReport),
    unreadableLines: plugin.unreadableLines,
  };
}

/** The plugin's lines of injections.jsonl (plugin/README.md), before host lines are appended. */
function readPluginInjections(file: string, rules: PluginRuleLine[]): Omit<InjectionSummary, 'unattributed'> {
  if (rules.length === 0) return { total: 0, failed: 0, perRule: [], first: [], unreadableLines: 0 };
  const lines = existsSync(file)
    ? readFileSync(file, 'utf8')
        .split('\n')
        .filter((l) => l.trim() !== '')
    : [];
  const injections: Injection[] = [];
  let unreadableLines = 0;
  for (const line of lines) {
    try {
      injections.push(JSON.parse(line) as Injection);
    } catch {
      unreadableLines++;
    }
  }
  const perRule = rules.map(({ id, rule }) => {
    const mine = injections.filter((i) => i.rule === id);
    return { id, rule, layer: 'plugin' as const, fires: mine.length, firstIcount: mine[0]?.icount, firstAtMs: undefined };
  });
  return {
    total: injections.length,
    failed: injections.filter((i) => i.error !== undefined).length,
    perRule,
    first: injections.slice(0, keptInReport),
    unreadableLines,
  };
}

/** Rules that never fired, for `require-fired` and the reports. */
export function rulesNeverFired(summary: InjectionSummary | undefined): RuleFires[] {
  return summary?.perRule.filter((r) => r.fires === 0) ?? [];
}
