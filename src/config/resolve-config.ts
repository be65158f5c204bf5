/**
 * The config stage: action inputs / CLI flags + qfi.toml (+ a rules file) -> ResolvedConfig.
 * Precedence is input > file > default. Every user value is checked here, and all
 * problems found are reported together, each pointing at its input or file:line:col.
 */
import { randomInt } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { basename, extname, isAbsolute, join, relative, resolve } from 'node:path';
import type { Arch, CampaignSettings, GuestAgent, ResolvedConfig } from './types.js';
import { ConfigError, UsageError, formatLocation, type SourceLocation } from '../core/errors.js';
import { mergeRules, parseRuleLines, type Rule } from '../rules/index.js';
import { checkConfigSchema, type FileSettings, type SettingValue } from './check-schema.js';
import { valueFromInput, type ConfigValue, type ListItem } from './convert-value.js';
import { INPUTS, inputSpec, isInputName, type InputName, type RawInputs } from './inputs.js';
import { loadToml } from './load-toml.js';
import { scenarioNameFrom } from './parse-values.js';
import { ProblemList } from './problems.js';
import { readRulesFile, type RulesFromFile } from './read-rules-file.js';
import { reportSources, type LocatedRule } from './report-sources.js';
import { buildReproducerArgs, type GivenInput } from './reproducer-args.js';
import { printDiskLine, type DiskSpec } from './disk-spec.js';
import { printFileLine, type FileSpec } from './file-spec.js';
import { checkGuestCombination, type GuestChoice } from './guest-combination.js';
import { printPointLine, type PointSpec } from './point-spec.js';
import { defaultRegions, printRegionLine, type RegionSpec } from './region-spec.js';
import { Settings } from './settings.js';
import { checkPurpose, type ConfigPurpose } from './purpose-checks.js';
import { printShard, type Shard } from './shard.js';

export const DEFAULT_CONFIG_FILE = 'qfi.toml';

/** Time the whole run gets beyond boot + test: diagnostics and shutdown. */
const OVERALL_TIMEOUT_MARGIN_MS = 60_000;

export interface ResolveConfigOptions {
  /** Raw values by input name; `faults` and `qemu-args` as lines. Empty values count as not given. */
  inputs: RawInputs;
  /** Folder relative input paths and the default qfi.toml are looked up in. */
  cwd: string;
  /** False for steps that boot nothing (`merge`): no test command is required. */
  needsCommand?: boolean;
  /** Folder the config file's relative paths resolve from instead of its own (`qfi reproduce` reads the run's copy of it). */
  configBaseDir?: string;
  /** The mode's own refusals that need only the config (a snapshot campaign's, qtest's). */
  purpose?: ConfigPurpose;
  /** The environment GITHUB_WORKSPACE and GITHUB_WORKFLOW_REF are read from (tests give their own). */
  env?: NodeJS.ProcessEnv;
}

export interface ResolveConfigResult {
  config: ResolvedConfig;
  /** Things that are allowed but probably not meant, for the log. */
  warnings: string[];
}

