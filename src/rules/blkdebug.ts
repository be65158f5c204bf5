/**
 * Block rules -> a blkdebug rules file (QEMU's `config=` option of the blkdebug driver).
 *
 * blkdebug has one integer state per node and two kinds of rules, both keyed by an event
 * the format driver above raises just before each request (read_aio, write_aio,
 * flush_to_disk): `set-state` moves the state, `inject-error` arms an error for the next
 * request. Counters are built from states:
 *  - every counted rule (fail-after, drop-every, rate, anything with once) is a small
 *    automaton over its own requests; the node's state is the product of all automata on
 *    the disk, so a read counter and a write counter never disturb each other;
 *  - each event also arms a last-resort rule with errno 0 ("succeed"), because an armed
 *    blkdebug error otherwise stays armed for every later request until another event
 *    arms something else;
 *  - for qcow2, the metadata events arm the succeed rule too, so metadata I/O between a
 *    failed data request and the next one is never failed by accident.
 * Rules are written in priority order: blkdebug checks armed rules in file order, and the
 * first whose iotype and sector match decides.
 */
import type { BlockRule } from './host-rules.js';

/** The event the format driver raises right before each request of a kind. */
export const BLKDEBUG_EVENT: Record<BlockRule['op'], string> = { read: 'read_aio', write: 'write_aio', flush: 'flush_to_disk' };

/** qcow2 metadata events (QEMU's BlkdebugEvent list): they arm "succeed" so only data requests fail. */
const QCOW2_METADATA_EVENTS = [
  'l1_update',
  'l1_grow_alloc_table',
  'l1_grow_write_table',
  'l1_grow_activate_table',
  'l1_shrink_write_table',
  'l1_shrink_free_l2_clusters',
  'l2_load',
  'l2_update',
  'l2_update_compressed',
  'l2_alloc_cow_read',
  'l2_alloc_write',
  'read_backing_aio',
  'read_compressed',
  'write_compressed',
  'vmstate_load',
  'vmstate_save',
  'cow_read',
  'cow_write',
  'reftable_load',
  'reftable_grow',
  'reftable_update',
  'refblock_load',
  'refblock_update',
  'refblock_update_part',
  'refblock_alloc',
  'refblock_alloc_hookup',
  'refblock_alloc_write',
  'refblock_alloc_write_blocks',
  'refblock_alloc_write_table',
  'refblock_alloc_switch_table',
  'cluster_alloc',
  'cluster_alloc_bytes',
  'cluster_free',
  'empty_image_prepare',
] as const;

/** Most product states one disk may need; each is a rule blkdebug scans on every request. */
export const MAX_BLKDEBUG_STATES = 50_000;
/** Period of a rate:N decision sequence, in requests. */
export const RATE_PERIOD = 1000;

/** A counted rule's automaton over its own requests. */
interface Automaton {
  size: number;
  /** State after `k` requests. */
  stateAfter(k: number): number;
  next(state: number): number;
  fails(state: number): boolean;
}

/** Whether request k (0-based) of a rate rule fails: a hash of seed, rule id and k, below N per 1000. */
export function rateFails(seed: number, ruleId: string, k: number, perMille: number): boolean {
  let h = Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) >>> 0;
  for (let i = 0; i < ruleId.length; i++) h = Math.imul(h ^ ruleId.charCodeAt(i), 0xcc9e2d51) >>> 0;
  h = (h ^ Math.imul(k % RATE_PERIOD, 0x1b873593)) >>> 0;
  h = (h ^ (h >>> 16)) >>> 0;
  h = Math.imul(h, 0x85ebca6b) >>> 0;
  h = (h ^ (h >>> 13)) >>> 0;
  h = Math.imul(h, 0xc2b2ae35) >>> 0;
  h = (h ^ (h >>> 16)) >>> 0;
  return h % 1000 < perMille;
}

/** The request indexes (0-based) a rule fails, as a predicate: the model every automaton implements. */
export function ruleFailsRequest(rule: BlockRule, seed: number, k: number): boolean {
  const base = (i: number): boolean => {
    switch (rule.action.kind) {
      case 'fail':
        return true;
      case 'fail-after':
        return i >= rule.action.n;
      case 'drop-every':
        return (i + 1) % rule.action.n === 0;
      case 'rate':
        return rateFails(seed, rule.id, i, rule.action.perMille);
      case 'off':
        return false;
    }
  };
  if (!rule.once) return base(k);
  const first = firstFailure(rule, seed, base);
  return first !== undefined && k === first;
}

function firstFailure(rule: BlockRule, seed: number, base: (i: number) => boolean): number | undefined {
  switch (rule.action.kind) {
    case 'fail':
      return 0;
    case 'fail-after':
      return rule.action.n;
    case 'drop-every':
      return rule.action.n - 1;
    case 'rate':
      for (let i = 0; i < RATE_PERIOD; i++) if (base(i)) return i;
      return undefined;
    case 'off':
      return undefined;
  }
}

