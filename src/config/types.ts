/** The config stage's output: one scenario's settings, checked and resolved (ResolvedConfig). */
import type { Rule } from '../rules/model.js';
import type { DiskSpec } from './disk-spec.js';
import type { FileSpec } from './file-spec.js';
import type { PointSpec } from './point-spec.js';
import type { ReportSources } from './report-sources.js';
import type { RegionSpec } from './region-spec.js';
export type { RegionSpec } from './region-spec.js';
import type { Shard } from './shard.js';
import type { SnapshotPoint } from './snapshot-point.js';
import type { SettingLocations } from './settings.js';

export type Arch = 'x86_64' | 'aarch64';
export type Accel = 'auto' | 'kvm' | 'tcg';
/** What runs the test command in the guest: qfi's initramfs agent, the image's qemu-guest-agent, or nothing (the kernel tests itself). */
export type GuestAgent = 'qfi' | 'qemu-guest-agent' | 'none';
/** How a custom kernel hands QEMU an exit code. */
export type ExitDevice = 'none' | 'isa-debug-exit' | 'semihosting';

/** What a QEMU source build is made from; part of its cache key. */
export interface QemuBuildSpec {
  /** Release to build, e.g. `10.2.2`. */
  version: string;
  /**
   * Expected sha256 of the source tarball: `qemu-sha256` as given; in a plan's build choice,
   * without `source`, qfi's release table's when not given (chooseQemu checks the table once).
   */
  sha256: string | undefined;
  /** Absolute path of a local source tarball or folder. */
  source: string | undefined;
  targets: string[];
  configureFlags: string[];
  /** Absolute paths, applied in order. */
  patches: string[];
  installDeps: boolean;
}

export interface ResolvedConfig {
  /** Absolute path of the TOML file read, if any. */
  configFile: string | undefined;
  /** Scenario name: JUnit suite name, artifact name part. */
  name: string;
  qemu: QemuBuildSpec & {
    /** `auto` | `build` | `system` | an absolute path to a QEMU binary or install prefix. */
    binary: string;
    accel: Accel;
    /** Extra QEMU arguments appended verbatim (argv items, never a shell string). */
    extraArgs: string[];
    /** Deterministic time: -icount shift=0,sleep=off. */
    icount: boolean;
    /** Absolute path of a plugin .c or .so to load. */
    plugin: string | undefined;
    pluginArgs: string[];
  };

  machine: {
    arch: Arch;
    /** QEMU -machine value; undefined: the arch's default (q35, virt). */
    type: string | undefined;
    /** QEMU -cpu value; undefined: the arch's default. */
    cpu: string | undefined;
    /** QEMU -rtc base= value; undefined: QEMU's default (utc). */
    rtcBase: string | undefined;
    /** QEMU -m value, e.g. `256M`. */
    memory: string;
    cpus: number;
    /** `user`: a virtio-net NIC on QEMU user networking. */
    network: 'none' | 'user';
  };
  guest: {
    /** Extra virtio disks, in order (the guest sees them as /dev/qfi/<id>). */
    disks: DiskSpec[];
    /** Custom kernel / initrd; both undefined means the built-in guest. */
    kernel: string | undefined;
    initrd: string | undefined;
    /** Extra kernel command line, appended to the defaults. */
    append: string;
    /** Firmware for -bios; undefined: qboot for Linux on x86_64, else QEMU's default. */
    bios: string | undefined;
    /** Debian mirror for the built-in guest's packages; undefined: the host's, else Debian's archive. */
    debianMirror: string | undefined;
    /** `guest-pin`: the built-in guest's packages, pinned by sha256. */
    pin: string | undefined;
    /** Host files put into the built-in initramfs. */
    files: FileSpec[];
    agent: GuestAgent;
  };
  test: {
    /** Shell command the built-in agent runs in the guest (`sh -c`). */
    command: string;
    bootTimeoutMs: number;
    testTimeoutMs: number;
    /** Whole run, boot to power-off, including diagnostics and shutdown. */
    overallTimeoutMs: number;
    /** Regular expressions on console lines: a pass needs the first, the second fails the run. */
    successMarker: string | undefined;
    failureMarker: string | undefined;
    exitDevice: ExitDevice;
    /** Exit codes from the exit device that mean pass. */
    passExitCodes: number[];
    /** Guest path of a KTAP/TAP file the command writes (`results-file`). */
    resultsFile: string | undefined;
  };
  faults: {
    enabled: boolean;
    /** Canonical, merged: file rules then input rules, last rule for a point wins. */
    rules: Rule[];
    /** fw_cfg file name the rules are delivered under (`opt/qfi/rules`). */
    fwCfgName: string;
    seed: number;
    /** A host or plugin rule that never fired fails the run. */
    requireFired: boolean;
  };
  report: {
    /** Absolute path of the results folder. */
    dir: string;
    /** GitHub artifact name; defaults from the scenario name and matrix job. */
    artifactName: string | undefined;
    /** Upload the results folder as an artifact (GitHub only). */
    upload: boolean;
    failOnVerdict: boolean;
  };
  /** Flags that reproduce this exact run with the CLI (for reproducer.sh). */
  reproducerArgs: string[];
  /** Where the rules and the command are written in the user's repository (JUnit file/line). */
  sources: ReportSources;
  /** How a campaign (`qfi plan|campaign|merge`) spreads this config over many scenarios. */
  campaign: CampaignSettings;
  /** mode qtest: scripts (absolute paths) and -device values. */
  qtest: { scripts: string[]; devices: string[] };
  /** Where each given setting is written (file:line:col or its input), so later stages' errors point there: use sourceOf(config, name). */
  locations: SettingLocations;
}

export type CampaignKind = 'matrix' | 'fail-nth' | 'chaos' | 'snapshot';

export interface CampaignSettings {
  kind: CampaignKind;
  /** Points given by the user; empty: a probe run asks the guest. */
  points: PointSpec[];
  /** Canonical actions for points that name none. */
  actions: string[];
  /** Trials per point and action. */
  repeat: number;
  failNthMax: number;
  recheck: number;
  maxJobs: number;
  shard: Shard | undefined;
  scenario: string | undefined;
  planFile: string | undefined;
  history: string | undefined;
  mergeFrom: string[];
  /** Snapshot trials: where flips land (`ram`, `kernel-code`, `registers`, `name=0xA-0xB`...). */
  regions: RegionSpec[];
  /** Snapshot trials: where the state is saved (the test command's start, a sync marker, or a time after the start). */
  snapshotAt: SnapshotPoint;
  /** Snapshot trials: a trial running longer is a hang; undefined: from the golden runs' time. */
  trialTimeoutMs: number | undefined;
}