export async function resolveConfig(opts: ResolveConfigOptions): Promise<ResolveConfigResult> {
  const cwd = resolve(opts.cwd);
  const problems = new ProblemList();
  const warnings: string[] = [];
  const raw = givenInputs(opts.inputs);
  // Inputs first: their values are all known before the file is read.
  const { fromInputs, given } = readInputs(raw, cwd, problems);
  const inputRules = parseInputRules(raw.get('faults'), problems);
  const configFile = pickConfigFile(fromInputs, raw.has('config'), cwd);
  const file = configFile === undefined ? undefined : readConfigFile(configFile, cwd, raw.has('config'), problems, opts.configBaseDir);
  const settings = new Settings(fromInputs, file, new Set(raw.keys()), cwd);

  const faults = readFaults(settings, fromInputs, file, inputRules, { cwd, problems, warnings });
  const fileUnreadable = (configFile !== undefined || raw.has('config')) && file === undefined;
  const guest = checkGuest(settings, { file, fileUnreadable, needsCommand: opts.needsCommand !== false, problems, warnings });
  problems.throwIfAny();

  const seed = settings.value('seed') ?? randomInt(0, 2 ** 32);
  const sources = reportSources({
    cwd,
    env: opts.env ?? process.env,
    configFile: opts.configBaseDir ? undefined : configFile,
    rules: faults.located,
    commandAt: settings.setting('command')?.where,
    resultsFileAt: settings.setting('results-file')?.where,
    command: settings.value('command'),
    resultsFile: settings.value('results-file'),
  });
  const config: ResolvedConfig = {
    configFile,
    name: settings.value('name') ?? (configFile ? scenarioNameFrom(basename(configFile, extname(configFile))) : 'qfi'),
    qemu: qemuSettings(settings, guest.arch),
    machine: machineSettings(settings, guest.arch),
    guest: guestSettings(settings, guest),
    test: testSettings(settings, warnings),
    faults: {
      enabled: faults.enabled,
      rules: faults.rules,
      fwCfgName: settings.orDefault('rules-fw-cfg-name'),
      seed,
      requireFired: settings.orDefault('require-fired'),
    },
    report: {
      dir: settings.orDefault('results-dir'),
      artifactName: settings.value('artifact-name'),
      upload: settings.orDefault('upload-artifacts'),
      failOnVerdict: settings.orDefault('fail-on-verdict'),
    },
    reproducerArgs: buildReproducerArgs({ configFile, given, inputRules, seed }),
    sources,
    campaign: campaignSettings(settings, guest.choice.agent === 'qfi'),
    qtest: { scripts: settings.value('qtest-script') ?? [], devices: settings.value('qtest-devices') ?? [] },
    locations: settings.locations(),
  };
  checkPurpose(config, opts.purpose, problems);
  problems.throwIfAny();
  return { config, warnings };
}

/** Each given input, typed, and how the reproducer repeats it. */
function readInputs(
  raw: ReadonlyMap<InputName, string | string[]>,
  cwd: string,
  problems: ProblemList,
): { fromInputs: Partial<Record<InputName, SettingValue>>; given: Partial<Record<InputName, GivenInput>> } {
  const fromInputs: Partial<Record<InputName, SettingValue>> = {};
  const given: Partial<Record<InputName, GivenInput>> = {};
  for (const [name, text] of raw) {
    if (name === 'faults') continue;
    const spec = inputSpec(name);
    const where: SourceLocation = { input: name };
    const value = problems.attempt(() => valueFromInput(spec, text, { where, baseDir: cwd }));
    if (value === undefined) continue;
    fromInputs[name] = { value, where };
    given[name] = { text: reproducerText(name, spec.type, text, value) };
  }
  return { fromInputs, given };
}

interface Collect {
  problems: ProblemList;
  /** Things that are allowed but probably not meant, for the log. */
  warnings: string[];
}

interface Faults {
  enabled: boolean;
  /** Canonical, merged: rules file, qfi.toml, then input rules. */
  rules: Rule[];
  located: LocatedRule[];
}

/** The rules from the rules file, qfi.toml and the `faults` input; faults-enabled: input > qfi.toml > the rules file's own `enabled` > true. */
function readFaults(
  settings: Settings,
  fromInputs: Partial<Record<InputName, SettingValue>>,
  file: FileSettings | undefined,
  inputRules: Rule[],
  { cwd, problems, warnings }: Collect & { cwd: string },
): Faults {
  const fromRulesFile = readRulesFileSetting(settings, fromInputs, cwd, problems);
  if (settings.setting('rules-table') && !settings.setting('rules-file')) {
    warnings.push(`rules-table (${formatLocation(settings.where('rules-table'))}) has no effect without rules-file`);
  }
  const enabledSetting = settings.setting('faults-enabled') ?? fromRulesFile?.enabled;
  const enabled = enabledSetting === undefined ? true : (enabledSetting.value as boolean);
  if (!enabled && inputRules.length > 0) {
    warnings.push(
      `fault injection is disabled (faults-enabled = false at ${formatLocation(enabledSetting?.where ?? {})}), ` +
        `so the ${inputRules.length} rule(s) given in \`faults\` are not delivered`,
    );
  }
  if (!enabled) return { enabled, rules: [], located: [] };
  return {
    enabled,
    rules: mergeRules([fromRulesFile?.rules ?? [], file?.rules ?? [], inputRules]),
    located: [...(fromRulesFile?.locatedRules ?? []), ...(file?.locatedRules ?? []), ...inputRules.map((rule) => ({ rule, at: undefined }))],
  };
}

