/** Combining rules from several sources (file, then action input / CLI) into what the guest gets. */
import type { Rule } from './model.js';
import { printPoint, printRule } from './print-rule.js';

/**
 * Later groups override earlier ones per point (with its parameters: two flips at different
 * addresses are two rules): the last rule wins, at the position where the point first
 * appeared (so a CLI override does not reorder the file's rules).
 */
export function mergeRules(groups: readonly (readonly Rule[])[]): Rule[] {
  // A Map keeps a key's first insertion position when the value is replaced.
  const byPoint = new Map<string, Rule>();
  for (const group of groups) {
    for (const rule of group) {
      const copy: Rule = { point: rule.point, action: { ...rule.action } };
      if (rule.params) copy.params = { ...rule.params };
      if (rule.guest) copy.guest = true;
      byPoint.set(printPoint(rule), copy);
    }
  }
  return [...byPoint.values()];
}

/** One printed rule per line, newline-terminated; "" for no rules. Exactly the fw_cfg file content. */
export function canonicalRulesText(rules: readonly Rule[]): string {
  return rules.length === 0 ? '' : rules.map(printRule).join('\n') + '\n';
}
