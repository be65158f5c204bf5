/**
 * What each rule of a run did. Host and plugin rules fire or not (injections); a guest rule
 * only matters if the guest consulted its point, which the guest SDK reports at the end
 * (`QFI-POINT:name calls=N fails=M`). A rule nothing consulted tested nothing: a
 * `linux.failslab` rule on a kernel without fault injection passes silently otherwise.
 */
import type { GuestPoint } from './guest-points.js';
import type { InjectionSummary } from './injections.js';

export interface RuleUse {
  /** Canonical rule text, as plan.canonicalRules lists it. */
  rule: string;
  /** Host and plugin rules: the id their injection log uses (`h1`, `p2`); undefined for guest rules. */
  id: string | undefined;
  /** Who carries it out: the guest (fw_cfg rules its SDK reads), qfi's plugin, or a host layer. */
  layer: 'guest' | 'plugin' | 'block' | 'vm' | 'net';
  /** Guest rules: calls of the point the guest reported; undefined when unknown (host and plugin layers). */
  calls: number | undefined;
  /** How often the fault happened: guest rules the fails the guest reported, host/plugin rules their fires. */
  fired: number;
  /** False when nothing consulted the rule: a guest point never called (or never reported), a host/plugin rule that never fired. */
  consulted: boolean;
}

/** `alloc.frame=fail-after:3` and `mem.flip[addr=…]=fail` -> their point names. */
export function rulePoint(rule: string): string {
  return rule.replace(/[[=].*$/s, '');
}

export function ruleUse(canonicalRules: readonly string[], injections: InjectionSummary | undefined, points: readonly GuestPoint[]): RuleUse[] {
  return canonicalRules.map((rule): RuleUse => {
    const fires = injections?.perRule.find((r) => r.rule === rule);
    if (fires) return { rule, id: fires.id, layer: fires.layer, calls: undefined, fired: fires.fires, consulted: fires.fires > 0 };
    const point = points.find((p) => p.name === rulePoint(rule));
    return { rule, id: undefined, layer: 'guest', calls: point?.calls, fired: point?.fails ?? 0, consulted: (point?.calls ?? 0) > 0 };
  });
}

/** `rule h1 (block.read=fail)` for host/plugin rules (their id is what injections.jsonl shows), `rule alloc=fail` for guest rules. */
export function ruleLabel(use: RuleUse): string {
  return use.id ? `rule ${use.id} (${use.rule})` : `rule ${use.rule}`;
}

/** What a rule that tested nothing did, or undefined when it fired: one wording for warnings and require-fired. */
export function ruleUseProblem(use: RuleUse): string | undefined {
  if (use.fired > 0) return undefined;
  if (use.layer !== 'guest') return `${ruleLabel(use)} never fired (${use.layer} layer)`;
  if (!use.consulted) return `${ruleLabel(use)}: the guest never called point ${rulePoint(use.rule)}`;
  return `${ruleLabel(use)}: the guest called point ${rulePoint(use.rule)} ${use.calls} time(s) and it never failed`;
}

/** The log line for a rule nothing consulted. */
export function unusedRuleWarning(use: RuleUse, requireFired: boolean): string {
  const hint =
    use.layer === 'guest'
      ? `check that the guest's code consults it (qfi-fault, the SDK), or that the kernel has the fault-injection feature the point needs`
      : `check the rule's trigger against what the guest does`;
  return `${ruleUseProblem(use) ?? ruleLabel(use)}, so it tested nothing: ${hint}${requireFired ? '' : ' (require-fired makes this a failure)'}`;
}
