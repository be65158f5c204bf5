/** The plan stage's output: every decision about one run, made before anything is provisioned (Plan). */
import type { Accel, Arch, ExitDevice, GuestAgent, QemuBuildSpec } from '../config/types.js';
import type { ReportSources } from '../config/report-sources.js';
import type { FileSpec } from '../config/file-spec.js';
import type { PluginRuleLine } from '../rules/plugin-rules.js';
import type { HostPlan } from './host-plan.js';
import type { SettingLocations } from '../config/settings.js';

export interface FwCfgEntry {
  /** `opt/...`, at most 55 bytes. */
  name: string;
  /** File content; written to a private file and passed with `file=`. */
  content: string;
}

/** How the run gets its QEMU. */
export type QemuChoice =
  | { kind: 'system' }
  | { kind: 'path'; path: string }
  | ({
      kind: 'build';
      /** Why a build is needed, for the log (`qemu: build`, `the run has plugin rules`). */
      reason: string;
    } & QemuBuildSpec);

export interface Plan {
  scenario: string;
  qemu: QemuChoice;
  /** A user's TCG plugin to load (forces TCG). */
  plugin: { path: string; args: string[] } | undefined;
  /** Plugin rules compiled for qfi's own plugin (plugin/). */
  pluginRules: PluginRuleLine[];
  /** Load qfi's plugin: the run has plugin rules, or is part of a snapshot campaign. */
  loadQfiPlugin?: boolean;
  /** Disks, NIC and the host layers' rules (blkdebug, QMP). */
  host: HostPlan;
  /** A host or plugin rule that never fired fails the run. */
  requireFired: boolean;
  /** -icount shift=0,sleep=off. */
  icount: boolean;
  arch: Arch;
  /** The accelerator asked for, made as concrete as the plan can: provision probes KVM for `kvm` and `auto`. */
  accel: AccelPlan;
  /** -machine value (the arch's default or the user's). */
  machineType: string;
  /** The user's -cpu value; undefined: `host` under KVM, else the arch's default. */
  cpu: string | undefined;
  /** The guest's wall clock at boot (-rtc base=); undefined: QEMU's default. */
  rtcBase: string | undefined;
  memory: string;
  cpus: number;
  /** `kernel`: direct kernel boot (-kernel); `disk`: the firmware boots the disk with boot=true. */
  boot: 'kernel' | 'disk';
  /** What the guest boots from: a disk, your kernel (and initrd), or the built-in initramfs. */
  guest: GuestSource;
  /** Where the built-in guest's packages come from (also the KVM probe's kernel when yours is not Linux). */
  builtinPackages: { mirror: string | undefined; pin: string | undefined };
  /** Your firmware for -bios; undefined: qboot for a Linux kernel on x86_64 when found, else QEMU's default. */
  bios: string | undefined;
  /** Absolute path of the results folder (a QEMU build writes its log there). */
  resultsDir: string;
  /** A QEMU to build when the chosen one cannot serve (qtest: a system QEMU without the qtest accelerator). */
  qemuFallback?: QemuChoice & { kind: 'build' };
  /** What runs the test command; `qfi` is the built-in initramfs's agent. */
  agent: GuestAgent;
  /** The test command (`sh -c`), for qemu-guest-agent (qfi's agent reads it from fw_cfg). */
  command: string;
  /** Guest path of the KTAP/TAP file the command writes; the agent hands it to the runner. */
  resultsFile: string | undefined;
  /** How the verdict is read from a guest without qfi's agent (and extra checks with it). */
  verdictSources: VerdictSources;
  /** Host files for the built-in initramfs (a second cpio archive appended to it). */
  files: FileSpec[];
  /** Kernel command line for the guest (unused when booting a disk). */
  append: string;
  /** fw_cfg files handed to the guest. */
  fwCfg: FwCfgEntry[];
  /** Every rule of the run, canonical (empty when disabled): what reports list. */
  canonicalRules: string[];
  /** The rules handed to the guest through fw_cfg (all but the plugin's and the host layers' rules). */
  guestRules: string[];
  /** fw_cfg name the rules go under (even when disabled: the agent is told where to look). */
  rulesFwCfgName: string;
  seed: number;
  /** Random per-run token: the agent's console markers carry it, so a test cannot fake them. */
  markerToken: string;
  timeouts: { bootMs: number; testMs: number; overallMs: number };
  extraArgs: string[];
  /** Where the rules and the command are written in the user's repository (JUnit file/line). */
  sources: ReportSources;
  /** Where each setting was written (qfi.toml position or input name): later errors point there. */
  locations: SettingLocations;
  /** `qfi run …` that repeats this scenario from the same checkout (reports quote it). */
  reproducer: string;
}

/** `tcg` is decided here (with why); `kvm` must pass provision's probe, `auto` takes KVM when it does. */
export interface AccelPlan {
  want: Accel;
  /** For the log: `accel = tcg`, `the run loads TCG plugins`, `icount is a TCG option`… */
  reason: string;
}

export type GuestSource =
  | { kind: 'disk'; id: string; path: string | undefined }
  /** Your kernel with your initrd, or alone (agent none): no built-in initramfs. */
  | { kind: 'custom'; kernel: string; initrd: string | undefined }
  /** The built-in initramfs with its own kernel, or yours. */
  | { kind: 'builtin'; kernel: string | undefined };

export interface VerdictSources {
  /** Regular expressions (JavaScript syntax) on console lines. */
  successMarker: string | undefined;
  failureMarker: string | undefined;
  exitDevice: ExitDevice;
  passExitCodes: number[];
}
