/**
 * Reads and parses one TOML file. Syntax errors become ConfigErrors at file:line:col with
 * a caret, worded by smol-toml; a missing file names the path and the input that gave it.
 */
import { readFileSync } from 'node:fs';
import { parse, TomlError, type TomlTable } from 'smol-toml';
import { ConfigError, type SourceLocation } from '../core/errors.js';
import { scanTomlPositions, type TomlPositions } from './toml-positions.js';

export interface LoadedToml {
  /** Absolute path. */
  path: string;
  /** The path as shown in messages (relative to the working directory when inside it). */
  displayPath: string;
  source: string;
  /** Integers are bigints (`integersAsBigInt`) so `3` and `3.0` stay distinguishable. */
  document: TomlTable;
  positions: TomlPositions;
}

export function loadToml(opts: { path: string; displayPath: string; input?: string; what: string }): LoadedToml {
  const { path, displayPath } = opts;
  let source: string;
  try {
    source = readFileSync(path, 'utf8');
  } catch (err) {
    const reason = (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'does not exist' : `cannot be read (${(err as Error).message})`;
    throw new ConfigError(`${opts.what} ${displayPath} ${reason}`, {
      location: locationOf(opts.input === undefined ? {} : { input: opts.input }),
      hint: `check the path (${path}); relative paths are resolved from the working directory for inputs ` + "and from the config file's folder in qfi.toml",
      cause: err,
    });
  }
  // smol-toml does not skip a UTF-8 byte order mark; editors on Windows write one.
  if (source.charCodeAt(0) === 0xfeff) source = source.slice(1);

  let document: TomlTable;
  try {
    document = parse(source, { integersAsBigInt: true });
  } catch (err) {
    if (!(err instanceof TomlError)) throw err;
    throw new ConfigError(`invalid TOML: ${tomlErrorReason(err)}`, {
      location: {
        file: displayPath,
        ...(opts.input === undefined ? {} : { input: opts.input }),
        line: err.line,
        column: err.column,
        sourceLine: sourceLineAt(source, err.line),
      },
      hint: 'fix the TOML syntax at the caret (see https://toml.io/en/v1.0.0)',
      cause: err,
    });
  }
  return { path, displayPath, source, document, positions: scanTomlPositions(source) };
}

/** The text of 1-based `line`, without its line break. */
export function sourceLineAt(source: string, line: number): string | undefined {
  const text = source.split('\n')[line - 1];
  return text === undefined ? undefined : text.replace(/\r$/, '');
}

/** smol-toml's message without its `Invalid TOML document:` prefix and code block: we print our own caret. */
function tomlErrorReason(err: TomlError): string {
  const first = err.message.split('\n\n')[0] ?? err.message;
  return first.replace(/^Invalid TOML document: /, '');
}

function locationOf(loc: SourceLocation): SourceLocation | undefined {
  return Object.keys(loc).length === 0 ? undefined : loc;
}
