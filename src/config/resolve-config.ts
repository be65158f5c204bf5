/**
 * The config stage: action inputs / CLI flags + qfi.toml (+ a rules file) -> ResolvedConfig.
 * Precedence is input > file > default. Every user value is checked here, and all
 * problems found are reported together, each pointing at its input or file:line:col.
 */
import { randomInt } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { basename, extname, isAbsolute, join, relative, resolve } from 'node:path';
import type { Accel, Arch, CampaignKind, CampaignSettings, ExitDevice, GuestAgent, ResolvedConfig } from './types.js';
import { ConfigError, UsageError, formatLocation, type SourceLocation } from '../core/errors.js';
import { mergeRules, parseRuleLines, type Rule } from '../rules/index.js';
import { checkConfigSchema, type FileSettings, type SettingValue } from './check-schema.js';
import { valueFromInput, type ConfigValue } from './convert-value.js';
import { INPUTS, inputSpec, isInputName, type InputName, type RawInputs } from './inputs.js';
import { loadToml } from './load-toml.js';
import { scenarioNameFrom } from './parse-values.js';
import { ProblemList } from './problems.js';
import { readRulesFile, type RulesFromFile } from './read-rules-file.js';
import { reportSources } from './report-sources.js';
import { buildReproducerArgs, type GivenInput } from './reproducer-args.js';
import { parseDiskLine, type DiskSpec } from './disk-spec.js';
import { parseFileLine } from './file-spec.js';
import { parseExitCodes } from './guest-values.js';
import { checkGuestCombination, type GuestChoice } from './guest-combination.js';
import { parsePointLine } from './point-spec.js';
import { defaultRegions, parseRegionLine } from '../campaign/snapshot/regions.js';

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
  const fromInputs: Partial<Record<InputName, SettingValue>> = {};
  const given: Partial<Record<InputName, GivenInput>> = {};
  for (const [name, text] of raw) {
    if (name === 'faults') continue;
    const spec = inputSpec(name);
    const where: SourceLocation = { input: name };
    const value = problems.attempt(() => valueFromInput(spec, text, { where, baseDir: cwd }));
    if (value === undefined) continue;
    fromInputs[name] = { value, where };
    given[name] = { text: reproducerText(spec.type, text, value) };
  }
  const inputRules = parseInputRules(raw.get('faults'), problems);

  const configFile = pickConfigFile(fromInputs, raw.has('config'), cwd);
  const file = configFile === undefined ? undefined : readConfigFile(configFile, cwd, raw.has('config'), problems, opts.configBaseDir);

  const setting = (name: InputName): SettingValue | undefined => fromInputs[name] ?? file?.values[name];
  const value = <T extends ConfigValue>(name: InputName): T | undefined => setting(name)?.value as T | undefined;
  const orDefault = <T extends ConfigValue>(name: InputName): T => value<T>(name) ?? (defaultValue(name, cwd) as T);

  const fromRulesFile = readRulesFileSetting(setting, fromInputs, cwd, problems);
  if (setting('rules-table') && !setting('rules-file')) {
    warnings.push(`rules-table (${formatLocation(setting('rules-table')?.where ?? {})}) has no effect without rules-file`);
  }

  // faults-enabled: input > qfi.toml > the rules file's own `enabled` > true.
  const enabledSetting = setting('faults-enabled') ?? fromRulesFile?.enabled;
  const enabled = enabledSetting === undefined ? true : (enabledSetting.value as boolean);
  if (!enabled && inputRules.length > 0) {
    warnings.push(
      `fault injection is disabled (faults-enabled = false at ${formatLocation(enabledSetting?.where ?? {})}), ` +
        `so the ${inputRules.length} rule(s) given in \`faults\` are not delivered`,
    );
  }

  // A setting written but invalid is already a problem; do not also call it missing.
  const written = (name: InputName): boolean => raw.has(name) || (file?.present.has(name) ?? false);
  const fileUnreadable = (configFile !== undefined || raw.has('config')) && file === undefined;
  const command = value<string>('command');
  const initrd = setting('initrd');
  if (initrd !== undefined && !written('kernel')) problems.add(initrdWithoutKernel(initrd.where));
  const arch = orDefault<Arch>('arch');
  const disks = readDisks(setting('disks'), problems);
  checkQemuPrefix(setting('qemu'), arch, problems);
  // An initrd without a kernel is already wrong: what would run the command is then moot.
  const guestChoice: GuestChoice = initrd !== undefined && !written('kernel') ? { agent: 'none' } : checkGuestCombination(setting, written, arch, disks, problems);
  if (guestChoice.agent !== 'none' && !written('command') && !fileUnreadable && opts.needsCommand !== false) problems.add(missingCommand(file, guestChoice.agent));
  if (guestChoice.agent === 'none' && !written('success-marker') && !written('failure-marker') && value<string>('exit-device') === undefined) {
    warnings.push(
      'the guest runs without an agent (your kernel and initrd) and no success-marker, failure-marker or exit-device is set: ' +
        'only KTAP/TAP results on the console can make it pass',
    );
  }

  problems.throwIfAny();

  const bootTimeoutMs = orDefault<number>('boot-timeout');
  const testTimeoutMs = orDefault<number>('test-timeout');
  const overallTimeoutMs = value<number>('timeout') ?? bootTimeoutMs + testTimeoutMs + OVERALL_TIMEOUT_MARGIN_MS;
  if (overallTimeoutMs < bootTimeoutMs + testTimeoutMs) {
    warnings.push(
      `timeout (${formatLocation(setting('timeout')?.where ?? {})}) is shorter than boot-timeout + test-timeout, ` +
        'so a slow run is cut off by the overall timeout before its test timeout is reached',
    );
  }

  const seed = value<number>('seed') ?? randomInt(0, 2 ** 32);
  const rules = enabled ? mergeRules([fromRulesFile?.rules ?? [], file?.rules ?? [], inputRules]) : [];
  const sources = reportSources({
    cwd,
    env: opts.env ?? process.env,
    configFile: opts.configBaseDir ? undefined : configFile,
    rules: enabled ? [...(fromRulesFile?.locatedRules ?? []), ...(file?.locatedRules ?? []), ...inputRules.map((rule) => ({ rule, at: undefined }))] : [],
    commandAt: setting('command')?.where,
    resultsFileAt: setting('results-file')?.where,
    command,
    resultsFile: value<string>('results-file'),
  });

  const config: ResolvedConfig = {
    configFile,
    name: value<string>('name') ?? (configFile ? scenarioNameFrom(basename(configFile, extname(configFile))) : 'qfi'),
    qemu: {
      binary: orDefault<string>('qemu'),
      accel: orDefault<Accel>('accel'),
      // `qemu-trailing-args` add to whichever of the input or the file gave `qemu-args`.
      extraArgs: [...(value<string[]>('qemu-args') ?? []), ...(value<string[]>('qemu-trailing-args') ?? [])],
      version: orDefault<string>('qemu-version'),
      sha256: value<string>('qemu-sha256'),
      source: value<string>('qemu-source'),
      targets: value<string[]>('qemu-targets') ?? [`${arch}-softmmu`],
      configureFlags: value<string[]>('qemu-configure-flags') ?? [],
      patches: value<string[]>('qemu-patches') ?? [],
      installDeps: orDefault<boolean>('install-deps'),
      icount: orDefault<boolean>('icount'),
      plugin: value<string>('plugin'),
      pluginArgs: value<string[]>('plugin-args') ?? [],
    },
    machine: {
      arch,
      type: value<string>('machine-type'),
      cpu: value<string>('cpu'),
      memory: orDefault<string>('memory'),
      cpus: orDefault<number>('cpus'),
      network: orDefault<'none' | 'user'>('network'),
    },
    guest: {
      kernel: value<string>('kernel'),
      initrd: value<string>('initrd'),
      append: orDefault<string>('append'),
      disks,
      bios: value<string>('bios'),
      debianMirror: value<string>('debian-mirror'),
      pin: value<string>('guest-pin'),
      files: (value<string[]>('files') ?? []).map(parseFileLine),
      agent: guestChoice.agent,
    },
    test: {
      command: command ?? '',
      bootTimeoutMs,
      testTimeoutMs,
      overallTimeoutMs,
      successMarker: value<string>('success-marker'),
      failureMarker: value<string>('failure-marker'),
      exitDevice: orDefault<ExitDevice>('exit-device'),
      passExitCodes: parseExitCodes(orDefault<string>('pass-exit-codes')),
      resultsFile: value<string>('results-file'),
    },
    faults: { enabled, rules, fwCfgName: orDefault<string>('rules-fw-cfg-name'), seed, requireFired: orDefault<boolean>('require-fired') },
    report: {
      dir: orDefault<string>('results-dir'),
      artifactName: value<string>('artifact-name'),
      upload: orDefault<boolean>('upload-artifacts'),
      failOnVerdict: orDefault<boolean>('fail-on-verdict'),
    },
    reproducerArgs: buildReproducerArgs({ configFile, given, inputRules, seed }),
    sources,
    campaign: campaignSettings(value, guestChoice.agent === 'qfi'),
    qtest: { scripts: value<string[]>('qtest-script') ?? [], devices: value<string[]>('qtest-devices') ?? [] },
  };
  return { config, warnings };
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
  setting: (name: InputName) => SettingValue | undefined,
  fromInputs: Partial<Record<InputName, SettingValue>>,
  cwd: string,
  problems: ProblemList,
): RulesFromFile | undefined {
  const path = setting('rules-file')?.value;
  if (typeof path !== 'string') return undefined;
  const tableSetting = setting('rules-table');
  const table = typeof tableSetting?.value === 'string' ? tableSetting.value : (defaultValue('rules-table', cwd) as string);
  return readRulesFile({
    path,
    displayPath: displayPath(path, cwd),
    table,
    tableWhere: tableSetting?.where ?? { input: 'rules-table' },
    ...(fromInputs['rules-file'] ? { input: 'rules-file' } : {}),
    problems,
  });
}

