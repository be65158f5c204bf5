import { formatError, formatLocation, QfiError, type SourceLocation } from '../../core/errors.js';

/** What went wrong, in words. A config error pinned to an input alone is a bad value there. */
function kindText(err: QfiError): string {
  if (err.kind === 'usage') return 'a bad input';
  if (err.kind === 'infra') return 'an infrastructure problem';
  return err.location?.input && !err.location.file ? 'a bad value' : 'a configuration error';
}

/** Where it points: at `qfi.toml:3:1` (input `config`), or in input `faults`. */
function whereText(loc: SourceLocation | undefined): string {
  if (!loc?.file) return loc?.input ? ` in input \`${loc.input}\`` : '';
  return ` at \`${formatLocation({ ...loc, input: undefined })}\`${loc.input ? ` (input \`${loc.input}\`)` : ''}`;
}

/** A fence longer than any backtick run in the text, so the error can never close it. */
function fenced(text: string): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}text\n${text}\n${fence}`;
}

/**
 * The job summary of a step that stopped before it had a verdict (bad input, QEMU missing...):
 * what kind of problem, where it points, and the text the CLI prints, caret and hint included.
 */
export function stepErrorMarkdown(err: unknown): string {
  const what = err instanceof QfiError ? `${kindText(err)}${whereText(err.location)}` : 'an unexpected error (a bug in qfi: please report it with this text)';
  return [
    '### qfi: ⚠️ infra-error — the step stopped before a verdict',
    '',
    `The step stopped on ${what}; the \`verdict\` output is \`infra-error\`.`,
    '',
    fenced(formatError(err)),
    '',
  ].join('\n');
}
