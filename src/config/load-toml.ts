/**
 * Reads and parses one TOML file. Syntax errors become ConfigErrors at file:line:col with
 * a caret, worded by smol-toml; a missing file names the path and the input that gave it; only
 * a regular UTF-8 file of at most 1 MiB is read (core/input-file.ts).
 */
import { parse, TomlError, type TomlTable } from 'smol-toml';
import { ConfigError } from '../core/errors.js';
import { decodeUtf8Input, MAX_TEXT_INPUT_BYTES, readInputFile } from '../core/input-file.js';
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
  const request = {
    path,
    displayPath,
    what: opts.what,
    maxBytes: MAX_TEXT_INPUT_BYTES,
    ...(opts.input === undefined ? {} : { location: { input: opts.input } }),
  };
  let source = decodeUtf8Input(readInputFile(request), request);
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
