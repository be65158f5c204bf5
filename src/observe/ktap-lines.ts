/**
 * What one line of a KTAP or TAP stream is, read as kunit_parser (tools/testing/kunit) and the
 * TAP 14 specification read it; docs/reference/kunit-parser.md and tap14.md hold the rules with
 * the cases that show them. Indentation is not part of a line's kind: the parser nests by
 * version, `# Subtest:` and plan lines, as kunit_parser does.
 *
 * Two dialects differ only where the two references do: in TAP (a `TAP version` line or none),
 * `\#` and `\\` are escapes and a comment that is no directive stays in the description; in KTAP
 * there are no escapes and everything after ` # ` leaves the name, as kunit_parser cuts it.
 */
export type KtapDialect = 'ktap' | 'tap';

/** ktap.rst's directives; TAP 14 knows SKIP and TODO, kunit_parser only SKIP. */
export type KtapDirective = 'SKIP' | 'TODO' | 'XFAIL' | 'TIMEOUT' | 'ERROR';

export type KtapLine =
  | { kind: 'version'; text: string; ktap: boolean; number: number }
  | { kind: 'plan'; start: number; count: number; comment: string | undefined }
  | { kind: 'result'; ok: boolean; number: number | undefined; name: string; directive: KtapDirective | undefined; note: string | undefined }
  | { kind: 'subtest'; name: string }
  | { kind: 'bail'; reason: string }
  | { kind: 'other' };

const versionLine = /^(K?TAP) version (\d+)$/;
/** kunit_parser takes any line starting `1..N` as a plan; TAP allows `M..N`; what follows `#` is its reason. */
const planLine = /^(\d+)\.\.(\d+)(?:\s*#\s*(.*)|\s.*)?$/;
/** `ok` / `not ok`, then an optional number: `ok:` (a YAML key) and `okay` are no results. */
const resultLine = /^(not ok|ok)(?:[ \t]+(\d+))?(?=[ \t]|$)[ \t]*(.*)$/;
const subtestLine = /^# Subtest(?::[ \t]*(.*))?$/;
const bailLine = /^Bail out!\s*(.*)$/i;
/** TAP 14's prefix rule: `# Skipped: why` and `# SKIPPED` are skips, any letter case. */
const tapDirective = /^(skip|todo)\S*(?:\s+(.*))?$/i;
const kernelDirective = /^(xfail|timeout|error)\b\s*(.*)$/i;

/** `body` is the line without its prefix and leading and trailing whitespace. */
export function classifyKtapLine(body: string, dialect: KtapDialect): KtapLine {
  let m = versionLine.exec(body);
  if (m) return { kind: 'version', text: body, ktap: m[1] === 'KTAP', number: Number(m[2]) };
  m = planLine.exec(body);
  if (m && (m[1] === '1' || dialect === 'tap')) {
    const start = Number(m[1]);
    const end = Number(m[2]);
    const comment = m[3]?.trim() || undefined;
    return { kind: 'plan', start, count: Math.max(0, end - start + 1), comment: comment && dialect === 'tap' ? unescapeTap(comment) : comment };
  }
  m = resultLine.exec(body);
  if (m) return { kind: 'result', ok: m[1] === 'ok', number: m[2] === undefined ? undefined : Number(m[2]), ...readDescription(m[3]!, dialect) };
  m = subtestLine.exec(body);
  if (m) return { kind: 'subtest', name: dialect === 'tap' ? unescapeTap((m[1] ?? '').trim()) : (m[1] ?? '').trim() };
  m = bailLine.exec(body);
  if (m) return { kind: 'bail', reason: m[1]!.trim() };
  return { kind: 'other' };
}

/** Name, directive and note of what follows a result's number. */
function readDescription(rest: string, dialect: KtapDialect): { name: string; directive: KtapDirective | undefined; note: string | undefined } {
  const text = rest.replace(/^-(?:[ \t]+|$)/, '');
  const { description, comment } = splitComment(text, dialect);
  if (comment === undefined) return { name: description, directive: undefined, note: undefined };
  const reason = (text: string | undefined) => (dialect === 'tap' ? unescapeTap(text?.trim() ?? '') : text?.trim()) || undefined;
  let m = tapDirective.exec(comment);
  if (m) return { name: description, directive: m[1]!.toUpperCase() as KtapDirective, note: reason(m[2]) };
  m = kernelDirective.exec(comment);
  if (m) return { name: description, directive: m[1]!.toUpperCase() as KtapDirective, note: reason(m[2]) };
  // node-tap's `# time=12.3ms` is a duration, not part of the name (tap-parser reads it so).
  if (/^time=[\d.]+m?s$/.test(comment)) return { name: description, directive: undefined, note: comment };
  // Not a directive: TAP keeps it in the description; kunit_parser cuts the name at ` # `.
  if (dialect === 'tap') return { name: unescapeTap(text).trim(), directive: undefined, note: undefined };
  return { name: description, directive: undefined, note: comment || undefined };
}

/**
 * The description before the directive's `#`, and the comment after it (raw). KTAP: the first
 * `#` with whitespace before it (kunit_parser's ` # `). TAP: the first unescaped `#`, where
 * `\#` is a literal hash and `\\` a literal backslash.
 */
function splitComment(text: string, dialect: KtapDialect): { description: string; comment: string | undefined } {
  let description = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (dialect === 'tap' && c === '\\' && (text[i + 1] === '\\' || text[i + 1] === '#')) {
      description += text[i + 1];
      i++;
      continue;
    }
    if (c === '#' && (dialect === 'tap' || i === 0 || /\s/.test(text[i - 1]!))) return { description: description.trim(), comment: text.slice(i + 1).trim() };
    description += c;
  }
  return { description: description.trim(), comment: undefined };
}

/** TAP 14's two escapes. */
function unescapeTap(text: string): string {
  return text.replace(/\\([\\#])/g, '$1');
}

/** kunit_parser's stream start: a version line at the end of a line, whatever comes before it. */
const streamStart = /(K?TAP) version (\d+)\s*$/;

/** Where a stream starts in a line, and the text before its version line (a prefix to strip). */
export function findStreamStart(text: string): { lead: string; body: string } | undefined {
  const m = streamStart.exec(text);
  if (!m) return undefined;
  return { lead: text.slice(0, m.index), body: m[0].trim() };
}

/** kunit_parser's end markers: what the kernel prints once tests are over (UML's root mount panic). */
const endMarker = /List of all partitions:|Kernel panic - not syncing: VFS:|reboot: System halted/;

export function isKunitEndMarker(text: string): boolean {
  return endMarker.test(text);
}

/** kunit_parser keeps `kunit executor:` lines printed before any KTAP (filter and memory errors). */
export function isKunitExecutorLine(text: string): boolean {
  return /kunit executor: /.test(text);
}

/** A tab counts as one TAP level (4 columns): KUnit indents with tabs, TAP producers with spaces. */
export function indentWidth(text: string): number {
  let width = 0;
  for (const c of text) {
    if (c === '\t') width += 4;
    else if (c === ' ') width++;
    else break;
  }
  return width;
}