interface GuestChecked {
  arch: Arch;
  disks: DiskSpec[];
  choice: GuestChoice;
}

/** The guest settings that only work together, and the test command the guest's agent needs. */
function checkGuest(settings: Settings, opts: Collect & { file: FileSettings | undefined; fileUnreadable: boolean; needsCommand: boolean }): GuestChecked {
  const { problems, warnings } = opts;
  const written = (name: InputName): boolean => settings.written(name);
  const initrd = settings.setting('initrd');
  if (initrd !== undefined && !written('kernel')) problems.add(initrdWithoutKernel(initrd.where));
  const arch = settings.orDefault('arch');
  const disks = checkDisks(settings.setting('disks'), problems);
  checkQemuPrefix(settings.setting('qemu'), arch, problems);
  // An initrd without a kernel is already wrong: what would run the command is then moot.
  const choice: GuestChoice =
    initrd !== undefined && !written('kernel') ? { agent: 'none' } : checkGuestCombination((name) => settings.setting(name), written, arch, disks, problems);
  if (choice.agent !== 'none' && !written('command') && !opts.fileUnreadable && opts.needsCommand) problems.add(missingCommand(opts.file, choice.agent));
  if (choice.agent === 'none' && !written('success-marker') && !written('failure-marker') && settings.value('exit-device') === undefined) {
    warnings.push(
      'the guest runs without an agent (your kernel and initrd) and no success-marker, failure-marker or exit-device is set: ' +
        'only KTAP/TAP results on the console can make it pass',
    );
  }
  return { arch, disks, choice };
}

function qemuSettings(settings: Settings, arch: Arch): ResolvedConfig['qemu'] {
  return {
    binary: settings.orDefault('qemu'),
    accel: settings.orDefault('accel'),
    // `qemu-trailing-args` add to whichever of the input or the file gave `qemu-args`.
    extraArgs: [...(settings.value('qemu-args') ?? []), ...(settings.value('qemu-trailing-args') ?? [])],
    version: settings.orDefault('qemu-version'),
    sha256: settings.value('qemu-sha256'),
    source: settings.value('qemu-source'),
    targets: settings.value('qemu-targets') ?? [`${arch}-softmmu`],
    configureFlags: settings.value('qemu-configure-flags') ?? [],
    patches: settings.value('qemu-patches') ?? [],
    installDeps: settings.orDefault('install-deps'),
    icount: settings.orDefault('icount'),
    plugin: settings.value('plugin'),
    pluginArgs: settings.value('plugin-args') ?? [],
  };
}

function machineSettings(settings: Settings, arch: Arch): ResolvedConfig['machine'] {
  return {
    arch,
    type: settings.value('machine-type'),
    cpu: settings.value('cpu'),
    rtcBase: settings.value('rtc-base'),
    memory: settings.orDefault('memory'),
    cpus: settings.orDefault('cpus'),
    network: settings.orDefault('network'),
  };
}

function guestSettings(settings: Settings, guest: GuestChecked): ResolvedConfig['guest'] {
  return {
    kernel: settings.value('kernel'),
    initrd: settings.value('initrd'),
    append: settings.orDefault('append'),
    disks: guest.disks,
    bios: settings.value('bios'),
    debianMirror: settings.value('debian-mirror'),
    pin: settings.value('guest-pin'),
    files: settings.value('files') ?? [],
    agent: guest.choice.agent,
  };
}

