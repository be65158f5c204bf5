/**
 * Scenario ids: readable (`storage.read-fail-after-2`), valid as artifact names and JUnit
 * suite names (letters, digits, `.`, `_`, `-`, at most 64), stable for the same plan, unique.
 */
import { createHash } from 'node:crypto';

const MAX_ID = 64;

/** `block.read[disk=data]=fail-after:2` -> `block.read.disk-data-fail-after-2`. */
export function idLabel(text: string): string {
  return text
    .replace(/\[/g, '.')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/\.{2,}/g, '.')
    .replace(/^[-.]+|[-.]+$/g, '');
}

/** Too long: keep the start and add a short hash of the whole label, so ids stay distinct. */
function fit(label: string): string {
  if (label.length <= MAX_ID) return label;
  const hash = createHash('sha256').update(label).digest('hex').slice(0, 8);
  return `${label.slice(0, MAX_ID - 9).replace(/[-.]+$/, '')}-${hash}`;
}

/** One id per label, in order; a label seen before gets `-2`, `-3`… */
export function uniqueIds(labels: readonly string[]): string[] {
  const used = new Set<string>();
  return labels.map((label) => {
    const base = fit(idLabel(label) || 'scenario');
    let id = base;
    for (let n = 2; used.has(id); n++) id = fit(`${base}-${n}`);
    used.add(id);
    return id;
  });
}

/** Trial numbers padded to the width of the largest, so ids sort in trial order. */
export function trialLabel(trial: number, of: number): string {
  return `t${String(trial).padStart(String(of).length, '0')}`;
}