/** undefined: the rule needs no counting (plain `fail` fails every request). */
function automatonFor(rule: BlockRule, seed: number): Automaton | undefined {
  const { action } = rule;
  if (rule.once) {
    // Counts up to the first failure, then sits in a final state that never fails.
    const first = firstFailure(rule, seed, (i) => ruleFailsRequest({ ...rule, once: false }, seed, i));
    if (first === undefined) return undefined; // never fails: only the succeed rule is needed
    const done = first + 1;
    return { size: done + 1, stateAfter: (k) => Math.min(k, done), next: (s) => Math.min(s + 1, done), fails: (s) => s === first };
  }
  switch (action.kind) {
    case 'fail':
    case 'off':
      return undefined;
    case 'fail-after': {
      const n = action.n;
      return { size: n + 1, stateAfter: (k) => Math.min(k, n), next: (s) => Math.min(s + 1, n), fails: (s) => s >= n };
    }
    case 'drop-every': {
      const n = action.n;
      return { size: n, stateAfter: (k) => k % n, next: (s) => (s + 1) % n, fails: (s) => s === n - 1 };
    }
    case 'rate': {
      const pattern = Array.from({ length: RATE_PERIOD }, (_, i) => rateFails(seed, rule.id, i, action.perMille));
      return { size: RATE_PERIOD, stateAfter: (k) => k % RATE_PERIOD, next: (s) => (s + 1) % RATE_PERIOD, fails: (s) => pattern[s]! };
    }
  }
}

/** How many blkdebug states a disk with these rules needs at most (all open at once). */
export function blkdebugStateCount(rules: readonly BlockRule[], seed: number): number {
  return rules.reduce((n, rule) => n * (automatonFor(rule, seed)?.size ?? 1), 1);
}

export interface BlkdebugInput {
  format: 'raw' | 'qcow2';
  /** The disk's rules in force, highest priority first. */
  rules: readonly BlockRule[];
  seed: number;
  /** Requests each counted rule has already seen (rule id -> count), when rules carry on across a swap. */
  seen?: ReadonlyMap<string, number>;
}

export interface BlkdebugConfig {
  /** The rules file for blkdebug's `config=` option. */
  text: string;
  states: number;
  rules: number;
}

/** The blkdebug rules file for one disk's open rules. */
export function compileBlkdebug(input: BlkdebugInput): BlkdebugConfig {
  const counted = input.rules.flatMap((rule) => {
    const automaton = automatonFor(rule, input.seed);
    return automaton ? [{ rule, automaton }] : [];
  });
  const strides: number[] = [];
  let states = 1;
  for (const { automaton } of counted) {
    strides.push(states);
    states *= automaton.size;
  }
  if (states > MAX_BLKDEBUG_STATES) throw new Error(`internal: ${states} blkdebug states passed the plan's check`);
  const digit = (p: number, i: number): number => Math.floor(p / strides[i]!) % counted[i]!.automaton.size;
  // blkdebug starts in state 1; our product state p is blkdebug state p + 1.
  const start = counted.reduce((p, { rule, automaton }, i) => p + automaton.stateAfter(input.seen?.get(rule.id) ?? 0) * strides[i]!, 0);
  const relabel = (p: number): number => ((p - start + states) % states) + 1;

  const sections: string[] = [];
  const section = (kind: string, fields: Record<string, string | number>): void => {
    sections.push(
      `[${kind}]\n${Object.entries(fields)
        .map(([k, v]) => `  ${k} = "${v}"`)
        .join('\n')}\n`,
    );
  };
  const inject = (event: string, state: number | undefined, rule: BlockRule, errno: number, sector?: number): void => {
    section('inject-error', { event, ...(state !== undefined ? { state } : {}), iotype: rule.op, errno, ...(sector !== undefined ? { sector } : {}) });
  };
  const sectorsOf = (rule: BlockRule): Array<number | undefined> => {
    if (!rule.sectors) return [undefined];
    const [a, b] = rule.sectors;
    return Array.from({ length: b - a + 1 }, (_, i) => a + i);
  };

  for (const op of ['read', 'write', 'flush'] as const) {
    const event = BLKDEBUG_EVENT[op];
    const rules = input.rules.filter((r) => r.op === op);
    if (rules.length === 0) continue;
    const mine = counted.map((c, i) => ({ ...c, i })).filter((c) => c.rule.op === op);
    for (let p = 0; p < states && mine.length > 0; p++) {
      let q = p;
      for (const { automaton, i } of mine) {
        const s = digit(p, i);
        q += (automaton.next(s) - s) * strides[i]!;
      }
      if (q !== p) section('set-state', { event, state: relabel(p), new_state: relabel(q) });
    }
    for (const rule of rules) {
      const c = mine.find((m) => m.rule === rule);
      for (const sector of sectorsOf(rule)) {
        if (!c) {
          // Plain fail; a once-rule that can never fail has no error rule at all.
          if (!rule.once) inject(event, undefined, rule, rule.errno, sector);
          continue;
        }
        for (let p = 0; p < states; p++) if (c.automaton.fails(digit(p, c.i))) inject(event, relabel(p), rule, rule.errno, sector);
      }
    }
    // Last: "succeed", so an error armed by an earlier request never leaks into this one.
    section('inject-error', { event, iotype: op, errno: 0 });
  }
  if (input.format === 'qcow2') for (const event of QCOW2_METADATA_EVENTS) section('inject-error', { event, errno: 0 });
  return {
    text: `# qfi: blkdebug rules for ${input.rules.map((r) => r.text).join(', ') || 'no rules'}\n${sections.join('\n')}`,
    states,
    rules: sections.length,
  };
}
