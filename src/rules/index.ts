/** The rule language: parse, print, merge, and the fw_cfg name the guest reads the rules from. */
export type { Action, ActionKind, Rule, RuleOrigin, RuleText } from './model.js';
export { ACTION_KINDS, RULE_COUNT_MAX, RULE_GRAMMAR_HINT, closestActionKind, parseRule, parseRuleLines } from './parse-rule.js';
export { printAction, printPoint, printRule } from './print-rule.js';
export { canonicalRulesText, mergeRules } from './rule-set.js';
export { DEFAULT_RULES_FW_CFG_NAME, FW_CFG_NAME_MAX_BYTES, validateFwCfgName } from './fw-cfg-name.js';
export { PLUGIN_POINTS, checkPluginRule, compilePluginRules, isPluginRule, q35RamRanges, resolveWaitingRule } from './plugin-rules.js';
export type { PluginAction, PluginPoint, PluginRuleLine } from './plugin-rules.js';
export { BLOCK_POINTS, ERRNO, HOST_POINTS, TIMED_POINTS, checkHostRule, compileHostRules, errnoName, isBlockRule, isHostRule } from './host-rules.js';
export type { BlockRule, HostRule, RuleWindow, TimedRule } from './host-rules.js';
