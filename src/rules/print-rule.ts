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

/** `alloc.frame=fail-after:3`. */
export function printRule(rule: Rule): string {
  return `${rule.point}=${printAction(rule.action)}`;
}
