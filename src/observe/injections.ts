import { existsSync, readFileSync } from 'node:fs';
import type { PluginRuleLine } from '../rules/plugin-rules.js';

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

export interface InjectionSummary {
  total: number;
  failed: number;
  perRule: Array<{ id: string; rule: string; fires: number; firstIcount: number | undefined }>;
  /** The first injections, for reports (the whole log is injections.jsonl). */
  first: Injection[];
  /** Lines that were not JSON: a log cut off by a crash ends in one. */
  unreadableLines: number;
}

const keptInReport = 50;

/** Reads injections.jsonl; undefined when qfi's plugin did not run. */
export function readInjections(file: string, rules: PluginRuleLine[]): InjectionSummary | undefined {
  if (rules.length === 0) return undefined;
  const lines = existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter((l) => l.trim() !== '') : [];
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
    return { id, rule, fires: mine.length, firstIcount: mine[0]?.icount };
  });
  return {
    total: injections.length,
    failed: injections.filter((i) => i.error !== undefined).length,
    perRule,
    first: injections.slice(0, keptInReport),
    unreadableLines,
  };
}