/** The disks, each already checked on its own; here ids must also be unique. */
function readDisks(disks: SettingValue | undefined, problems: ProblemList): DiskSpec[] {
  const lines = (disks?.value as string[] | undefined) ?? [];
  const specs = lines.map(parseDiskLine);
  const seen = new Set<string>();
  for (const disk of specs) {
    if (seen.has(disk.id)) {
      problems.add(new ConfigError(`two disks have the id \`${disk.id}\``, { location: disks?.where ?? { input: 'disks' }, hint: 'give each disk its own id=, like id=data and id=logs' }));
    }
    seen.add(disk.id);
  }
  const paths = specs.flatMap((d) => (d.path ? [d.path] : []));
  const shared = paths.find((p, i) => paths.indexOf(p) !== i);
  if (shared) problems.add(new ConfigError(`two disks use the same image ${shared}`, { location: disks?.where ?? { input: 'disks' }, hint: 'QEMU locks an image for one writer: give each disk its own image' }));
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

/** A setting's literal default from the inputs table, parsed like an input. */
function defaultValue(name: InputName, cwd: string): ConfigValue {
  const spec = inputSpec(name);
  if (spec.default === undefined || spec.computedDefault) throw new Error(`input ${name} has no literal default`);
  return valueFromInput(spec, spec.default, { where: { input: name }, baseDir: cwd });
}

/** How the reproducer repeats an input: durations as typed, everything else as parsed (paths absolute). */
function reproducerText(type: string, text: string | string[], value: ConfigValue): string | string[] {
  if (Array.isArray(value)) return value;
  if (type === 'duration') return (typeof text === 'string' ? text : (text[text.length - 1] ?? '')).trim();
  return String(value);
}

/** Relative to the working directory when inside it (`qfi.toml:3:9`), else absolute. */
function displayPath(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}

/** Campaign settings; defaults that depend on the kind (chaos repeats rate rules) are filled here. */
function campaignSettings(value: <T extends ConfigValue>(name: InputName) => T | undefined, builtinGuest: boolean): CampaignSettings {
  const kind = value<CampaignKind>('campaign') ?? 'matrix';
  const shard = value<string>('shard')?.split('/').map(Number);
  return {
    kind,
    points: (value<string[]>('points') ?? []).map(parsePointLine),
    actions: value<string[]>('actions') ?? [kind === 'chaos' ? 'rate:100' : 'fail'],
    repeat: value<number>('repeat') ?? (kind === 'chaos' ? 10 : kind === 'snapshot' ? 50 : 1),
    failNthMax: value<number>('fail-nth-max') ?? 100,
    recheck: value<number>('recheck') ?? 2,
    maxJobs: value<number>('max-jobs') ?? 256,
    shard: shard ? { index: shard[0]!, count: shard[1]! } : undefined,
    scenario: value<string>('scenario'),
    planFile: value<string>('plan-file'),
    history: value<string>('history'),
    mergeFrom: value<string[]>('merge-from') ?? [],
    regions: value<string[]>('regions')?.map(parseRegionLine) ?? defaultRegions(builtinGuest),
    snapshotAt: value<string>('snapshot-at') ?? 'start',
    trialTimeoutMs: value<number>('trial-timeout'),
  };
}
