/**
 * The one table of qfi's inputs. The action adapter (action.yml lists exactly these),
 * the CLI (a `--<name>` flag for each), the README table and the config resolver all
 * read it, so an input exists everywhere or nowhere.
 *
 * `default` is for people (action.yml descriptions, README, --help). It is never passed
 * as a value: action.yml must not declare `default:` for these inputs, because an action
 * default is always sent and would override qfi.toml (precedence is input > file > default).
 */
import { DEFAULT_RULES_FW_CFG_NAME } from '../protocol/guest-protocol.js';

export type InputType = 'string' | 'path' | 'bool' | 'int' | 'duration' | 'enum' | 'lines';

export interface InputSpec {
  /** kebab-case: the action input and the CLI flag (`--name`). */
  readonly name: string;
  /** Dotted key in qfi.toml (`test.timeout`), or undefined for input-only settings. */
  readonly toml: string | undefined;
  readonly type: InputType;
  /** Allowed values of an `enum`. */
  readonly values?: readonly string[];
  /** Inclusive range of an `int`. */
  readonly min?: number;
  readonly max?: number;
  /** What happens when neither an input nor the file gives a value, for display. */
  readonly default: string | undefined;
  /** True when `default` describes a rule (`random`) rather than being a literal value. */
  readonly computedDefault?: boolean;
  /** One sentence for action.yml and the README. */
  readonly description: string;
  /** False for action-only inputs the CLI spells differently (`mode` is its command, `merge-from` its arguments). */
  readonly cli?: false;
  /** `campaign`: about a campaign as a whole; a campaign's scenario runs do not take it. */
  readonly scope?: 'campaign';
}

/** The action's modes (`mode`); the CLI has a command for each, and `reproduce`. src/modes/modes.ts runs them. */
export const ACTION_MODES = ['run', 'plan', 'campaign', 'merge', 'qtest'] as const;
export type ActionMode = (typeof ACTION_MODES)[number];