function testSettings(settings: Settings, warnings: string[]): ResolvedConfig['test'] {
  const bootTimeoutMs = settings.orDefault('boot-timeout');
  const testTimeoutMs = settings.orDefault('test-timeout');
  const overallTimeoutMs = settings.value('timeout') ?? bootTimeoutMs + testTimeoutMs + OVERALL_TIMEOUT_MARGIN_MS;
  if (overallTimeoutMs < bootTimeoutMs + testTimeoutMs) {
    warnings.push(
      `timeout (${formatLocation(settings.where('timeout'))}) is shorter than boot-timeout + test-timeout, ` +
        'so a slow run is cut off by the overall timeout before its test timeout is reached',
    );
  }
  return {
    command: settings.value('command') ?? '',
    bootTimeoutMs,
    testTimeoutMs,
    overallTimeoutMs,
    successMarker: settings.value('success-marker'),
    failureMarker: settings.value('failure-marker'),
    exitDevice: settings.orDefault('exit-device'),
    passExitCodes: settings.orDefault('pass-exit-codes'),
    resultsFile: settings.value('results-file'),
  };
}

/** Inputs that were actually given: the action reports unset inputs as ''. */
function givenInputs(inputs: RawInputs): Map<InputName, string | string[]> {
  // The adapters build inputs from the INPUTS table, so a stranger here is a bug, not a typo.
  const unknown = Object.keys(inputs).filter((name) => !isInputName(name));
  if (unknown.length > 0) {
    throw new UsageError(`unknown input ${unknown.join(', ')}`, { hint: `known inputs: ${INPUTS.map((s) => s.name).join(', ')}` });
  }
  const out = new Map<InputName, string | string[]>();
  for (const spec of INPUTS) {
    const text = inputs[spec.name];
    if (text === undefined) continue;
    const items = typeof text === 'string' ? [text] : text;
    if (items.every((item) => item.trim() === '')) continue;
    out.set(spec.name, text);
  }
  return out;
}

/** The `faults` lines, each parsed on its own so every bad line is reported. */
function parseInputRules(text: string | string[] | undefined, problems: ProblemList): Rule[] {
  if (text === undefined) return [];
  const lines = (typeof text === 'string' ? [text] : text).flatMap((item) => item.split('\n'));
  return lines.flatMap((line, index) => problems.attempt(() => parseRuleLines(line, { input: 'faults', line: index + 1, column: 1 })) ?? []);
}

function pickConfigFile(fromInputs: Partial<Record<InputName, SettingValue>>, configGiven: boolean, cwd: string): string | undefined {
  const chosen = fromInputs.config?.value;
  if (typeof chosen === 'string') return chosen;
  if (configGiven) return undefined; // given but invalid: already a problem
  const fallback = join(cwd, DEFAULT_CONFIG_FILE);
  return existsSync(fallback) ? fallback : undefined;
}

function readConfigFile(path: string, cwd: string, fromInput: boolean, problems: ProblemList, baseDir: string | undefined): FileSettings | undefined {
  const loaded = problems.attempt(() =>
    loadToml({ path, displayPath: displayPath(path, cwd), what: 'config file', ...(fromInput ? { input: 'config' } : {}) }),
  );
  return loaded === undefined ? undefined : checkConfigSchema(loaded, problems, baseDir);
}

function readRulesFileSetting(
  settings: Settings,
  fromInputs: Partial<Record<InputName, SettingValue>>,
  cwd: string,
  problems: ProblemList,
): RulesFromFile | undefined {
  const path = settings.value('rules-file');
  if (path === undefined) return undefined;
  return readRulesFile({
    path,
    displayPath: displayPath(path, cwd),
    table: settings.orDefault('rules-table'),
    tableWhere: settings.where('rules-table'),
    ...(fromInputs['rules-file'] ? { input: 'rules-file' } : {}),
    problems,
  });
}

/** The disks, each already checked on its own; here ids must also be unique. */
function checkDisks(disks: SettingValue | undefined, problems: ProblemList): DiskSpec[] {
  const specs = (disks?.value as DiskSpec[] | undefined) ?? [];
  const seen = new Set<string>();
  for (const disk of specs) {
    if (seen.has(disk.id)) {
      problems.add(
        new ConfigError(`two disks have the id \`${disk.id}\``, {
          location: disks?.where ?? { input: 'disks' },
          hint: 'give each disk its own id=, like id=data and id=logs',
        }),
      );
    }
    seen.add(disk.id);
  }
  const paths = specs.flatMap((d) => (d.path ? [d.path] : []));
  const shared = paths.find((p, i) => paths.indexOf(p) !== i);
  if (shared)
    problems.add(
      new ConfigError(`two disks use the same image ${shared}`, {
        location: disks?.where ?? { input: 'disks' },
        hint: 'QEMU locks an image for one writer: give each disk its own image',
      }),
    );
  return specs;
}

