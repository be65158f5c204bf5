import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { ConfigError } from '../core/errors.js';
import { reproducerLine } from '../config/reproducer-args.js';
import type { AccelPlan, FwCfgEntry, GuestSource, Plan, QemuChoice } from './types.js';
import type { ResolvedConfig } from '../config/types.js';
import type { Rule } from '../rules/model.js';
import { knownReleaseSha256 } from './qemu-releases.js';
import { canonicalRulesText, compilePluginRules, isHostRule, isPluginRule, printRule, q35RamRanges } from '../rules/index.js';
import { AGENT_FW_CFG, REPORT_REGIONS_PARAM, SYNC_START_PARAM, rulesNameParam, syncMarkersText } from '../protocol/guest-protocol.js';
import { planHost, type HostPlan } from './host-plan.js';
import { archData } from './arch.js';
import type { SnapshotPoint } from '../config/snapshot-point.js';
import { sourceOf } from '../config/settings.js';

/**
 * Turns a resolved config into everything a run needs that does not depend on the host:
 * canonical rules, fw_cfg entries, kernel command line, timeouts. Pure but for the
 * per-run marker token.
 */
export interface PlanOptions {
  /** Count each disk's requests during the test (a fail-nth probe run sweeps block points by them). */
  countBlockRequests?: boolean;
  /**
   * A snapshot campaign: the guest waits at `at` (`start` or a sync marker) so the state can be
   * saved there, the built-in agent reports the kernel's regions, and qfi's plugin is always
   * loaded (it counts the golden runs' instructions and carries out the flips).
   */
  snapshot?: { at: SnapshotPoint };
  /** Mode qtest: `auto` takes the system QEMU when it has the qtest accelerator, else builds one. */
  qtest?: boolean;
}

export function makePlan(config: ResolvedConfig, token: string = randomBytes(12).toString('hex'), opts: PlanOptions = {}): Plan {
  const rules = config.faults.enabled ? config.faults.rules : [];
  // Host layers (plugin points, block/vm/net points) are carried out by QEMU; the rest go to the guest.
  const guestRules = rules.filter((r) => !isPluginRule(r) && !isHostRule(r));
  const snapshotAt = opts.snapshot?.at;
  const planned = planHost(config, rules, opts.countBlockRequests === true && config.guest.disks.length > 0);
  // The guest waits where the state is saved (a time needs no waiting).
  const host: HostPlan = {
    ...planned,
    syncTestStart: planned.syncTestStart || snapshotAt?.kind === 'start',
    syncMarkers:
      snapshotAt?.kind === 'marker' && !planned.syncMarkers.includes(snapshotAt.name) ? [...planned.syncMarkers, snapshotAt.name] : planned.syncMarkers,
  };
  const pluginRules = compilePluginRules(rules, q35RamRanges(memoryBytes(config.machine.memory)));
  checkGuestSupportsPlan(config, pluginRules.length > 0);
  const fwCfg = agentFwCfg(config, token, guestRules, host);
  const agent = config.guest.agent;
  const arch = archData[config.machine.arch];
  const append = kernelAppend(config, host, snapshotAt !== undefined);

  const loadQfiPlugin = pluginRules.length > 0 || snapshotAt !== undefined;
  return {
    scenario: config.name,
    ...(opts.qtest ? qtestQemu(config) : { qemu: chooseQemu(config, loadQfiPlugin) }),
    loadQfiPlugin,
    plugin: config.qemu.plugin ? { path: config.qemu.plugin, args: config.qemu.pluginArgs } : undefined,
    pluginRules,
    host,
    requireFired: config.faults.requireFired,
    icount: config.qemu.icount,
    arch: config.machine.arch,
    accel: planAccel(config, loadQfiPlugin),
    machineType: config.machine.type ?? arch.machine,
    cpu: config.machine.cpu,
    rtcBase: config.machine.rtcBase,
    memory: config.machine.memory,
    cpus: config.machine.cpus,
    boot: config.guest.disks.some((d) => d.boot) ? 'disk' : 'kernel',
    guest: guestSource(config),
    builtinPackages: { mirror: config.guest.debianMirror, pin: config.guest.pin },
    bios: config.guest.bios,
    resultsDir: config.report.dir,
    agent,
    command: config.test.command,
    resultsFile: config.test.resultsFile,
    verdictSources: {
      successMarker: config.test.successMarker,
      failureMarker: config.test.failureMarker,
      exitDevice: config.test.exitDevice,
      passExitCodes: config.test.passExitCodes,
    },
    files: config.guest.files,
    append: append.join(' '),
    fwCfg,
    canonicalRules: rules.map(printRule),
    guestRules: guestRules.map(printRule),
    rulesFwCfgName: config.faults.fwCfgName,
    seed: config.faults.seed,
    markerToken: token,
    timeouts: {
      bootMs: config.test.bootTimeoutMs,
      testMs: config.test.testTimeoutMs,
      overallMs: config.test.overallTimeoutMs,
    },
    extraArgs: config.qemu.extraArgs,
    sources: config.sources,
    locations: config.locations,
    reproducer: reproducerLine(config.reproducerArgs),
  };
}

