/**
 * Fault rules from another project's TOML file (RustOS's `config/rustos.toml`), read as
 * is: only the `enabled` and `rules` keys of one table are read. The rest of the file is
 * not ours, so it is neither checked nor complained about.
 */
import { dirname } from 'node:path';
import { ConfigError, type SourceLocation } from '../core/errors.js';
import type { Rule } from '../rules/index.js';
import type { SettingValue } from './check-schema.js';
import { describeTomlValue, isTomlTable, valueFromToml } from './convert-value.js';
import { inputSpec } from './inputs.js';
import { loadToml, type LoadedToml } from './load-toml.js';
import type { ProblemList } from './problems.js';
import { locateInToml } from './toml-location.js';
import { parseDottedKey, tomlPath } from './toml-positions.js';
import { readTomlRules } from './toml-rules.js';
import type { LocatedRule } from './report-sources.js';

export interface RulesFromFile {
  /** The table's `enabled`, if it has one. */
  enabled: SettingValue | undefined;
  rules: Rule[];
  /** The same rules with their lines, for reports. */
  locatedRules: LocatedRule[];
}

export function readRulesFile(opts: {
  /** Absolute path (already checked to exist). */
  path: string;
  displayPath: string;
  /** Dotted table path, already checked to parse. */
  table: string;
  /** Where `rules-table` was set, for the missing-table error. */
  tableWhere: SourceLocation | undefined;
  /** Set when the file came from the `rules-file` input rather than qfi.toml. */
  input?: string;
  /** Where problems go; the function then returns what was valid (undefined when nothing was). */
  problems: ProblemList;
}): RulesFromFile | undefined {
  const { problems } = opts;
  return problems.attempt(() => readTable(opts, problems));
}

function readTable(opts: Parameters<typeof readRulesFile>[0], problems: ProblemList): RulesFromFile {
  const loaded = loadToml({
    path: opts.path,
    displayPath: opts.displayPath,
    what: 'rules file',
    ...(opts.input === undefined ? {} : { input: opts.input }),
  });
  const segments = parseDottedKey(opts.table);
  const table = findTable(loaded, segments, opts.table, opts.tableWhere);

  let enabled: SettingValue | undefined;
  let rules: Rule[] = [];
  const locatedRules: LocatedRule[] = [];
  if ('enabled' in table) {
    const path = [...segments, 'enabled'];
    const where = locateInToml(loaded, path, 'value');
    const value = problems.attempt(() => valueFromToml(inputSpec('faults-enabled'), tomlPath(path), table['enabled'], { where, baseDir: dirname(opts.path) }));
    if (value !== undefined) enabled = { value, where };
  }
  if ('rules' in table) rules = readTomlRules(loaded, [...segments, 'rules'], table['rules'], problems, { guestOwn: true, located: locatedRules });
  return { enabled, rules, locatedRules };
}

function findTable(loaded: LoadedToml, segments: readonly string[], name: string, tableWhere: SourceLocation | undefined): Record<string, unknown> {
  let current: Record<string, unknown> = loaded.document;
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i] as string;
    const next = Object.hasOwn(current, segment) ? current[segment] : undefined;
    if (next === undefined) {
      const known = listTables(loaded.document, []);
      throw new ConfigError(`table [${name}] not found in ${loaded.displayPath}`, {
        location: { file: loaded.displayPath, ...(tableWhere?.input ? { input: tableWhere.input } : {}) },
        hint:
          `set rules-table to the table that holds \`rules = [...]\`` +
          (known.length > 0
            ? `; tables in this file: ${known
                .slice(0, 20)
                .map((t) => `[${t}]`)
                .join(', ')}`
            : '; the file has no tables') +
          (tableWhere?.file ? ` (rules-table is set at ${tableWhere.file}:${tableWhere.line}:${tableWhere.column})` : ''),
      });
    }
    if (!isTomlTable(next)) {
      const at = segments.slice(0, i + 1);
      throw new ConfigError(`[${tomlPath(at)}] in ${loaded.displayPath} is ${describeTomlValue(next)}, not a table of fault rules`, {
        location: locateInToml(loaded, at, 'key'),
        hint: 'set rules-table to the table that holds `enabled` and `rules = [...]`',
      });
    }
    current = next;
  }
  return current;
}

/** Dotted paths of every table in the document, for "tables in this file" hints. */
function listTables(table: Record<string, unknown>, prefix: string[]): string[] {
  const out: string[] = [];
  for (const [key, value] of Object.entries(table)) {
    if (!isTomlTable(value)) continue;
    const path = [...prefix, key];
    out.push(tomlPath(path), ...listTables(value, path));
  }
  return out;
}
