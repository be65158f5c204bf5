/**
 * The named outputs of each pipeline stage. Each is read-only for the stages after it:
 * config -> ResolvedConfig -> plan -> Plan -> provision -> Provisioned -> run -> RunRecord
 * -> observe -> TestRun -> report.
 */
import type { Rule } from '../rules/model.js';
import type { DiskSpec } from '../config/disk-spec.js';
import type { FileSpec } from '../config/file-spec.js';
import type { PointSpec } from '../config/point-spec.js';
import type { ReportSources } from '../config/report-sources.js';
import type { InjectionSummary } from '../observe/injections.js';
import type { RuleUse } from '../observe/rule-use.js';
import type { PluginRuleLine } from '../rules/plugin-rules.js';
import type { HostPlan } from '../plan/host-plan.js';
import type { DiskImage } from '../provision/disks.js';
import type { GuestIdentity } from '../provision/guest/index.js';
import type { DiskRequests, TimedFire, WindowChange } from '../run/host-faults.js';
import type { BlockFailure } from '../observe/block-trace.js';
import type { GuestPoint } from '../observe/guest-points.js';
import type { KtapReport } from '../observe/ktap.js';
import type { ProblemBlock, ProblemSummary } from '../observe/problems.js';

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
  /** Expected sha256 of the release tarball when the version is not in qfi's table. */
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
  shard: { index: number; count: number } | undefined;
  scenario: string | undefined;
  planFile: string | undefined;
  history: string | undefined;
  mergeFrom: string[];
  /** Snapshot trials: where flips land (`ram`, `kernel-code`, `registers`, `name=0xA-0xB`...). */
  regions: RegionSpec[];
  /** Snapshot trials: where the state is saved (`start`: the test command's start; else a sync marker name). */
  snapshotAt: string;
  /** Snapshot trials: a trial running longer is a hang; undefined: from the golden runs' time. */
  trialTimeoutMs: number | undefined;
}

/** A region flips of a snapshot campaign land in: built in (resolved at run time) or given ranges. */
export interface RegionSpec {
  name: string;
  /** `0xSTART-0xEND` (end exclusive) joined by `;`, as the plugin takes them; undefined for built-in regions. */
  ranges?: string;
}

export type Verdict = 'pass' | 'fail' | 'panic' | 'hang' | 'boot-timeout' | 'infra-error';

/** Priority when several apply (kunit style): a crash beats a failure beats a pass. */
export const verdictSeverity: Record<Verdict, number> = {
  pass: 0,
  fail: 1,
  hang: 2,
  'boot-timeout': 3,
  panic: 4,
  'infra-error': 5,
};

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
  accel: Accel;
  /** -machine value (the arch's default or the user's). */
  machineType: string;
  /** The user's -cpu value; undefined: `host` under KVM, else the arch's default. */
  cpu: string | undefined;
  memory: string;
  cpus: number;
  /** `kernel`: direct kernel boot (-kernel); `disk`: the firmware boots the disk with boot=true. */
  boot: 'kernel' | 'disk';
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
  /** `qfi run …` that repeats this scenario from the same checkout (reports quote it). */
  reproducer: string;
}

export interface VerdictSources {
  /** Regular expressions (JavaScript syntax) on console lines. */
  successMarker: string | undefined;
  failureMarker: string | undefined;
  exitDevice: ExitDevice;
  passExitCodes: number[];
}

export interface Provisioned {
  qemuBinary: string;
  qemuVersion: string;
  /** `system`, `path`, `built`, `local-cache` or `remote-cache`. */
  qemuOrigin: string;
  /** Plugins to load: the user's (`plugin`) and qfi's own when the run has plugin rules. */
  plugins: Array<{ so: string; args: string[]; role: 'user' | 'qfi' }>;
  /** Folders given to QEMU with -L: the distribution's firmware, for a QEMU we built without blobs. */
  firmwareDirs: string[];
  /** Firmware image for -bios (qboot), if any. */
  bios: string | undefined;
  /** undefined when the firmware boots a disk. */
  kernel: string | undefined;
  initrd: string | undefined;
  /** e.g. `linux-image-6.1.0-40-cloud-amd64 6.1.153-1`, the custom kernel path, or the boot disk. */
  kernelDescription: string;
  /** The built-in guest's packages and hashes (its kernel or initramfs is booted); else undefined. */
  guest: GuestIdentity | undefined;
  /** The accelerator actually usable: `kvm` only after a probe succeeded. */
  accel: 'kvm' | 'tcg';
  /** The image file of each planned disk, in plan order. */
  disks: DiskImage[];
}

