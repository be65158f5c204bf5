/**
 * A `rules = ["point=action", ...]` array as RustOS writes it, from qfi.toml or a rules
 * file. Each rule is parsed with its exact origin (the first character inside its quotes),
 * so a rule error points into the TOML file.
 */
import { ConfigError } from '../core/errors.js';
import { parseRule, RULE_GRAMMAR_HINT, type Rule } from '../rules/index.js';
import { describeTomlValue } from './convert-value.js';
import type { LoadedToml } from './load-toml.js';
import type { ProblemList } from './problems.js';
import { locateInToml } from './toml-location.js';
import { tomlPath, type TomlPathSegment } from './toml-positions.js';
import type { LocatedRule } from './report-sources.js';

/**
 * Parses every rule it can; each bad one is added to `problems`. `guestOwn`: a guest's rules
 * file (see Rule.guest). `located` collects each parsed rule with its file line, for reports.
 */
export function readTomlRules(
  loaded: LoadedToml,
  path: readonly TomlPathSegment[],
  raw: unknown,
  problems: ProblemList,
  opts: { guestOwn?: boolean; located?: LocatedRule[] } = {},
): Rule[] {
  const key = tomlPath(path);
  if (!Array.isArray(raw)) {
    problems.add(
      new ConfigError(`${key} must be an array of rule strings, found ${describeTomlValue(raw)}`, {
        location: locateInToml(loaded, path, 'value'),
        hint: 'write it like `rules = ["alloc.frame=fail-after:3", "block.read=drop-every:4"]`',
      }),
    );
    return [];
  }
  const rules: Rule[] = [];
  raw.forEach((item: unknown, index) => {
    const itemPath = [...path, index];
    if (typeof item !== 'string') {
      problems.add(
        new ConfigError(`${key}[${index}] must be a rule string, found ${describeTomlValue(item)}`, {
          location: locateInToml(loaded, itemPath, 'value'),
          hint: `quote the rule: "point=action". ${RULE_GRAMMAR_HINT}`,
        }),
      );
      return;
    }
    const { file, line, column, sourceLine } = locateInToml(loaded, itemPath, 'content');
    const rule = problems.attempt(() => parseRule(item, { file, line, column, sourceLine }, opts.guestOwn ? { guestOwn: true } : {}));
    if (!rule) return;
    rules.push(rule);
    opts.located?.push({ rule, at: { file: loaded.path, ...(line === undefined ? {} : { line }) } });
  });
  return rules;
}