function missingCommand(file: FileSettings | undefined, agent: GuestAgent): ConfigError {
  const what = agent === 'qemu-guest-agent' ? 'qemu-guest-agent runs it in your image' : 'the built-in agent runs it in the guest';
  return new ConfigError(`no test command given: qfi needs to know what to run (${what})`, {
    location: file ? { file: file.file.displayPath } : { input: 'command' },
    hint:
      `add \`command = "make check"\` under [test] in ${file ? file.file.displayPath : DEFAULT_CONFIG_FILE}, ` +
      'or pass it as an input (action: `with: command: make check`; CLI: `--command "make check"`)',
  });
}

function initrdWithoutKernel(where: SourceLocation): ConfigError {
  return new ConfigError('initrd given without a kernel', {
    location: where,
    hint: 'also give `kernel` (the initrd is booted with it), or drop `initrd` to use the built-in guest',
  });
}

/** A QEMU install prefix must hold the binary for the guest's arch. */
function checkQemuPrefix(qemu: SettingValue | undefined, arch: Arch, problems: ProblemList): void {
  const path = qemu?.value;
  if (typeof path !== 'string' || !isAbsolute(path) || !statSync(path).isDirectory()) return;
  const binary = join(path, 'bin', `qemu-system-${arch}`);
  if (!existsSync(binary)) {
    problems.add(
      new ConfigError(`QEMU install prefix ${path} has no bin/qemu-system-${arch}`, {
        location: qemu?.where ?? { input: 'qemu' },
        hint: `give the folder QEMU was installed to (the one holding bin/qemu-system-${arch}), or the binary's own path`,
      }),
    );
  }
}

/** How the reproducer repeats an input: durations and exit codes as typed, specs as their canonical lines, the rest as parsed (paths absolute). */
function reproducerText(name: InputName, type: string, text: string | string[], value: ConfigValue): string | string[] {
  if (Array.isArray(value) && type === 'lines') return (value as ListItem[]).map((item) => listItemText(name, item));
  if (type === 'duration' || name === 'pass-exit-codes' || name === 'snapshot-at')
    return (typeof text === 'string' ? text : (text[text.length - 1] ?? '')).trim();
  if (name === 'shard') return printShard(value as Shard);
  return String(value);
}

function listItemText(name: InputName, item: ListItem): string {
  if (typeof item === 'string') return item;
  if (name === 'disks') return printDiskLine(item as DiskSpec);
  if (name === 'files') return printFileLine(item as FileSpec);
  if (name === 'points') return printPointLine(item as PointSpec);
  return printRegionLine(item as RegionSpec);
}

/** Relative to the working directory when inside it (`qfi.toml:3:9`), else absolute. */
function displayPath(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}

/** Campaign settings; defaults that depend on the kind (chaos repeats rate rules) are filled here. */
function campaignSettings(settings: Settings, builtinGuest: boolean): CampaignSettings {
  const kind = settings.orDefault('campaign');
  return {
    kind,
    points: settings.value('points') ?? [],
    actions: settings.value('actions') ?? [kind === 'chaos' ? 'rate:100' : 'fail'],
    repeat: settings.value('repeat') ?? (kind === 'chaos' ? 10 : kind === 'snapshot' ? 50 : 1),
    failNthMax: settings.orDefault('fail-nth-max'),
    recheck: settings.orDefault('recheck'),
    maxJobs: settings.orDefault('max-jobs'),
    shard: settings.value('shard'),
    scenario: settings.value('scenario'),
    planFile: settings.value('plan-file'),
    history: settings.value('history'),
    mergeFrom: settings.value('merge-from') ?? [],
    regions: settings.value('regions') ?? defaultRegions(builtinGuest),
    snapshotAt: settings.orDefault('snapshot-at'),
    trialTimeoutMs: settings.value('trial-timeout'),
  };
}
