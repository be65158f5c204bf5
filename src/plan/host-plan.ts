/**
 * The host part of a plan: the disks and NIC QEMU gets, and the host rules checked against
 * them. A host rule the machine cannot serve (unknown disk, no disk, no NIC, too many
 * blkdebug states) is refused here, before anything is provisioned.
 */
import type { DiskSpec } from '../config/disk-spec.js';
import { ConfigError } from '../core/errors.js';
import type { ResolvedConfig } from '../config/types.js';
import { sourceOf } from '../config/settings.js';
import type { InputName } from '../config/inputs.js';
import { MAX_BLKDEBUG_STATES, blkdebugStateCount } from '../rules/blkdebug.js';
import { compileHostRules, type BlockRule, type HostRule } from '../rules/host-rules.js';
import type { Rule } from '../rules/model.js';

export interface PlannedDisk extends DiskSpec {
  /** QEMU node names: the image's protocol node and the format node the device sits on. */
  fileNode: string;
  formatNode: string;
  /** -device id; the virtio serial is the disk id (the guest links /dev/qfi/<id> to it). */
  deviceId: string;
}

export interface HostPlan {
  disks: PlannedDisk[];
  network: 'none' | 'user';
  /** NIC id for set_link. */
  nicId: string | undefined;
  /** Block rules with their disk filled in (a rule without disk= becomes one rule per disk). */
  hostRules: HostRule[];
  /** Markers the guest waits at until the runner acknowledges them (guest/README.md). */
  syncMarkers: string[];
  /** The agent waits at test start until the runner has applied the rules counting from there. */
  syncTestStart: boolean;
  /** QEMU starts paused (-S) so rules from boot are in place before the first instruction. */
  startPaused: boolean;
  /** vm.reset rules: the guest reboots (no -no-reboot), the runner ends panicking guests itself. */
  rebootOnReset: boolean;
  /** Count each disk's requests from the test's start (block trace, synced start), without rules. */
  countRequests: boolean;
}

export const NIC_ID = 'qfi-nic0';

export function planHost(config: ResolvedConfig, rules: readonly Rule[], countRequests = false): HostPlan {
  const disks = config.guest.disks.map((d): PlannedDisk => ({ ...d, fileNode: `qfi-${d.id}-file`, formatNode: `qfi-${d.id}`, deviceId: `qfi-disk-${d.id}` }));
  const hostRules = compileHostRules(rules).flatMap((rule) => expandDisks(rule, disks));
  for (const rule of hostRules) checkServable(rule, config);
  for (const disk of disks) {
    const mine = hostRules.filter((r): r is BlockRule => r.layer === 'block' && r.disk === disk.id);
    const states = blkdebugStateCount(mine, config.faults.seed);
    if (states > MAX_BLKDEBUG_STATES) {
      throw new ConfigError(`the block rules on disk ${disk.id} need ${states} blkdebug states, more than ${MAX_BLKDEBUG_STATES}`, {
        location: { input: 'faults' },
        hint: `blkdebug counts with states, one per request position (fail-after:N needs N+1, drop-every:N needs N, rate needs ${1000}), multiplied across the rules of one disk: ${mine.map((r) => r.text).join(', ')}; lower N, or put the rules on different disks`,
      });
    }
    const readOnlyWrites = mine.find((r) => r.op !== 'read' && disk.readOnly);
    if (readOnlyWrites) {
      throw new ConfigError(`rule ${readOnlyWrites.text} can never fire: disk ${disk.id} is read-only, so the guest never writes or flushes it`, {
        location: sourceOf(config, 'disks'),
        hint: 'drop read-only=true from the disk, or use block.read rules on it',
      });
    }
  }
  const windows = hostRules.map((r) => r.window);
  return {
    disks,
    network: config.machine.network,
    nicId: config.machine.network === 'user' ? NIC_ID : undefined,
    hostRules,
    syncMarkers: [...new Set(windows.flatMap((w) => (w.on !== undefined ? [w.on] : [])))],
    // Counting from the test's start needs the start synced, as a rule from there would.
    syncTestStart: countRequests || windows.some((w) => w.from === 'test'),
    startPaused: windows.some((w) => w.from === 'boot'),
    rebootOnReset: hostRules.some((r) => r.layer === 'vm' && r.point === 'vm.reset'),
    countRequests,
  };
}

/** `block.read=fail` without disk= applies to every disk: one rule per disk, sharing the id's text. */
function expandDisks(rule: HostRule, disks: readonly PlannedDisk[]): HostRule[] {
  if (rule.layer !== 'block' || rule.disk !== undefined || disks.length === 0) return [rule];
  if (disks.length === 1) return [{ ...rule, disk: disks[0]!.id }];
  return disks.map((d, i) => ({ ...rule, id: `${rule.id}${String.fromCharCode(97 + (i % 26))}${i >= 26 ? Math.floor(i / 26) : ''}`, disk: d.id }));
}

function checkServable(rule: HostRule, config: ResolvedConfig): void {
  const refuse = (reason: string, hint: string, input: InputName = 'faults'): never => {
    throw new ConfigError(`rule ${rule.text} cannot be carried out: ${reason}`, { location: sourceOf(config, input), hint });
  };
  if (rule.layer === 'block') {
    const ids = config.guest.disks.map((d) => d.id);
    if (ids.length === 0) {
      refuse(
        'the guest has no disks for block rules',
        "add a disk (input `disks`: `id=data size=64M`; config: a [[guest.disks]] table); if this is a point of your guest's own runtime, put the rule in its rules file (rules-file), which qfi hands to the guest unchanged",
        'disks',
      );
    }
    if (rule.disk !== undefined && !ids.includes(rule.disk)) refuse(`there is no disk \`${rule.disk}\``, `the disks are ${ids.join(', ')}`);
  } else if (rule.layer === 'net' && config.machine.network !== 'user') {
    refuse(
      'the guest has no network card',
      'set `network: user` (config: machine.network = "user") to give the guest a virtio-net NIC on QEMU user networking',
      'network',
    );
  }
}
