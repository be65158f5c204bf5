/**
 * Checks a parsed qfi.toml against the schema the inputs table defines (plus
 * `fault_injection.rules`): unknown tables and keys get a "did you mean", wrong types and
 * bad values point at the value. All problems are reported together.
 */
import { dirname } from 'node:path';
import { ConfigError, type SourceLocation } from '../core/errors.js';
import type { Rule } from '../rules/index.js';
import { closestMatch } from './closest-match.js';
import { isTomlTable, valueFromToml, type ConfigValue } from './convert-value.js';
import { INPUTS, type InputName, type InputSpec } from './inputs.js';
import type { LoadedToml } from './load-toml.js';
import { ProblemList } from './problems.js';
import { locateInToml } from './toml-location.js';
import { readTomlRules } from './toml-rules.js';
import type { LocatedRule } from './report-sources.js';

/** A setting's typed value and where it came from (for errors found later, across settings). */
export interface SettingValue {
  value: ConfigValue;
  where: SourceLocation;
}

export interface FileSettings {
  file: LoadedToml;
  values: Partial<Record<InputName, SettingValue>>;
  /** Settings the file writes, valid or not (so a bad value is not also reported as missing). */
  present: Set<InputName>;
  /** `fault_injection.rules`, parsed, in file order. */
  rules: Rule[];
  /** The same rules with their lines, for reports. */
  locatedRules: LocatedRule[];
}

type KeySchema = { kind: 'setting'; spec: InputSpec } | { kind: 'rules' };

/** table -> key -> schema, from the inputs table. */
export const CONFIG_SCHEMA: ReadonlyMap<string, ReadonlyMap<string, KeySchema>> = buildSchema();

function buildSchema(): Map<string, Map<string, KeySchema>> {
  const tables = new Map<string, Map<string, KeySchema>>();
  const add = (dotted: string, schema: KeySchema): void => {
    const [table, key] = dotted.split('.') as [string, string];
    let keys = tables.get(table);
    if (!keys) tables.set(table, (keys = new Map()));
    keys.set(key, schema);
  };
  for (const spec of INPUTS) if (spec.toml !== undefined) add(spec.toml, { kind: 'setting', spec });
  add('fault_injection.rules', { kind: 'rules' });
  return tables;
}

/**
 * Throws one ConfigError listing every problem, or, when `problems` is given, adds them
 * there (so the caller can report them together with its own) and returns what was valid.
 * Relative paths resolve from `baseDir`: the file's own folder, unless a replay reads a copy.
 */
export function checkConfigSchema(loaded: LoadedToml, problems?: ProblemList, baseDir = dirname(loaded.path)): FileSettings {
  const collected = problems ?? new ProblemList();
  const values: Partial<Record<InputName, SettingValue>> = {};
  const present = new Set<InputName>();
  let rules: Rule[] = [];
  const locatedRules: LocatedRule[] = [];

  for (const [table, tableValue] of Object.entries(loaded.document)) {
    const keys = CONFIG_SCHEMA.get(table);
    if (!keys) {
      collected.add(unknownTopLevel(loaded, table, tableValue));
      continue;
    }
    if (!isTomlTable(tableValue)) {
      collected.add(
        new ConfigError(`\`${table}\` must be a table`, {
          location: locateInToml(loaded, [table], 'key'),
          hint: `put its settings under a [${table}] header, like \`[${table}]\` then \`${[...keys.keys()][0]} = ...\``,
        }),
      );
      continue;
    }
    for (const [key, raw] of Object.entries(tableValue)) {
      const schema = keys.get(key);
      const path = [table, key];
      if (!schema) {
        collected.add(unknownKey(loaded, table, key, keys));
      } else if (schema.kind === 'rules') {
        rules = readTomlRules(loaded, path, raw, collected, { located: locatedRules });
      } else {
        present.add(schema.spec.name as InputName);
        const value = collected.attempt(() =>
          valueFromToml(schema.spec, `${table}.${key}`, raw, {
            where: locateInToml(loaded, path, 'value'),
            content: locateInToml(loaded, path, 'content'),
            element: (index) => locateInToml(loaded, [...path, index], 'value'),
            baseDir,
          }),
        );
        if (value !== undefined) values[schema.spec.name as InputName] = { value, where: locateInToml(loaded, path, 'value') };
      }
    }
  }
  if (!problems) collected.throwIfAny();
  return { file: loaded, values, present, rules, locatedRules };
}

function unknownTopLevel(loaded: LoadedToml, name: string, value: unknown): ConfigError {
  const location = locateInToml(loaded, [name], 'key');
  if (!isTomlTable(value)) {
    // A setting written above every header, e.g. `command = "..."` instead of under [test].
    const home = [...CONFIG_SCHEMA].find(([, keys]) => keys.has(name))?.[0];
    return new ConfigError(`unknown key \`${name}\` at the top level`, {
      location,
      hint: home ? `settings live in tables: put \`${name}\` under [${home}]` : `settings live in tables: ${tableList()}`,
    });
  }
  const guess = closestMatch(name, CONFIG_SCHEMA.keys());
  return new ConfigError(`unknown table [${name}]`, {
    location,
    hint: `${guess ? `did you mean [${guess}]? ` : ''}known tables: ${tableList()}`,
  });
}

function unknownKey(loaded: LoadedToml, table: string, key: string, keys: ReadonlyMap<string, KeySchema>): ConfigError {
  const guess = closestMatch(key, keys.keys());
  const elsewhere = [...CONFIG_SCHEMA].find(([other, otherKeys]) => other !== table && otherKeys.has(key))?.[0];
  const suggestion = guess ? `did you mean \`${guess}\`? ` : elsewhere ? `\`${key}\` belongs in [${elsewhere}]. ` : '';
  return new ConfigError(`unknown key \`${key}\` in [${table}]`, {
    location: locateInToml(loaded, [table, key], 'key'),
    hint: `${suggestion}known keys in [${table}]: ${[...keys.keys()].join(', ')}`,
  });
}

function tableList(): string {
  return [...CONFIG_SCHEMA.keys()].map((t) => `[${t}]`).join(', ');
}