export const INPUTS = [
  {
    name: 'mode',
    scope: 'campaign',
    toml: undefined,
    type: 'enum',
    values: [...ACTION_MODES],
    default: 'run',
    cli: false,
    description:
      "What the step does: `run` one scenario; `plan` a campaign (output `matrix` for a matrix job, and plan.json); `campaign` run a campaign's scenarios (all, one `shard`, or one `scenario`); `merge` the results of several campaign jobs (`merge-from`); `qtest` run `qtest-script` against a machine without a guest. The CLI has a command for each: `qfi run|plan|campaign|merge|qtest`.",
  },
  {
    name: 'config',
    toml: undefined,
    type: 'path',
    default: 'qfi.toml if it exists',
    computedDefault: true,
    description: 'Path of the qfi TOML file to read settings and fault rules from.',
  },
  {
    name: 'command',
    toml: 'test.command',
    type: 'string',
    default: undefined,
    description: 'Shell command the built-in guest agent runs inside the guest (required, here or in the config file).',
  },
  {
    name: 'faults',
    toml: undefined,
    type: 'lines',
    default: undefined,
    description: 'Extra fault rules for this run, one `point=action` per line, added after the file rules (CLI: also `--fault RULE`, repeatable).',
  },
  {
    name: 'faults-enabled',
    toml: 'fault_injection.enabled',
    type: 'bool',
    default: 'true',
    description: 'Whether fault rules are delivered to the guest at all; false runs the test without faults.',
  },
  {
    name: 'require-fired',
    toml: 'fault_injection.require_fired',
    type: 'bool',
    default: 'false',
    description:
      'Fail a passing run when a rule never fired: a host or plugin rule that never injected, a guest point the guest never called or never failed (a fault test whose fault never happened proves nothing).',
  },
  {
    name: 'rules-file',
    toml: 'fault_injection.rules_file',
    type: 'path',
    default: undefined,
    description: "Another TOML file (such as a project's own config) to also read fault rules from; only its `rules-table` table is read.",
  },
  {
    name: 'rules-table',
    toml: 'fault_injection.rules_table',
    type: 'string',
    default: 'fault_injection',
    description: 'Dotted path of the table in `rules-file` that holds `enabled` and `rules` (quoted segments allowed).',
  },
  {
    name: 'rules-fw-cfg-name',
    toml: 'fault_injection.fw_cfg_name',
    type: 'string',
    default: DEFAULT_RULES_FW_CFG_NAME,
    description: 'fw_cfg file name the rules are delivered under (RustOS reads `opt/rustos/fault-injection`).',
  },
  {
    name: 'seed',
    toml: 'fault_injection.seed',
    type: 'int',
    min: 0,
    max: 2 ** 32 - 1,
    default: 'random',
    computedDefault: true,
    description: 'Seed for rate-based faults (0 to 4294967295); a random seed is picked and reported when not given.',
  },
  {
    name: 'qemu',
    toml: 'qemu.binary',
    type: 'string',
    default: 'auto',
    description:
      'QEMU to use: `auto` (the system QEMU unless the run needs a QEMU built with plugin headers), `build` (build from source and cache it), `system` (qemu-system-<arch> on PATH), or a path to a qemu-system binary or an install prefix.',
  },
  {
    name: 'qemu-version',
    toml: 'qemu.version',
    type: 'string',
    default: '10.2.2',
    description: "QEMU release to build (`build`, or `auto` when a build is needed); releases in qfi's table are downloaded and checked by sha256.",
  },
  {
    name: 'qemu-sha256',
    toml: 'qemu.sha256',
    type: 'string',
    default: undefined,
    description: "sha256 of the release tarball, for a `qemu-version` that is not in qfi's table (a mismatch is an error).",
  },
  {
    name: 'qemu-source',
    toml: 'qemu.source',
    type: 'path',
    default: undefined,
    description: "A local QEMU source tarball or folder to build instead of downloading (Debian's `apt-get source` orig tarball works).",
  },
  {
    name: 'qemu-targets',
    toml: 'qemu.targets',
    type: 'lines',
    default: '<arch>-softmmu',
    computedDefault: true,
    description: 'QEMU targets to build, one per line (in the config file: an array).',
  },
  {
    name: 'qemu-configure-flags',
    toml: 'qemu.configure_flags',
    type: 'lines',
    default: undefined,
    description: "Extra flags for QEMU's configure, one per line, after qfi's minimal set.",
  },
  {
    name: 'qemu-patches',
    toml: 'qemu.patches',
    type: 'lines',
    default: undefined,
    description: 'Patch files applied in order (patch -p1) to the QEMU source before configure; one that does not apply fails the build.',
  },
  {
    name: 'install-deps',
    toml: 'qemu.install_deps',
    type: 'bool',
    default: 'false',
    description: 'Install missing QEMU build dependencies with apt-get (needs root or passwordless sudo on Debian/Ubuntu).',
  },
  {
    name: 'icount',
    toml: 'qemu.icount',
    type: 'bool',
    default: 'false',
    description:
      'Run with `-icount shift=0,sleep=off` and a VM-clock RTC: guest time follows executed instructions, so the same rules and seed give the same injections.',
  },
  {
    name: 'plugin',
    toml: 'qemu.plugin',
    type: 'path',
    default: undefined,
    description: 'A TCG plugin to load: a C source file (compiled against the built QEMU) or a ready .so.',
  },
  {
    name: 'plugin-args',
    toml: 'qemu.plugin_args',
    type: 'lines',
    default: undefined,
    description: 'Arguments for `plugin`, one `key=value` per line (in the config file: an array).',
  },
  {
    name: 'accel',
    toml: 'qemu.accel',
    type: 'enum',
    values: ['auto', 'kvm', 'tcg'],
    default: 'auto',
    description:
      'Accelerator: `kvm` when usable with `auto`, else `tcg`. Plugin rules, snapshot campaigns, a `plugin` and `icount` need TCG: `auto` then picks it, an explicit `kvm` is refused.',
  },
  {
    name: 'qemu-args',
    toml: 'qemu.extra_args',
    type: 'lines',
    default: undefined,
    description: 'Extra QEMU arguments, one argv item per line (in the config file: an array of strings).',
  },
  {
    name: 'qemu-trailing-args',
    toml: undefined,
    type: 'lines',
    default: undefined,
    cli: false,
    description:
      "QEMU arguments added last, after `qemu-args` or the config file's `qemu.extra_args` (which they do not replace), one argv item per line. The CLI takes them after a bare `--`: `qfi run … -- -no-reboot`.",
  },
  {
    name: 'arch',
    toml: 'machine.arch',
    type: 'enum',
    values: ['x86_64', 'aarch64'],
    default: 'x86_64',
    description: 'Guest architecture: `x86_64` (QEMU machine `q35`) or `aarch64` (machine `virt`); the built-in guest exists for both.',
  },
  {
    name: 'machine-type',
    toml: 'machine.type',
    type: 'string',
    default: 'q35 on x86_64, virt on aarch64',
    computedDefault: true,
    description: 'QEMU machine type, with options if needed (`pc`, `q35`, `virt,gic-version=3`), as `-machine` takes it.',
  },
  {
    name: 'cpu',
    toml: 'machine.cpu',
    type: 'string',
    default: "QEMU's default on x86_64, cortex-a57 on aarch64 (host with KVM)",
    computedDefault: true,
    description: 'QEMU CPU model (`-cpu`), e.g. `max`, `Skylake-Client`, `cortex-a72`.',
  },
  {
    name: 'rtc-base',
    toml: 'machine.rtc_base',
    type: 'string',
    default: undefined,
    description:
      "The guest's wall clock at boot (QEMU `-rtc base=`): `utc` (QEMU's default), `localtime`, or a fixed start like `2024-01-01` or `2024-01-01T08:00:00`, so tests that print dates give the same output every run (snapshot golden runs compare output).",
  },
  {
    name: 'memory',
    toml: 'machine.memory',
    type: 'string',
    default: '256M',
    description: 'Guest memory as QEMU -m takes it (`256M`, `1G`, a bare number is MiB); at least 64M.',
  },
  {
    name: 'cpus',
    toml: 'machine.cpus',
    type: 'int',
    min: 1,
    max: 64,
    default: '1',
    description: 'Number of guest vCPUs (1 to 64).',
  },
  {
    name: 'kernel',
    toml: 'guest.kernel',
    type: 'path',
    default: undefined,
    description:
      "Your guest kernel: a Linux bzImage/vmlinux/Image, or any kernel QEMU's `-kernel` boots (multiboot ELF on x86). Without `initrd` it boots the built-in initramfs and agent; the built-in kernel is used when not given.",
  },
  {
    name: 'initrd',
    toml: 'guest.initrd',
    type: 'path',
    default: undefined,
    description:
      'Your initrd for your `kernel`; it replaces the built-in agent, so the verdict comes from `success-marker`, `failure-marker`, `exit-device`, KTAP on the console or `agent: qemu-guest-agent`.',
  },
  {
    name: 'bios',
    toml: 'guest.bios',
    type: 'path',
    default: "qboot for Linux kernels on x86_64, else QEMU's default firmware",
    computedDefault: true,
    description: "Firmware image for QEMU's `-bios` (e.g. an OVMF or u-boot build).",
  },
  {
    name: 'debian-mirror',
    toml: 'guest.debian_mirror',
    type: 'string',
    default: "the host's Debian mirror (from its apt sources) on Debian, else https://deb.debian.org/debian",
    computedDefault: true,
    description:
      "Debian mirror (base URL, as in apt's sources) the built-in guest's kernel and busybox packages are downloaded from; its index is checked with Debian's archive keyring where the host has gpgv and the keyring.",
  },
  {
    name: 'guest-pin',
    toml: 'guest.pin',
    type: 'string',
    default: undefined,
    description:
      "Boot exactly this built-in guest: the `guest.pin` line of a run's summary.json (its kernel and busybox packages by pool path and sha256), as `qfi reproduce` passes it; taken from the cache, the mirror or snapshot.debian.org.",
  },
  {
    name: 'files',
    toml: 'guest.files',
    type: 'lines',
    default: undefined,
    description:
      'Host files copied into the built-in guest, one per line: `path=build/mytest dest=/usr/bin/mytest` with optional `mode=0755` (in the config file: `[[guest.files]]` tables). The shared libraries of a dynamic ELF program come along (resolved like ldd), so it runs as on the host.',
  },
  {
    name: 'agent',
    toml: 'guest.agent',
    type: 'enum',
    values: ['auto', 'qfi', 'qemu-guest-agent', 'none'],
    default: 'auto',
    description:
      "What runs `command` in the guest: `qfi` (the built-in initramfs's agent), `qemu-guest-agent` (the agent inside your disk image or initrd, over virtio-serial), or `none` (your kernel runs its tests itself). `auto`: `qfi` with the built-in initramfs, else `none`.",
  },
  {
    name: 'append',
    toml: 'guest.append',
    type: 'string',
    default: '',
    description: 'Extra kernel command line, appended to the defaults (`console=` and, with the built-in agent, a quiet fast boot).',
  },
  {
    name: 'disks',
    toml: 'guest.disks',
    type: 'lines',
    default: undefined,
    description:
      'Extra virtio disks, one per line: `id=data size=64M` (a new empty disk) or `id=data path=disk.img`, with optional `format=raw|qcow2`, `read-only=true`, `boot=true` (the firmware boots this image: a distribution disk image) and `snapshot=true` (writes go to a throw-away overlay; the default for a boot disk) (in the config file: `[[guest.disks]]` tables). Block rules name them: `block.read[disk=data]=fail`.',
  },
  {
    name: 'network',
    toml: 'machine.network',
    type: 'enum',
    values: ['none', 'user'],
    default: 'none',
    description: 'Guest network: `user` adds a virtio-net NIC on QEMU user networking (guest 10.0.2.15, gateway 10.0.2.2), needed by `net.link` rules.',
  },
  {
    name: 'boot-timeout',
    toml: 'test.boot_timeout',
    type: 'duration',
    default: '60s',
    description: 'Longest time from QEMU start to the guest agent being ready (`90s`, `2m`, `1m30s`).',
  },
  {
    name: 'test-timeout',
    toml: 'test.timeout',
    type: 'duration',
    default: '10m',
    description: 'Longest time the test command may run in the guest.',
  },
  {
    name: 'timeout',
    toml: 'test.overall_timeout',
    type: 'duration',
    default: 'boot-timeout + test-timeout + 60s',
    computedDefault: true,
    description: 'Longest time for the whole run, boot to power-off, including diagnostics.',
  },
  {
    name: 'success-marker',
    toml: 'test.success_marker',
    type: 'string',
    default: undefined,
    description:
      'Regular expression (JavaScript syntax) that a console line of a passing guest matches, e.g. `ALL TESTS PASSED`. Once given, a run without it does not pass. With `agent: none` and no `exit-device`, the run ends at the first match.',
  },
  {
    name: 'failure-marker',
    toml: 'test.failure_marker',
    type: 'string',
    default: undefined,
    description:
      'Regular expression (JavaScript syntax) that a console line of a failing guest matches, e.g. `^FAIL|assertion failed`; the first match fails the run.',
  },
  {
    name: 'exit-device',
    toml: 'test.exit_device',
    type: 'enum',
    values: ['none', 'isa-debug-exit', 'semihosting'],
    default: 'none',
    description:
      "How your kernel reports an exit code: `isa-debug-exit` (x86: write the code to I/O port 0xf4; QEMU adds `-device isa-debug-exit,iobase=0xf4,iosize=0x04`) or `semihosting` (aarch64: SYS_EXIT with ADP_Stopped_ApplicationExit; the guest may then also use semihosting's console).",
  },
  {
    name: 'pass-exit-codes',
    toml: 'test.pass_exit_codes',
    type: 'string',
    default: '0',
    description: 'Guest exit codes (from `exit-device`) that mean pass, as a list of numbers and ranges: `0`, `0,3`, `0-1`; any other code fails the run.',
  },
  {
    name: 'results-file',
    toml: 'test.results_file',
    type: 'string',
    default: undefined,
    description:
      'Absolute guest path of a KTAP/TAP file the command writes (e.g. `/tmp/results.tap` from a kselftest runner). After the command the agent (`qfi` or `qemu-guest-agent`) hands it to the runner: each test becomes a JUnit testcase, a `not ok` fails the run, and a missing, empty or cut-off file is an error. Saved as `guest-results.txt`.',
  },
  {
    name: 'qtest-script',
    toml: 'qtest.script',
    type: 'lines',
    default: undefined,
    description:
      'qtest scripts for `mode: qtest` (`qfi qtest`), one path per line: QEMU qtest protocol lines with expectations (`inb 0x511 == 0x51`, `readl 0x09000018 & 0x20 == 0x0`), in `[sections]` that each become a JUnit testcase. Each script runs on its own QEMU with the qtest accelerator.',
  },
  {
    name: 'qtest-devices',
    toml: 'qtest.devices',
    type: 'lines',
    default: undefined,
    description:
      'Devices for `mode: qtest`, one `-device` value per line (`ide-hd,drive=qfi-data,bus=ide.0`); a disk from `disks` is the block node `qfi-<id>`, with no device of its own in this mode.',
  },
  {
    name: 'campaign',
    scope: 'campaign',
    toml: 'campaign.kind',
    type: 'enum',
    values: ['matrix', 'fail-nth', 'chaos', 'snapshot'],
    default: 'matrix',
    description:
      "Kind of campaign: `matrix` (one scenario per point and action), `fail-nth` (a golden run counts each point's calls, then one scenario fails exactly the k-th call), `chaos` (rate rules repeated `repeat` times with seeds), `snapshot` (boot once, save the state, then `repeat` trials each restore it and flip one bit in a `regions` region; every trial classified benign, sdc, detected, crash or hang).",
  },
  {
    name: 'points',
    scope: 'campaign',
    toml: 'fault_injection.points',
    type: 'lines',
    default: 'the points the guest reports in a probe run',
    computedDefault: true,
    description:
      'Fault points a campaign covers, one per line: `storage.read`, `block.read[disk=data]`, optionally with their own actions: `storage.read actions=fail,fail-after:2` (config file: `[[fault_injection.points]]` tables with `name` and `actions`).',
  },
  {
    name: 'actions',
    scope: 'campaign',
    toml: 'campaign.actions',
    type: 'lines',
    default: 'fail (chaos: rate:100)',
    computedDefault: true,
    description: 'Actions tried on each point that names none, one per line (`fail`, `fail-after:2`, `rate:50`).',
  },
  {
    name: 'repeat',
    scope: 'campaign',
    toml: 'campaign.repeat',
    type: 'int',
    min: 1,
    max: 10000,
    default: '1 (chaos: 10, snapshot: 50)',
    computedDefault: true,
    description: 'Trials per point and action (snapshot: trials in all, spread over the regions); trial i runs with seed + i - 1.',
  },
  {
    name: 'fail-nth-max',
    scope: 'campaign',
    toml: 'campaign.fail_nth_max',
    type: 'int',
    min: 1,
    max: 10000,
    default: '100',
    description: 'Most calls a fail-nth sweep fails per point (calls 1..this); a point called more often is swept up to here and the summary says so.',
  },
  {
    name: 'recheck',
    scope: 'campaign',
    toml: 'campaign.recheck',
    type: 'int',
    min: 0,
    max: 1000,
    default: '2',
    description: 'Chaos: how many failing trials per point are run again with the same seed; a different outcome marks the point flaky.',
  },
  {
    name: 'max-jobs',
    scope: 'campaign',
    toml: 'campaign.max_jobs',
    type: 'int',
    min: 1,
    max: 256,
    default: '256',
    description:
      'Most matrix jobs a plan asks for (GitHub allows 256 per matrix); more scenarios are spread over this many shards. A snapshot campaign asks for one job per 25 trials at most (each job boots once).',
  },
  {
    name: 'shard',
    scope: 'campaign',
    toml: undefined,
    type: 'string',
    default: undefined,
    description: "Run only shard `i/N` of the campaign: every N-th scenario, starting at the i-th (1-based), as in a plan's matrix entry.",
  },
  {
    name: 'scenario',
    scope: 'campaign',
    toml: undefined,
    type: 'string',
    default: undefined,
    description: 'Run only the campaign scenario with this id.',
  },
  {
    name: 'plan-file',
    scope: 'campaign',
    toml: undefined,
    type: 'path',
    default: undefined,
    description: 'plan.json written by `mode: plan`: the campaign runs exactly these scenarios (no second probe run, same seeds).',
  },
  {
    name: 'history',
    scope: 'campaign',
    toml: 'campaign.history',
    type: 'string',
    default: undefined,
    description:
      "A previous campaign's campaign.json (a path; a missing file only warns): points whose failure rate got worse or that newly fail are marked, and a chaos campaign then fails only on those.",
  },
  {
    name: 'regions',
    scope: 'campaign',
    toml: 'campaign.regions',
    type: 'lines',
    default: 'kernel-code, kernel-data, ram, registers (other guests: ram, registers)',
    computedDefault: true,
    description:
      'Snapshot campaigns: where the bit flips land, one region per line, trials spread evenly: `ram`, `registers`, `kernel-code`, `kernel-rodata`, `kernel-data`, `kernel-bss` (reported by the built-in guest), or your own `name=0xSTART-0xEND` guest-physical ranges (end exclusive, `;` between).',
  },
  {
    name: 'snapshot-at',
    scope: 'campaign',
    toml: 'campaign.snapshot_at',
    type: 'string',
    default: 'start',
    description:
      'Snapshot campaigns: where the state is saved and every trial resumes: `start` (the test command is about to run), a marker name the test reaches with `qfi-marker NAME` (the guest waits there while the state is saved), or `time:2s` (that long after the test started).',
  },
  {
    name: 'trial-timeout',
    scope: 'campaign',
    toml: 'campaign.trial_timeout',
    type: 'duration',
    default: "the golden runs' test time × 5, at least 3s",
    computedDefault: true,
    description: 'Snapshot campaigns: a trial whose test command runs longer than this is a `hang`.',
  },
  {
    name: 'merge-from',
    scope: 'campaign',
    toml: undefined,
    type: 'lines',
    default: undefined,
    cli: false,
    description: 'Folders holding the results of campaign jobs (e.g. downloaded artifacts), merged by `mode: merge` into one JUnit file and one summary.',
  },
  {
    name: 'name',
    toml: 'report.name',
    type: 'string',
    default: 'config file name without extension, else qfi',
    computedDefault: true,
    description: 'Scenario name used for the JUnit suite and artifact names (letters, digits, `.`, `_`, `-`).',
  },
  {
    name: 'results-dir',
    toml: 'report.dir',
    type: 'path',
    default: 'qfi-results',
    description: 'Folder the console log, JUnit, summary and reproducer are written to.',
  },
  {
    name: 'artifact-name',
    toml: 'report.artifact_name',
    type: 'string',
    default: undefined,
    description: 'Name of the uploaded results artifact (GitHub only); derived from the scenario name when not given.',
  },
  {
    name: 'upload-artifacts',
    toml: 'report.upload',
    type: 'bool',
    default: 'true',
    description: 'Whether to upload the results folder as an artifact (GitHub only).',
  },
  {
    name: 'fail-on-verdict',
    toml: 'report.fail_on_verdict',
    type: 'bool',
    default: 'true',
    description: 'Whether a failing verdict fails the step / exits non-zero (infrastructure errors always do).',
  },
] as const satisfies readonly InputSpec[];

export type InputName = (typeof INPUTS)[number]['name'];

/** What the adapters hand over: raw strings as typed by the user, `lines` inputs as arrays or newline-separated text. */
export type RawInputs = Partial<Record<InputName, string | string[]>>;

const byName = new Map<string, InputSpec>(INPUTS.map((spec) => [spec.name, spec]));

export function inputSpec(name: InputName): InputSpec {
  const spec = byName.get(name);
  if (!spec) throw new Error(`unknown input ${name}`);
  return spec;
}

export function isInputName(name: string): name is InputName {
  return byName.has(name);
}