/** The fw_cfg files qfi's agent reads: token, command, seed, the guest's rules, results file, sync markers. */
function agentFwCfg(config: ResolvedConfig, token: string, guestRules: readonly Rule[], host: HostPlan): FwCfgEntry[] {
  const fwCfg: FwCfgEntry[] = [
    { name: AGENT_FW_CFG.token, content: token },
    { name: AGENT_FW_CFG.command, content: config.test.command },
    { name: AGENT_FW_CFG.seed, content: String(config.faults.seed) },
  ];
  if (config.faults.enabled) {
    fwCfg.push({ name: config.faults.fwCfgName, content: canonicalRulesText(guestRules) });
  }
  if (config.test.resultsFile !== undefined) fwCfg.push({ name: AGENT_FW_CFG.resultsFile, content: config.test.resultsFile });
  if (host.syncMarkers.length > 0) fwCfg.push({ name: AGENT_FW_CFG.syncMarkers, content: syncMarkersText(host.syncMarkers) });
  return fwCfg;
}

/** The guest's kernel command line: the arch's defaults (fewer for your own initrd), qfi's parameters, yours. */
function kernelAppend(config: ResolvedConfig, host: HostPlan, snapshot: boolean): string[] {
  const agent = config.guest.agent;
  // The quiet, fast boot suits qfi's own initramfs; your kernel and initrd get the console and
  // panic handling only, so what they print stays on the console.
  const arch = archData[config.machine.arch];
  const baseAppend = agent === 'qfi' ? arch.defaultAppend : arch.defaultAppend.filter((p) => p.startsWith('console=') || p.startsWith('panic='));
  const append = [...baseAppend, rulesNameParam(config.faults.fwCfgName)];
  if (host.syncTestStart) append.push(SYNC_START_PARAM);
  // Snapshot campaigns run on qfi's agent only (checkGuestSupportsPlan): it reports the regions.
  if (snapshot) append.push(REPORT_REGIONS_PARAM);
  if (config.guest.append.trim()) append.push(config.guest.append.trim());

  return append;
}

/**
 * What needs qfi's x86_64 plugin build or TCG: checked here because only the plan knows which
 * rules are plugin rules. A snapshot campaign's own refusals are the config stage's
 * (config/purpose-checks.ts): a snapshot plan is made from a config checked for them.
 */
function checkGuestSupportsPlan(config: ResolvedConfig, hasPluginRules: boolean): void {
  const arch = config.machine.arch;
  if (hasPluginRules && arch !== 'x86_64') {
    throw new ConfigError(
      `plugin rules (mem.*, reg.*, insn.*) need qfi's plugin, which qfi builds and knows RAM and registers for on x86_64 only; arch is ${arch}`,
      {
        location: sourceOf(config, 'arch'),
        hint: 'run this scenario on arch: x86_64, or use guest, block and VM rules on aarch64',
      },
    );
  }
  if (config.qemu.accel === 'kvm' && (hasPluginRules || config.qemu.plugin || config.qemu.icount)) {
    // Plugins instrument TCG-translated code and -icount is TCG's: KVM cannot run them, and
    // turning an explicit `accel = kvm` into TCG without a word would hide a wrong setting.
    const why = hasPluginRules
      ? "plugin rules (mem.*, reg.*, insn.*) run in qfi's TCG plugin"
      : config.qemu.plugin
        ? 'a QEMU plugin instruments TCG-translated code'
        : 'icount is a TCG option';
    throw new ConfigError(`accel = kvm was asked for, but ${why}: KVM cannot run it`, {
      location: sourceOf(config, 'accel'),
      hint: 'use accel = auto (qfi picks TCG then) or accel = tcg',
    });
  }
}

