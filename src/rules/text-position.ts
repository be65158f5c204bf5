/** Pointing an error at one character of a value that sits somewhere in a file or input. */
import type { SourceLocation } from '../core/errors.js';

/**
 * The location of `offset` (0-based) in `text`, where `text` starts at `base.column` of
 * `base.sourceLine`. Without a known source line the text itself is shown, indented to its
 * real column, so the caret lines up while the reported column stays the file's column.
 */
export function locationInText(base: SourceLocation | undefined, text: string, offset: number): SourceLocation {
  const start = base?.column ?? 1;
  return {
    ...base,
    column: start + offset,
    sourceLine: base?.sourceLine ?? ' '.repeat(Math.max(0, start - 1)) + text,
  };
}

/** What sits at `offset`, for `found ...` messages: `x`, a space, U+00A0, end of text. */
export function describeAt(text: string, offset: number, endName: string): string {
  const code = text.codePointAt(offset);
  if (code === undefined) return endName;
  if (code === 0x20) return 'a space';
  if (code === 0x09) return 'a tab';
  if (code > 0x20 && code < 0x7f) return `\`${String.fromCodePoint(code)}\``;
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}
