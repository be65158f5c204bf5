/** Turning a TOML path into the SourceLocation an error points at (file:line:col + the line). */
import type { SourceLocation } from '../core/errors.js';
import { sourceLineAt, type LoadedToml } from './load-toml.js';
import { tomlPath, type TomlPathSegment } from './toml-positions.js';

/** `key`: the key's name; `value`: its value's first character; `content`: inside a string's quotes. */
export type TomlPart = 'key' | 'value' | 'content';

export function locateInToml(loaded: LoadedToml, path: readonly TomlPathSegment[], part: TomlPart, input?: string): SourceLocation {
  const entry = loaded.positions.get(tomlPath(path));
  const base: SourceLocation = { file: loaded.displayPath, ...(input === undefined ? {} : { input }) };
  if (entry === undefined) return base;
  const pos = part === 'key' ? (entry.key ?? entry.value) : part === 'content' ? (entry.content ?? entry.value) : entry.value;
  return { ...base, line: pos.line, column: pos.column, sourceLine: sourceLineAt(loaded.source, pos.line) };
}