/** Plugins instrument TCG-translated code and -icount is TCG's: then only TCG can run the guest. */
function planAccel(config: ResolvedConfig, loadQfiPlugin: boolean): AccelPlan {
  const want = config.qemu.accel;
  if (want === 'tcg') return { want, reason: 'accel = tcg' };
  // An explicit kvm with any of these was refused in checkGuestSupportsPlan.
  if (loadQfiPlugin || config.qemu.plugin) return { want: 'tcg', reason: 'the run loads a TCG plugin' };
  if (config.qemu.icount) return { want: 'tcg', reason: 'icount is a TCG option' };
  return { want, reason: want === 'kvm' ? 'accel = kvm' : 'accel = auto: KVM when it works here, else TCG' };
}

/** A boot=true disk; your kernel with your initrd (or alone, agent none); else the built-in initramfs. */
function guestSource(config: ResolvedConfig): GuestSource {
  const { kernel, initrd, agent, disks } = config.guest;
  const bootDisk = disks.find((d) => d.boot);
  if (bootDisk) return { kind: 'disk', id: bootDisk.id, path: bootDisk.path };
  if (kernel && initrd) return { kind: 'custom', kernel: resolve(kernel), initrd: resolve(initrd) };
  if (kernel && agent === 'none') return { kind: 'custom', kernel: resolve(kernel), initrd: undefined };
  return { kind: 'builtin', kernel: kernel ? resolve(kernel) : undefined };
}

/**
 * qtest: `auto` takes the system QEMU and falls back to a build (ours keeps the qtest
 * accelerator, Debian's has none); `system`, `build` or a path are used as given.
 */
function qtestQemu(config: ResolvedConfig): Pick<Plan, 'qemu' | 'qemuFallback'> {
  if (config.qemu.binary !== 'auto') return { qemu: chooseQemu(config) };
  const build = chooseQemu({ ...config, qemu: { ...config.qemu, binary: 'build' } });
  if (build.kind !== 'build') throw new Error('internal: qemu build was not chosen');
  return { qemu: { kind: 'system' }, qemuFallback: { ...build, reason: 'the system QEMU has no qtest accelerator' } };
}

/** QEMU's -m: a bare number is MiB. */
export function memoryBytes(memory: string): bigint {
  const m = /^([0-9]+)([KMGT]?)$/.exec(memory);
  if (!m) throw new Error(`internal: memory ${memory} was not validated`);
  const shift: Record<string, bigint> = { '': 20n, K: 10n, M: 20n, G: 30n, T: 40n };
  return BigInt(m[1]!) << shift[m[2]!]!;
}

/**
 * `auto` takes the system QEMU unless something needs a QEMU of our own build: plugin
 * rules (qfi's plugin needs plugin API 5 write access, QEMU >= 10.1, and its headers) or a
 * plugin given as C source (no distribution ships qemu-plugin.h).
 */
export function chooseQemu(config: ResolvedConfig, hasPluginRules = false): QemuChoice {
  const { qemu } = config;
  const pluginSource = hasPluginRules || (qemu.plugin?.endsWith('.c') ?? false);
  if (qemu.binary === 'system') {
    if (pluginSource) {
      const what = hasPluginRules
        ? "plugin rules (mem.*, reg.*, insn.*) need qfi's plugin, built against a QEMU build's qemu-plugin.h"
        : `plugin ${qemu.plugin} is C source, which needs a QEMU build's qemu-plugin.h`;
      throw new ConfigError(`${what}, but qemu is \`system\``, {
        location: sourceOf(config, 'qemu'),
        hint: 'use qemu: auto or build (qfi builds QEMU and compiles the plugin), or give the plugin as a built .so',
      });
    }
    return { kind: 'system' };
  }
  if (qemu.binary !== 'auto' && qemu.binary !== 'build') return { kind: 'path', path: qemu.binary };
  if (qemu.binary === 'auto' && !pluginSource) return { kind: 'system' };

  // The one check against the release table: the build then downloads with the sha256 planned here.
  const sha256 = qemu.sha256 ?? (qemu.source ? undefined : knownReleaseSha256(qemu.version));
  if (!qemu.source && !sha256) {
    throw new ConfigError(`QEMU ${qemu.version} is not in qfi's release table, so its tarball cannot be checked`, {
      location: sourceOf(config, 'qemu-version'),
      hint: 'give its sha256 with qemu-sha256, or a local tarball or folder with qemu-source',
    });
  }
  return {
    kind: 'build',
    reason:
      qemu.binary === 'build'
        ? 'qemu: build'
        : hasPluginRules
          ? "the run has plugin rules (qfi's plugin needs QEMU >= 10.1)"
          : `the plugin source ${qemu.plugin} needs qemu-plugin.h`,
    version: qemu.version,
    sha256,
    source: qemu.source,
    targets: qemu.targets,
    configureFlags: qemu.configureFlags,
    patches: qemu.patches,
    installDeps: qemu.installDeps,
  };
}
