import { describe, expect, it } from 'vitest';
import { printAction, printRule, type Action } from '../../../src/rules/index.js';

describe('printRule', () => {
  it.each([
    [{ point: 'alloc.frame', action: { kind: 'fail-after', n: 3 } }, 'alloc.frame=fail-after:3'],
    [{ point: 'x.y', action: { kind: 'rate', perMille: 5 } }, 'x.y=rate:5'],
    [{ point: 'a', action: { kind: 'off' } }, 'a=off'],
    [{ point: 'block.read', action: { kind: 'fail' } }, 'block.read=fail'],
    [{ point: 'driver.mod-load', action: { kind: 'drop-every', n: 2 } }, 'driver.mod-load=drop-every:2'],
    [{ point: 'net.tx', action: { kind: 'delay-ms', ms: 4294967295 } }, 'net.tx=delay-ms:4294967295'],
  ] as const)('%j -> %s', (rule, text) => {
    expect(printRule(rule)).toBe(text);
  });
});

describe('printAction', () => {
  it.each([
    [{ kind: 'off' }, 'off'],
    [{ kind: 'fail' }, 'fail'],
    [{ kind: 'drop-every', n: 1 }, 'drop-every:1'],
    [{ kind: 'fail-after', n: 0 }, 'fail-after:0'],
    [{ kind: 'rate', perMille: 1000 }, 'rate:1000'],
    [{ kind: 'delay-ms', ms: 0 }, 'delay-ms:0'],
  ] satisfies [Action, string][])('%j -> %s', (action, text) => {
    expect(printAction(action)).toBe(text);
  });
});
