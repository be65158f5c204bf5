import { describe, expect, it } from 'vitest';
import { compileBlkdebug, ruleFailsRequest, type BlkdebugConfig } from '../../../src/rules/blkdebug.js';
import { compileHostRules, parseRule, type BlockRule } from '../../../src/rules/index.js';

/**
 * blkdebug's rule semantics (block/blkdebug.c), to check the compiled files request by
 * request: one state per node starting at 1; on an event every rule for it whose state
 * matches (0 = any) runs; inject-error rules arm in file order (the first armed one that
 * matches iotype and sector decides, errno 0 = succeed); set-state moves the state after the
 * event. Real blkdebug runs are in test/integration/run-host-faults.test.ts.
 */
type Section = { kind: string; fields: Record<string, string> };
function parseSections(text: string): Section[] {
  return text
    .split(/\n(?=\[)/)
    .filter((s) => s.startsWith('['))
    .map((block) => {
      const [head, ...lines] = block.trim().split('\n');
      const fields = Object.fromEntries(lines.map((l) => /^\s*(\S+) = "(.*)"$/.exec(l)!).map((m) => [m[1]!, m[2]!]));
      return { kind: head!.slice(1, -1), fields };
    });
}
const EVENTS = { read: 'read_aio', write: 'write_aio', flush: 'flush_to_disk' } as const;
function simulate(config: BlkdebugConfig, requests: Array<{ op: 'read' | 'write' | 'flush'; sector?: number }>): number[] {
  const sections = parseSections(config.text);
  let state = 1;
  let armed: Section[] = [];
  return requests.map(({ op, sector }) => {
    const event = EVENTS[op];
    const matching = sections.filter((s) => s.fields['event'] === event && (!s.fields['state'] || Number(s.fields['state']) === state));
    const injects = matching.filter((s) => s.kind === 'inject-error');
    if (injects.length > 0) armed = injects;
    const next = matching.find((s) => s.kind === 'set-state');
    if (next) state = Number(next.fields['new_state']);
    const hit = armed.find(
      (s) =>
        (!s.fields['iotype'] || s.fields['iotype'] === op) && (s.fields['sector'] === undefined || (op !== 'flush' && Number(s.fields['sector']) === sector)),
    );
    return hit ? Number(hit.fields['errno']) : 0;
  });
}
const rules = (...texts: string[]) => compileHostRules(texts.map((t) => parseRule(t))) as BlockRule[];
const seq = (n: number, op: 'read' | 'write' | 'flush' = 'read') => Array.from({ length: n }, (_, i) => ({ op, sector: i }));
const failing = (errnos: number[]) => errnos.flatMap((e, i) => (e ? [i] : []));

describe('compileBlkdebug', () => {
  it('fail-after, drop-every and once fail exactly the requests the model says', () => {
    for (const text of [
      'block.read=fail-after:3',
      'block.read=drop-every:4',
      'block.read=fail',
      'block.read[once=true]=fail-after:2',
      'block.read[once=true]=drop-every:5',
      'block.read=fail-after:0',
    ]) {
      const [rule] = rules(text);
      const got = failing(simulate(compileBlkdebug({ format: 'raw', rules: [rule!], seed: 1 }), seq(30)));
      const want = Array.from({ length: 30 }, (_, k) => k).filter((k) => ruleFailsRequest(rule!, 1, k));
      expect(got, text).toEqual(want);
    }
    expect(failing(simulate(compileBlkdebug({ format: 'raw', rules: rules('block.read=drop-every:4'), seed: 1 }), seq(12)))).toEqual([3, 7, 11]);
  });

  it('rate:N follows the seed: about N per 1000, the same for a seed, different for another', () => {
    const [rule] = rules('block.read=rate:250');
    const run = (seed: number) => failing(simulate(compileBlkdebug({ format: 'raw', rules: [rule!], seed }), seq(2000)));
    expect(run(9)).toEqual(run(9));
    expect(run(9)).not.toEqual(run(10));
    expect(run(9).length).toBeGreaterThan(400);
    expect(run(9).length).toBeLessThan(600);
    expect(run(9)).toEqual(Array.from({ length: 2000 }, (_, k) => k).filter((k) => ruleFailsRequest(rule!, 9, k)));
  });

  it('a read counter and a write counter on one disk do not disturb each other (product states)', () => {
    const rs = rules('block.read=drop-every:3', 'block.write=fail-after:2');
    const config = compileBlkdebug({ format: 'raw', rules: rs, seed: 1 });
    expect(config.states).toBe(9);
    const ops = ['read', 'write', 'write', 'read', 'read', 'write', 'read', 'write', 'read', 'read'] as const;
    const errnos = simulate(
      config,
      ops.map((op, i) => ({ op, sector: i })),
    );
    // reads 1..6 at indexes 0,3,4,6,8,9: the 3rd and 6th fail; writes 1..4 at 1,2,5,7: the 3rd on fail.
    expect(failing(errnos)).toEqual([4, 5, 7, 9]);
  });

  it('sectors restrict which requests fail; the first rule listed wins; flush and errno pass through', () => {
    const rs = rules('block.read[sectors=4-5 errno=ENOSPC]=fail', 'block.read=drop-every:2', 'block.flush[errno=EROFS]=fail');
    const config = compileBlkdebug({ format: 'raw', rules: rs, seed: 1 });
    expect(simulate(config, seq(8))).toEqual([0, 5, 0, 5, 28, 28, 0, 5]);
    expect(simulate(config, seq(2, 'flush'))).toEqual([30, 30]);
    expect(simulate(config, seq(2, 'write'))).toEqual([0, 0]);
  });

  it('carries a counter over a swap: `seen` requests already counted', () => {
    const [rule] = rules('block.write=fail-after:5');
    const fresh = failing(simulate(compileBlkdebug({ format: 'raw', rules: [rule!], seed: 1 }), seq(8, 'write')));
    const resumed = failing(simulate(compileBlkdebug({ format: 'raw', rules: [rule!], seed: 1, seen: new Map([[rule!.id, 3]]) }), seq(5, 'write')));
    expect(fresh).toEqual([5, 6, 7]);
    expect(resumed).toEqual([2, 3, 4]);
  });

  it('for qcow2, metadata events arm "succeed" so metadata I/O after a failed request goes through', () => {
    const text = compileBlkdebug({ format: 'qcow2', rules: rules('block.read=fail'), seed: 1 }).text;
    expect(text).toMatch(/\[inject-error\]\n {2}event = "l2_load"\n {2}errno = "0"/);
    expect(compileBlkdebug({ format: 'raw', rules: rules('block.read=fail'), seed: 1 }).text).not.toMatch(/l2_load/);
  });
});
