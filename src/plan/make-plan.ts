import { randomBytes } from 'node:crypto';
import type { FwCfgEntry, Plan, ResolvedConfig } from '../core/types.js';
import { canonicalRulesText, printRule } from '../rules/index.js';
import { archData } from './arch.js';

/** fw_cfg names the built-in agent reads (guest/README.md documents the protocol). */
export const AGENT_FW_CFG = {
  token: 'opt/qfi/token',
  command: 'opt/qfi/command',
} as const;

/** The kernel command line parameter telling the agent which fw_cfg file holds the rules. */
export const RULES_NAME_PARAM = 'qfi.rules';

/**
 * Turns a resolved config into everything a run needs that does not depend on the host:
 * canonical rules, fw_cfg entries, kernel command line, timeouts. Pure but for the
 * per-run marker token.
 */
export function makePlan(config: ResolvedConfig, token: string = randomBytes(12).toString('hex')): Plan {
  const canonicalRules = config.faults.enabled ? config.faults.rules.map(printRule) : [];
  const fwCfg: FwCfgEntry[] = [
    { name: AGENT_FW_CFG.token, content: token },
    { name: AGENT_FW_CFG.command, content: config.test.command },
  ];
  if (config.faults.enabled) {
    fwCfg.push({ name: config.faults.fwCfgName, content: canonicalRulesText(config.faults.rules) });
  }
  const append = [...archData[config.machine.arch].defaultAppend, `${RULES_NAME_PARAM}=${config.faults.fwCfgName}`];
  if (config.guest.append.trim()) append.push(config.guest.append.trim());

  return {
    scenario: config.name,
    arch: config.machine.arch,
    accel: config.qemu.accel,
    memory: config.machine.memory,
    cpus: config.machine.cpus,
    append: append.join(' '),
    fwCfg,
    canonicalRules,
    rulesFwCfgName: config.faults.fwCfgName,
    seed: config.faults.seed,
    markerToken: token,
    timeouts: {
      bootMs: config.test.bootTimeoutMs,
      testMs: config.test.testTimeoutMs,
      overallMs: config.test.overallTimeoutMs,
    },
    extraArgs: config.qemu.extraArgs,
    // A custom initrd replaces our agent; a custom kernel alone still boots our initramfs.
    builtinGuest: config.guest.initrd === undefined,
  };
}
