/**
 * Errors that reach the user. Each carries what is wrong, where, and how to fix it.
 * Test failures are never errors: they are verdicts. Only bad input and broken
 * infrastructure throw.
 */

/** Where a bad value came from: a file position, an action input / CLI flag, or both. */
export interface SourceLocation {
  file?: string;
  /** Action input or CLI flag name, e.g. `faults` or `test-timeout`. */
  input?: string;
  /** 1-based. */
  line?: number;
  /** 1-based. */
  column?: number;
  /** The offending source line, shown with a caret under `column`. */
  sourceLine?: string;
}

export type ErrorKind = 'usage' | 'config' | 'infra';

export class QfiError extends Error {
  readonly kind: ErrorKind;
  readonly hint: string | undefined;
  readonly location: SourceLocation | undefined;

  constructor(kind: ErrorKind, message: string, opts: { hint?: string; location?: SourceLocation; cause?: unknown } = {}) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = new.target.name;
    this.kind = kind;
    this.hint = opts.hint;
    this.location = opts.location;
  }
}

/** Bad command line or action input that is not about the config's content. */
export class UsageError extends QfiError {
  constructor(message: string, opts: { hint?: string; location?: SourceLocation } = {}) {
    super('usage', message, opts);
  }
}

/** Bad configuration: TOML, schema, durations, rules. Always carries a location when one is known. */
export class ConfigError extends QfiError {
  constructor(message: string, opts: { hint?: string; location?: SourceLocation; cause?: unknown } = {}) {
    super('config', message, opts);
  }
}

/** The environment failed us: QEMU missing or crashed, kernel download failed, disk full. */
export class InfraError extends QfiError {
  constructor(message: string, opts: { hint?: string; cause?: unknown } = {}) {
    super('infra', message, opts);
  }
}

/** CLI exit codes: 0 pass, 1 test failed, 2 usage/config error, 3 infrastructure error. */
export const ExitCode = {
  pass: 0,
  testFailed: 1,
  usage: 2,
  infra: 3,
} as const;

export function exitCodeForError(err: unknown): number {
  if (err instanceof QfiError) return err.kind === 'infra' ? ExitCode.infra : ExitCode.usage;
  return ExitCode.infra;
}

/** `where` prefix in the compiler style: `qfi.toml:3:9` or `input faults` or `qfi.toml:3:9 (input faults)`. */
export function formatLocation(loc: SourceLocation): string {
  const parts: string[] = [];
  if (loc.file) {
    let pos = loc.file;
    if (loc.line !== undefined) {
      pos += `:${loc.line}`;
      if (loc.column !== undefined) pos += `:${loc.column}`;
    }
    parts.push(pos);
  }
  if (loc.input) parts.push(loc.file ? `(input ${loc.input})` : `input ${loc.input}`);
  return parts.join(' ');
}

/** The source line with a caret under the column, indented like smol-toml's code blocks. */
export function formatCaret(loc: SourceLocation): string | undefined {
  if (loc.sourceLine === undefined || loc.column === undefined) return undefined;
  const gutter = loc.line !== undefined ? `${loc.line} | ` : '  | ';
  const pad = ' '.repeat(gutter.length - 2) + '| ';
  // The caret stays under its character when control characters before it are shown escaped.
  const before = printable(loc.sourceLine.slice(0, Math.max(0, loc.column - 1)));
  return `${gutter}${printable(loc.sourceLine)}\n${pad}${' '.repeat(before.length)}^`;
}

/**
 * Text safe for a terminal: control characters (C0 but tab and newline, DEL, C1) shown as `\xNN`,
 * so that a config or a path cannot move the cursor, change colours or set the title.
 */
export function printable(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

/** The full text shown to a user: `where: error: what` + caret block + `hint: how to fix`. No stack. */
export function formatError(err: unknown): string {
  if (!(err instanceof QfiError)) {
    const msg = err instanceof Error ? err.message : String(err);
    return printable(`error: ${msg}`);
  }
  const where = err.location ? formatLocation(err.location) : '';
  const lines = [printable(`${where ? `${where}: ` : ''}error: ${err.message}`)];
  const caret = err.location ? formatCaret(err.location) : undefined;
  if (caret) lines.push(caret);
  if (err.hint) lines.push(printable(`hint: ${err.hint}`));
  return lines.join('\n');
}
