/** The canonical text of a rule: what the guest receives and what error messages quote. */
import type { Action, Rule } from './model.js';

/** `off`, `fail`, `drop-every:2`, `rate:5`: no spaces, N in plain decimal. */
export function printAction(action: Action): string {
  switch (action.kind) {
    case 'off':
    case 'fail':
      return action.kind;
    case 'drop-every':
    case 'fail-after':
      return `${action.kind}:${action.n}`;
    case 'rate':
      return `rate:${action.perMille}`;
    case 'delay-ms':
      return `delay-ms:${action.ms}`;
  }
}

/** `mem.flip[addr=0x1000 at=insn:5]`: parameters sorted by name, one space apart. */
export function printPoint(rule: Pick<Rule, 'point' | 'params'>): string {
  if (!rule.params) return rule.point;
  const params = Object.keys(rule.params)
    .sort()
    .map((k) => `${k}=${rule.params![k]}`);
  return `${rule.point}[${params.join(' ')}]`;
}

/** `alloc.frame=fail-after:3`, `mem.flip[addr=0x1000 at=insn:5 mask=0x1]=fail`. */
export function printRule(rule: Rule): string {
  return `${printPoint(rule)}=${printAction(rule.action)}`;
}
