/**
 * XML 1.0 forbids most C0 controls, U+FFFE/U+FFFF and unpaired surrogates; a guest console
 * is full of them (escape sequences, garbage after a crash). Strip them so the JUnit file
 * always parses.
 */
// eslint-disable-next-line no-control-regex -- the controls XML forbids are what it matches
const forbidden = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function toXmlText(text: string): string {
  return text.replace(forbidden, '');
}

/** Also drops ANSI escape sequences, which are noise in a report. */
export function toReportText(text: string): string {
  // eslint-disable-next-line no-control-regex -- ESC starts the sequence it removes
  return toXmlText(text.replace(/\u001B\[[0-9;?]*[ -/]*[@-~]/g, ''));
}
