/**
 * One setting's value, from an input's text or a TOML value, to its typed form: the
 * input's type (bool, duration, ...) and then the checks particular to that setting
 * (memory size, fw_cfg name, paths that must exist). Errors are ConfigErrors at `where`.
 */
import { existsSync, statSync } from 'node:fs';
import { fileKind } from '../core/input-file.js';
import { isAbsolute, resolve } from 'node:path';
import { ConfigError, type SourceLocation } from '../core/errors.js';
import { validateFwCfgName } from '../rules/index.js';
import { diskFromLine, diskFromTable, type DiskSpec } from './disk-spec.js';
import { fileFromLine, fileFromTable, type FileSpec } from './file-spec.js';
import { checkGuestFilePath, checkMarkerRegex, checkQemuOptionWord, checkRtcBase, parseExitCodes } from './guest-values.js';
import { parsePointLine, pointFromTable, ruleFor, type PointSpec } from './point-spec.js';
import { printAction } from '../rules/index.js';
import type { InputName, InputSpec } from './inputs.js';
import {
  ValueProblem,
  checkArtifactName,
  checkIntRange,
  checkMemory,
  checkScenarioName,
  durationFromSeconds,
  parseBool,
  parseDecimalInt,
  parseDuration,
} from './parse-values.js';
import { parseDottedKey } from './toml-positions.js';
import { parseRegionLine, type RegionSpec } from './region-spec.js';
import { parseShard, type Shard } from './shard.js';
import { parseSnapshotAt, type SnapshotPoint } from './snapshot-point.js';

/** An item of a `lines` setting: text, or the typed spec of a disk, file, point or region. */
export type ListItem = string | DiskSpec | FileSpec | PointSpec | RegionSpec;

/**
 * bool -> boolean; int and duration (ms) -> number; lines -> their items; paths absolute;
 * `pass-exit-codes`, `shard` and `snapshot-at` -> their typed values.
 */
export type ConfigValue = string | number | boolean | ListItem[] | number[] | Shard | SnapshotPoint;

export interface ValueSite {
  /** The value as a whole: `{ input }` or the TOML value's file:line:col. */
  where: SourceLocation;
  /** The first character inside a TOML string's quotes, for errors pointing into the text. */
  content?: SourceLocation;
  /** Where each element of a TOML array sits. */
  element?: (index: number) => SourceLocation;
  /** Folder relative paths are resolved from: the working directory or the config file's folder. */
  baseDir: string;
}

/** An input's or CLI flag's text. Scalar text is trimmed (YAML block scalars end in a newline). */
export function valueFromInput(spec: InputSpec, raw: string | readonly string[], site: ValueSite): ConfigValue {
  if (spec.type === 'lines') return checkSetting(spec, inputLines(raw), site);
  // A repeated flag: the last one wins, as with most CLIs.
  const text = (typeof raw === 'string' ? raw : (raw[raw.length - 1] ?? '')).trim();
  let value: ConfigValue;
  try {
    switch (spec.type) {
      case 'bool':
        value = parseBool(text);
        break;
      case 'int':
        value = parseDecimalInt(text, spec.min ?? 0, spec.max ?? Number.MAX_SAFE_INTEGER);
        break;
      case 'duration':
        value = parseDuration(text);
        break;
      case 'enum':
        value = checkEnum(spec, text);
        break;
      case 'string':
      case 'path':
        value = text;
        break;
    }
  } catch (err) {
    throw located(err, site.where);
  }
  return checkSetting(spec, value, site);
}

