import { describe, expect, it } from 'vitest';
import { ruleProblem } from '../../helpers/rule-problem.js';
import { compileHostRules, isHostRule, parseRule, printRule } from '../../../src/rules/index.js';
import { firesAt } from '../../../src/run/host-faults.js';

const problem = ruleProblem;

describe('host rules', () => {
  it("are the block, vm and net.link points; net.tx and the guest's own rules file stay guest rules", () => {
    expect(isHostRule(parseRule('block.read=fail'))).toBe(true);
    expect(isHostRule(parseRule('vm.pause[duration=2s]=fail'))).toBe(true);
    expect(isHostRule(parseRule('net.link=fail'))).toBe(true);
    expect(isHostRule(parseRule('net.tx=rate:5'))).toBe(false);
    expect(isHostRule(parseRule('block.read=drop-every:4', {}, { guestOwn: true }))).toBe(false);
    // The guest's own rules are never checked by a host layer: delay-ms is its business.
    expect(parseRule('block.read=delay-ms:5', {}, { guestOwn: true })).toEqual({ point: 'block.read', action: { kind: 'delay-ms', ms: 5 }, guest: true });
  });

  it('print canonically, parameters sorted', () => {
    expect(printRule(parseRule('block.read[ sectors=0-7  disk=data errno=ENOSPC ]=fail-after:3'))).toBe(
      'block.read[disk=data errno=ENOSPC sectors=0-7]=fail-after:3',
    );
  });

  it('point errors at the parameter or action at fault, before anything boots', () => {
    expect(problem('block.read[disk=data errno=EWHAT]=fail')).toMatchObject({
      column: 28,
      message: expect.stringMatching(/unknown errno "EWHAT", expected one of EPERM, EIO/),
    });
    expect(problem('block.read[size=1]=fail')).toMatchObject({
      column: 12,
      message: expect.stringMatching(/block\.read has no parameter `size`[\s\S]*takes disk, errno, sectors, once, from, after, on, for/),
    });
    expect(problem('block.flush[sectors=1-2]=fail').message).toMatch(/block\.flush has no parameter `sectors`/);
    expect(problem('block.read[sectors=9-3]=fail').message).toMatch(/sector range 9-3 ends before it starts/);
    expect(problem('block.read[sectors=0-5000]=fail').message).toMatch(/wider than 4096 sectors/);
    expect(problem('block.read[after=soon]=fail').message).toMatch(/bad duration "soon"/);
    expect(problem('block.read[from=later]=fail').message).toMatch(/from must be boot or test/);
    expect(problem('block.write[once=true sectors=0-7]=fail').message).toMatch(/once with sectors= is not supported/);
    expect(problem('block.read=delay-ms:5')).toMatchObject({ column: 12, message: expect.stringMatching(/no QEMU release has[\s\S]*vm\.pause/) });
    expect(problem('vm.pause=delay-ms:5').message).toMatch(/delay-ms has no meaning for vm\.pause[\s\S]*drop-every:N \(every N seconds\)/);
    expect(problem('block.reed=fail')).toMatchObject({
      column: 1,
      message: expect.stringMatching(
        /unknown host point `block\.reed`: block\.\* points are carried out by QEMU \(block\.read, block\.write, block\.flush\)[\s\S]*rules-file/,
      ),
    });
    expect(problem('vm.sleep=fail').message).toMatch(/unknown host point `vm\.sleep`/);
  });

  it('compile to typed rules with defaults: EIO, from the test start, open at once, 1 s pauses', () => {
    const rules = [
      'block.read[disk=data]=fail-after:3',
      'block.write[errno=ENOSPC sectors=8 from=boot on=go for=2s]=fail',
      'block.flush=off',
      'vm.pause[after=1m30s duration=500ms]=drop-every:2',
      'net.link=fail',
    ].map((r) => parseRule(r));
    expect(compileHostRules(rules)).toEqual([
      {
        layer: 'block',
        id: 'h1',
        text: 'block.read[disk=data]=fail-after:3',
        op: 'read',
        disk: 'data',
        errno: 5,
        errnoName: 'EIO',
        sectors: undefined,
        once: false,
        action: { kind: 'fail-after', n: 3 },
        window: { from: 'test', afterMs: 0, on: undefined, forMs: undefined },
      },
      {
        layer: 'block',
        id: 'h2',
        text: 'block.write[errno=ENOSPC for=2s from=boot on=go sectors=8]=fail',
        op: 'write',
        disk: undefined,
        errno: 28,
        errnoName: 'ENOSPC',
        sectors: [8, 8],
        once: false,
        action: { kind: 'fail' },
        window: { from: 'boot', afterMs: 0, on: 'go', forMs: 2000 },
      },
      {
        layer: 'vm',
        id: 'h3',
        text: 'vm.pause[after=1m30s duration=500ms]=drop-every:2',
        point: 'vm.pause',
        durationMs: 500,
        action: { kind: 'drop-every', n: 2 },
        window: { from: 'test', afterMs: 90_000, on: undefined, forMs: undefined },
      },
      {
        layer: 'net',
        id: 'h4',
        text: 'net.link=fail',
        point: 'net.link',
        durationMs: 1000,
        action: { kind: 'fail' },
        window: { from: 'test', afterMs: 0, on: undefined, forMs: undefined },
      },
    ]);
  });

  it('timed faults tick once a second: fail at the opening, drop-every:N every N s, fail-after:N after N s, rate from the seed', () => {
    const ticks = (action: string, seed = 1) => {
      const rule = compileHostRules([parseRule(`vm.nmi=${action}`)])[0]!;
      return Array.from({ length: 12 }, (_, t) => t).filter((t) => firesAt(rule, t, seed));
    };
    expect(ticks('fail')).toEqual([0]);
    expect(ticks('drop-every:3')).toEqual([3, 6, 9]);
    expect(ticks('fail-after:8')).toEqual([9, 10, 11]);
    expect(ticks('rate:1000')).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(ticks('rate:0')).toEqual([]);
    expect(ticks('rate:500', 3)).toEqual(ticks('rate:500', 3));
    expect(ticks('rate:500', 3)).not.toEqual(ticks('rate:500', 4));
  });
});
