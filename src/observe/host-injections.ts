/**
 * What the host rules did, as injections.jsonl lines: each failed guest block request (from
 * QEMU's block trace) tied to the rule that failed it, and each timed VM/network fault.
 */
import { writeResultFile } from '../core/log-file.js';
import type { HostFaultRecord } from '../run/host-faults.js';
import type { Plan } from '../plan/types.js';
import { errnoName, type BlockRule, type HostRule } from '../rules/host-rules.js';
import type { BlockFailure } from '../run/block-trace.js';

export interface HostInjection {
  layer: 'block' | 'vm' | 'net';
  /** The rule's id (`h1`), or null for a block error no rule explains (a real I/O error of the host). */
  rule: string | null;
  /** The rule's canonical text. */
  text: string | null;
  /** Milliseconds since QEMU started. */
  atMs: number;
  disk?: string;
  op?: BlockFailure['op'];
  /** First sector and count of the failed request (reads and writes). */
  sector?: number;
  sectors?: number;
  errno?: string;
  /** The failed request was the n-th of its kind on the disk since the rule's window opened. */
  request?: number;
  point?: string;
  durationMs?: number;
  error?: string;
}

/** Ties each failure to the first open rule that matches it, as blkdebug checked them. */
export function hostInjections(plan: Plan, record: HostFaultRecord, startedAtMs: number): HostInjection[] {
  const byId = new Map<string, HostRule>(plan.host.hostRules.map((r) => [r.id, r]));
  const out: HostInjection[] = [];
  for (const failure of record.failures) {
    const windows = record.windows.filter((w) => w.disk === failure.disk && w.at <= failure.at);
    const current = windows[windows.length - 1];
    const rule = current?.open.map((id) => byId.get(id)).find((r): r is BlockRule => r?.layer === 'block' && matches(r, failure));
    const entry: HostInjection = {
      layer: 'block',
      rule: rule?.id ?? null,
      text: rule?.text ?? null,
      atMs: Math.round(failure.at - startedAtMs),
      disk: failure.disk,
      op: failure.op,
      ...(failure.sector !== undefined ? { sector: failure.sector, sectors: failure.sectors } : {}),
      errno: failure.errno !== undefined ? errnoName(failure.errno) : (rule?.errnoName ?? 'unknown'),
    };
    if (rule) {
      // The rule's window opened at the oldest change from which it stayed open.
      let opened = windows.length - 1;
      while (opened > 0 && windows[opened - 1]!.open.includes(rule.id)) opened--;
      entry.request = failure.ordinal - windows[opened]!.before[failure.op];
    }
    out.push(entry);
  }
  for (const fire of record.fires) {
    out.push({
      layer: fire.point.startsWith('net.') ? 'net' : 'vm',
      rule: fire.rule,
      text: fire.text,
      atMs: Math.round(fire.at - startedAtMs),
      point: fire.point,
      ...(fire.durationMs !== undefined ? { durationMs: fire.durationMs } : {}),
      ...(fire.error !== undefined ? { error: fire.error } : {}),
    });
  }
  return out.sort((a, b) => a.atMs - b.atMs);
}

function matches(rule: BlockRule, failure: BlockFailure): boolean {
  if (rule.op !== failure.op) return false;
  if (failure.errno !== undefined && failure.errno !== rule.errno) return false;
  if (!rule.sectors || failure.sector === undefined) return true;
  const end = failure.sector + (failure.sectors ?? 1) - 1;
  return failure.sector <= rule.sectors[1] && end >= rule.sectors[0];
}

/** Appends the host lines to injections.jsonl (after the plugin's, which QEMU wrote while it ran); creates it when empty. */
export function writeHostInjections(file: string, injections: readonly HostInjection[]): void {
  writeResultFile(file, injections.map((i) => `${JSON.stringify(i)}\n`).join(''), { flag: 'a' });
}