/** Non-blank lines of a `lines` input, given as one newline-separated text or as items. */
export function inputLines(raw: string | readonly string[]): string[] {
  const items = typeof raw === 'string' ? [raw] : raw;
  return items
    .flatMap((item) => item.split('\n'))
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/** A value from qfi.toml (integers arrive as bigint). `key` is its dotted TOML path, for messages. */
export function valueFromToml(spec: InputSpec, key: string, raw: unknown, site: ValueSite): ConfigValue {
  const wrongType = (): ConfigError =>
    new ConfigError(`${key} must be ${TOML_TYPE_NAMES[spec.type]}, found ${describeTomlValue(raw)}`, {
      location: site.where,
      hint: `write it like \`${key.split('.').pop()} = ${tomlExample(spec)}\``,
    });
  let value: ConfigValue;
  try {
    switch (spec.type) {
      case 'bool':
        if (typeof raw !== 'boolean') throw wrongType();
        value = raw;
        break;
      case 'int':
        if (typeof raw !== 'bigint') throw wrongType();
        value = checkIntRange(raw, spec.min ?? 0, spec.max ?? Number.MAX_SAFE_INTEGER);
        break;
      case 'duration':
        if (typeof raw === 'bigint') value = durationFromSeconds(raw);
        else if (typeof raw === 'string') value = parseDuration(raw);
        else throw wrongType();
        break;
      case 'enum':
        if (typeof raw !== 'string') throw wrongType();
        value = checkEnum(spec, raw);
        break;
      case 'lines':
        if (!Array.isArray(raw)) throw wrongType();
        value = raw.map((item, index): ListItem => {
          if (typeof item === 'string') return item;
          // [[guest.disks]] tables become the same spec a `disks` input line does.
          const fromTable = TABLE_ITEMS[spec.name];
          if (fromTable && isTomlTable(item)) {
            try {
              return fromTable(item, index, site.baseDir);
            } catch (err) {
              throw located(err, site.element?.(index) ?? site.where, `${key}[${index}]`);
            }
          }
          throw new ConfigError(`${key}[${index}] must be a string, found ${describeTomlValue(item)}`, {
            location: site.element?.(index) ?? site.where,
            hint: `quote each item: \`${key.split('.').pop()} = ${tomlExample(spec)}\``,
          });
        });
        break;
      case 'string':
      case 'path':
        // `memory = 512` reads naturally and means MiB, as in QEMU.
        if (spec.name === 'memory' && typeof raw === 'bigint') value = String(raw);
        else if (typeof raw !== 'string') throw wrongType();
        else value = raw;
        break;
    }
  } catch (err) {
    if (err instanceof ConfigError) throw err;
    throw located(err, site.where, key);
  }
  return checkSetting(spec, value, site, key);
}

/** `lines` settings whose items may also be TOML tables (`[[guest.disks]]`). */
const TABLE_ITEMS: Partial<Record<string, (table: Record<string, unknown>, index: number, baseDir: string) => ListItem>> = {
  points: (table) => pointFromTable(table),
  files: (table, _index, baseDir) => fileFromTable(table, baseDir),
  disks: diskFromTable,
};

/** The checks particular to one setting, after its type is right. `key` prefixes messages about TOML values. */
function checkSetting(spec: InputSpec, value: ConfigValue, site: ValueSite, key?: string): ConfigValue {
  const name = spec.name as InputName;
  // Items from TOML tables are already specs.
  if (Array.isArray(value)) return value.map((item, index) => (typeof item === 'string' ? checkListItem(name, item, index, site, key) : item)) as ListItem[];
  if (typeof value !== 'string') return value;
  try {
    switch (name) {
      case 'command':
        if (value.trim() === '') {
          throw new ValueProblem('the test command is empty', 'give the shell command to run in the guest, like `make check`');
        }
        return value;
      case 'memory':
        return checkMemory(value);
      case 'name':
        return checkScenarioName(value);
      case 'artifact-name':
        return checkArtifactName(value);
      case 'rules-fw-cfg-name':
        return validateFwCfgName(value, site.content ?? site.where);
      case 'rules-table':
        return checkTablePath(value);
      case 'qemu':
        return ['auto', 'build', 'system'].includes(value) ? value : existingPath(value, site.baseDir, 'any', 'QEMU');
      case 'qemu-version':
        return checkQemuVersion(value);
      case 'qemu-sha256':
        return checkSha256(value);
      case 'qemu-source':
        return existingPath(value, site.baseDir, 'any', 'QEMU source');
      case 'plugin':
        return checkPluginPath(existingPath(value, site.baseDir, 'file', 'plugin'));
      case 'kernel':
        return existingPath(value, site.baseDir, 'file', 'kernel');
      case 'initrd':
        return existingPath(value, site.baseDir, 'file', 'initrd');
      case 'bios':
        return existingPath(value, site.baseDir, 'file', 'firmware');
      case 'debian-mirror':
        return checkMirrorUrl(value);
      case 'machine-type':
        return checkQemuOptionWord(value, 'machine type', '`q35`, `pc` or `virt,gic-version=3`');
      case 'cpu':
        return checkQemuOptionWord(value, 'CPU model', '`max`, `Skylake-Client` or `cortex-a72`');
      case 'rtc-base':
        return checkRtcBase(value);
      case 'success-marker':
      case 'failure-marker':
        checkMarkerRegex(value);
        return value;
      case 'pass-exit-codes':
        return parseExitCodes(value);
      case 'results-file':
        return checkGuestFilePath(value, 'results-file', '/tmp/results.tap');
      case 'rules-file':
        return existingPath(value, site.baseDir, 'file', 'rules file');
      case 'plan-file':
        return existingPath(value, site.baseDir, 'file', 'plan file');
      case 'shard':
        return parseShard(value);
      case 'snapshot-at':
        return parseSnapshotAt(value);
      case 'scenario':
        return checkScenarioName(value);
      case 'config':
      case 'results-dir':
      case 'history':
        return absolutePath(value, site.baseDir);
      default:
        return value;
    }
  } catch (err) {
    if (err instanceof ConfigError) throw err;
    throw located(err, site.where, key);
  }
}

/** Items of list settings: each checked on its own, errors pointing at the item. */
function checkListItem(name: InputName, item: string, index: number, site: ValueSite, key?: string): ListItem {
  const where = site.element?.(index) ?? site.where;
  try {
    switch (name) {
      case 'qemu-targets':
        if (!/^[a-z0-9_]+-(softmmu|linux-user|bsd-user)$/.test(item)) {
          throw new ValueProblem(`bad QEMU target ${JSON.stringify(item)}`, 'targets look like `x86_64-softmmu` or `aarch64-softmmu`');
        }
        return item;
      case 'qemu-configure-flags':
        if (!item.startsWith('--')) {
          throw new ValueProblem(`configure flag ${JSON.stringify(item)} does not start with --`, 'one flag per item, like `--enable-debug-tcg`');
        }
        return item;
      case 'qemu-patches':
        return existingPath(item, site.baseDir, 'file', 'patch');
      case 'qtest-script':
        return existingPath(item, site.baseDir, 'file', 'qtest script');
      case 'qtest-devices':
        return checkQemuOptionWord(item, 'device', '`ide-hd,drive=qfi-data,bus=ide.0` or `pl011,chardev=c0`');
      case 'disks':
        return diskFromLine(item, index, site.baseDir);
      case 'files':
        return fileFromLine(item, site.baseDir);
      case 'points':
        return parsePointLine(item);
      case 'regions':
        return parseRegionLine(item);
      case 'merge-from':
        return absolutePath(item, site.baseDir);
      case 'actions':
        return checkActionText(item);
      case 'plugin-args':
        if (!/^[A-Za-z_][A-Za-z0-9_-]*=/.test(item)) {
          throw new ValueProblem(`plugin argument ${JSON.stringify(item)} is not key=value`, 'one `key=value` per item, like `inline=on`');
        }
        return item;
      default:
        return item;
    }
  } catch (err) {
    throw located(err, where, key === undefined ? undefined : `${key}[${index}]`);
  }
}

function checkQemuVersion(text: string): string {
  if (/^\d+\.\d+\.\d+$/.test(text)) return text;
  throw new ValueProblem(`bad QEMU version ${JSON.stringify(text)}`, 'give a release number like `10.2.2`');
}

function checkSha256(text: string): string {
  const hex = text.toLowerCase();
  if (/^[0-9a-f]{64}$/.test(hex)) return hex;
  throw new ValueProblem(
    `${JSON.stringify(text)} is not a sha256 (64 hex digits)`,
    'copy the sha256 of the release tarball, e.g. from `sha256sum qemu-X.Y.Z.tar.xz`',
  );
}

function checkPluginPath(path: string): string {
  if (path.endsWith('.c') || path.endsWith('.so')) return path;
  throw new ValueProblem(
    `plugin ${path} is neither a C source file (.c) nor a shared object (.so)`,
    'give the plugin source (.c) to have qfi compile it, or a built .so',
  );
}

function checkEnum(spec: InputSpec, text: string): string {
  const values = spec.values ?? [];
  if (values.includes(text)) return text;
  throw new ValueProblem(`${JSON.stringify(text)} is not one of ${values.join(', ')}`, `use ${values.map((v) => `\`${v}\``).join(' or ')}`);
}

function checkTablePath(text: string): string {
  try {
    parseDottedKey(text);
    return text;
  } catch (err) {
    throw new ValueProblem(
      `bad table path ${JSON.stringify(text)}: ${(err as Error).message}`,
      'write the table name as in its TOML header, e.g. `fault_injection` or `tools."qfi"`',
    );
  }
}

function absolutePath(text: string, baseDir: string): string {
  if (text === '') throw new ValueProblem('the path is empty', 'give a file path, or leave the setting out');
  return isAbsolute(text) ? text : resolve(baseDir, text);
}

function existingPath(text: string, baseDir: string, kind: 'file' | 'any', what: string): string {
  const path = absolutePath(text, baseDir);
  if (!existsSync(path)) {
    const hint =
      what === 'QEMU'
        ? 'give `auto`, `system` (qemu-system-<arch> on PATH), or the path of a qemu-system binary or install prefix'
        : `check the path; relative paths are resolved from ${baseDir}`;
    throw new ValueProblem(`${what} ${JSON.stringify(text)} does not exist (looked at ${path})`, hint);
  }
  const st = statSync(path);
  if (kind === 'file' && !st.isFile()) {
    throw new ValueProblem(`${what} ${JSON.stringify(text)} is ${fileKind(st)}, not a regular file (${path})`, `give the path of the ${what} file itself`);
  }
  return path;
}

function located(err: unknown, where: SourceLocation, key?: string): ConfigError {
  if (err instanceof ConfigError) return err;
  if (err instanceof ValueProblem) {
    return new ConfigError(key ? `${key}: ${err.message}` : err.message, { location: where, ...(err.hint ? { hint: err.hint } : {}) });
  }
  throw err;
}

const TOML_TYPE_NAMES: Record<InputSpec['type'], string> = {
  string: 'a string',
  path: 'a string (a path)',
  bool: 'a boolean (true or false)',
  int: 'an integer',
  duration: 'a duration (a string like "90s" or an integer number of seconds)',
  enum: 'a string',
  lines: 'an array of strings',
};

function tomlExample(spec: InputSpec): string {
  switch (spec.type) {
    case 'bool':
      return 'true';
    case 'int':
      return String(spec.min ?? 1);
    case 'duration':
      return '"90s"';
    case 'enum':
      return JSON.stringify(spec.values?.[0] ?? '');
    case 'lines':
      return '["-device", "virtio-rng-pci"]';
    case 'path':
      return '"path/to/file"';
    case 'string':
      return spec.default !== undefined && !spec.computedDefault && spec.default !== '' ? JSON.stringify(spec.default) : '"..."';
  }
}

/** `the string "2"`, `an integer (2)`, `a table`: what the user actually wrote. */
export function describeTomlValue(value: unknown): string {
  if (typeof value === 'string') return `the string ${JSON.stringify(value)}`;
  if (typeof value === 'bigint') return `the integer ${value}`;
  if (typeof value === 'number') return `the float ${value}`;
  if (typeof value === 'boolean') return `the boolean ${value}`;
  if (Array.isArray(value)) return 'an array';
  if (value instanceof Date) return 'a date-time';
  if (isTomlTable(value)) return 'a table';
  return String(value);
}

/** smol-toml tables are plain objects (with a null prototype); dates are Date subclasses. */
export function isTomlTable(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date);
}

/** A campaign action alone (`fail-after:2`): checked as the action of a neutral guest point. */
function checkActionText(text: string): string {
  return printAction(ruleFor('campaign.point', text.trim()).action);
}

/** A mirror's base URL: http(s), no query; a trailing slash is dropped. */
function checkMirrorUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw new ValueProblem(`"${value}" is not a URL`, "give a Debian mirror's base URL, as in apt's sources: http://deb.debian.org/debian");
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new ValueProblem(`${value} is not an http:// or https:// URL`, "give a Debian mirror's base URL, as in apt's sources: http://deb.debian.org/debian");
  if (url.search || url.hash)
    throw new ValueProblem(`${value} has a query or fragment`, "give the mirror's base URL, as in apt's sources: http://deb.debian.org/debian");
  return url.href.replace(/\/+$/, '');
}