export type ConsoleEventKind =
  | 'marker'
  /** A guest fault point: registered, or reported with its call counts. */
  | 'point'
  | 'agent-ready'
  | 'test-start'
  | 'test-exit'
  | 'agent-error'
  | 'panic'
  | 'oops'
  | 'bug'
  | 'warning'
  | 'call-trace'
  /** Sanitizer and detector reports, user-space crashes and kernel notices (console-parser.ts). */
  | 'kasan'
  | 'ubsan'
  | 'soft-lockup'
  | 'hard-lockup'
  | 'hung-task'
  | 'rcu-stall'
  | 'segfault'
  | 'oom-kill'
  | 'fault-injection'
  /** A KTAP/TAP `not ok` result line (not SKIP, TODO or XFAIL). */
  | 'ktap-failure'
  /** A memory region the agent reports (`QFI-REGION:kernel-code=0xA-0xB`), for snapshot trials. */
  | 'region'
  /** A console line matched the run's success-marker / failure-marker. */
  | 'success-marker'
  | 'failure-marker';

export interface ConsoleEvent {
  kind: ConsoleEventKind;
  /** 1-based line number in console.log. */
  line: number;
  /** Milliseconds since QEMU started. */
  atMs: number;
  text: string;
  /** For `test-exit`. */
  exitCode?: number;
  /** For `marker`: the name after `QFI-MARKER:`, and the hex value after `=` if any. */
  name?: string;
  value?: string;
  /** For `point` reports: calls of the point and how many of them were failed. */
  calls?: number;
  fails?: number;
}

export interface RunFiles {
  dir: string;
  console: string;
  qemuStderr: string;
  qmpLog: string;
}

export interface RunRecord {
  startedAt: string;
  wallMs: number;
  /** QEMU start to agent-ready marker. */
  bootMs: number | undefined;
  /** test-start to test-exit marker. */
  testMs: number | undefined;
  /** Exit status the guest's command reported through the agent. */
  commandExitCode: number | undefined;
  qemuExit: { code: number | undefined; signal: string | undefined };
  timedOut: 'boot' | 'test' | 'overall' | undefined;
  /** Diagnostics captured on timeout: QMP query-status and HMP `info registers`. */
  diagnostics: { status?: unknown; registers?: string } | undefined;
  /** Why the run could not happen or finish (QEMU failed to start, crashed...). */
  infraError: string | undefined;
  events: ConsoleEvent[];
  /** Total console lines written. */
  consoleLines: number;
  files: RunFiles;
  /** The exact argv QEMU ran with (argv[0] is the binary). */
  qemuArgv: string[];
  /** QEMU's process id (undefined if it never started). */
  qemuPid: number | undefined;
  /** What the host rules did (undefined: the run had none). */
  hostFaults: HostFaultRecord | undefined;
  /** Snapshot runs: when the state was saved or loaded (ms since QEMU started), and how long that took. */
  snapshot?: { savedAtMs?: number; saveMs?: number; loadMs?: number };
  /** Instructions qfi's plugin had counted on vCPU 0 when the test command ended (snapshot trials). */
  testEndIcount?: number;
  /** What the guest's exit device reported (only with an exit-device, when the guest ended QEMU itself). */
  guestExit?: GuestExit;
}

/** `code`: the guest's exit code through the exit device; `power-off`: it ended QEMU without one. */
export type GuestExit = { kind: 'code'; code: number } | { kind: 'power-off' };

export interface HostFaultRecord {
  /** When each disk's set of open block rules changed. */
  windows: WindowChange[];
  /** Timed VM/network faults carried out. */
  fires: TimedFire[];
  /** Guest block requests that failed, from QEMU's block trace. */
  failures: BlockFailure[];
  /** Block requests the trace could not tie to a disk (should be 0). */
  unmatchedRequests: number;
  /** Each disk's requests from the test's start on (undefined when the test never started). */
  testRequests: DiskRequests[] | undefined;
}

export interface LogSummary {
  /** The worst problem blocks (panic, oops, BUG, KASAN... with their call traces), worst first, folded. */
  highlights: string[];
  /** The last console lines before the end. */
  tail: string[];
  /** Every kind of problem seen, worst first, with counts and where it first appeared. */
  problems: ProblemSummary[];
  /** The blocks behind `highlights`, worst first, with their kind and console line. */
  blocks: ProblemBlock[];
}

export interface TestRun {
  scenario: string;
  /** Fault points the guest's runtime reported (QFI-POINT lines), with their call counts. */
  points: GuestPoint[];
  /** What qfi's plugin injected (undefined when it was not loaded). */
  injections: InjectionSummary | undefined;
  /** What each rule did, in canonicalRules order: fired, calls, or never consulted. */
  ruleUse: RuleUse[];
  verdict: Verdict;
  /** One sentence: why this verdict (`command exited with 3`, `no agent marker within 60 s`). */
  reason: string;
  summary: LogSummary;
  /** KTAP/TAP results found on the console (KUnit, kselftest...); undefined when there were none. */
  ktap?: KtapReport;
  record: RunRecord;
  plan: Plan;
  provisioned: Provisioned;
}
