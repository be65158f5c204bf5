/**
 * Refusals that need nothing but the config, for the modes they belong to: a snapshot
 * campaign and mode qtest. They are config problems like any other, reported with them at
 * the setting (or rule) that is wrong, before anything is planned or provisioned.
 */
import { ConfigError, type SourceLocation } from '../core/errors.js';
import { isBlockRule, isHostRule, isPluginRule, printRule } from '../rules/index.js';
import type { ProblemList } from './problems.js';
import { sourceOf } from './settings.js';
import type { ResolvedConfig } from './types.js';

/** What the config is resolved for, when that adds refusals: `campaign` (plan or run one), `qtest`. */
export type ConfigPurpose = 'campaign' | 'qtest';

export function checkPurpose(config: ResolvedConfig, purpose: ConfigPurpose | undefined, problems: ProblemList): void {
  if (purpose === 'campaign' && config.campaign.kind === 'snapshot') checkSnapshotCampaign(config, problems);
  if (purpose === 'qtest') checkQtest(config, problems);
}

/** A parsed rule keeps no position of its own: a refused rule points at the `faults` input, as before. */
const RULES_AT: SourceLocation = { input: 'faults' };

/** Snapshot trials flip bits with qfi's x86_64 plugin and restore state where qfi's agent waits. */
function checkSnapshotCampaign(config: ResolvedConfig, problems: ProblemList): void {
  // Host and plugin rules of the config would act in every trial.
  const other = config.faults.rules.find((r) => isHostRule(r) || isPluginRule(r));
  if (other) {
    problems.add(
      new ConfigError(`snapshot campaigns inject their own bit flips, so the config's rule ${printRule(other)} cannot run in every trial`, {
        location: RULES_AT,
        hint: 'remove host (block.*, vm.*, net.*) and plugin (mem.*, reg.*, insn.*) rules for `campaign: snapshot`; guest rules (read by the guest at boot) are kept',
      }),
    );
  }
  const arch = config.machine.arch;
  if (arch !== 'x86_64') {
    problems.add(
      new ConfigError(`snapshot campaigns need qfi's plugin, which qfi builds and knows RAM and registers for on x86_64 only; arch is ${arch}`, {
        location: sourceOf(config, 'arch'),
        hint: 'run this scenario on arch: x86_64, or use guest, block and VM rules on aarch64',
      }),
    );
  }
  if (config.qemu.accel === 'kvm') {
    problems.add(
      new ConfigError("accel = kvm was asked for, but snapshot campaigns run qfi's TCG plugin: KVM cannot run it", {
        location: sourceOf(config, 'accel'),
        hint: 'use accel = auto (qfi picks TCG then) or accel = tcg',
      }),
    );
  }
  if (config.guest.agent !== 'qfi') {
    problems.add(
      new ConfigError(`snapshot campaigns need qfi's agent (it waits where the state is saved), but the guest runs with agent: ${config.guest.agent}`, {
        location: sourceOf(config, 'agent'),
        hint: 'use the built-in initramfs (your kernel is fine: drop initrd / boot=true)',
      }),
    );
  }
}

/** qtest runs scripts against a machine with no guest and no CPU: only block rules (blkdebug under a drive a device uses) apply. */
function checkQtest(config: ResolvedConfig, problems: ProblemList): void {
  if (config.qtest.scripts.length === 0) {
    problems.add(
      new ConfigError('mode qtest needs at least one qtest script', {
        location: sourceOf(config, 'qtest-script'),
        hint: 'give qtest-script (one path per line), or `[qtest] script = "tests/uart.qtest"` in qfi.toml',
      }),
    );
  }
  const rule = config.faults.rules.find((r) => !isBlockRule(r));
  if (rule) {
    const what = isPluginRule(rule)
      ? 'a plugin rule (no TCG code runs under qtest)'
      : isHostRule(rule)
        ? 'a VM/network rule (there is no guest to pause, reset or cut off)'
        : 'a guest rule (no guest reads it)';
    problems.add(
      new ConfigError(`rule ${printRule(rule)} is ${what}, so it cannot apply in mode qtest`, {
        location: RULES_AT,
        hint: 'in qtest mode use block rules on a disk a device uses (`block.read=fail-after:2 disk=data`), or run the rule in mode run',
      }),
    );
  }
}
