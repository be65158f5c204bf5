/** Checks of the settings that describe a bring-your-own guest and how its verdict is read. */
import { posix } from 'node:path';
import { ValueProblem } from './parse-values.js';

/** A `-machine` / `-cpu` value: a name with optional `,key=value` options, nothing QEMU could read as another option. */
export function checkQemuOptionWord(text: string, what: string, examples: string): string {
  const value = text.trim();
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*(,[A-Za-z0-9._+-]+(=[A-Za-z0-9._+:-]+)?)*$/.test(value)) {
    throw new ValueProblem(`bad ${what} ${JSON.stringify(text)}`, `give a QEMU ${what} name with optional ,key=value options, like ${examples}`);
  }
  return value;
}

/**
 * QEMU's `-rtc base=`: `utc`, `localtime`, or a start date (and time) QEMU reads as UTC. Checked
 * here, as a real date, because QEMU only says `invalid date format` and exits.
 */
export function checkRtcBase(text: string): string {
  const value = text.trim();
  if (value === 'utc' || value === 'localtime') return value;
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}):(\d{2}))?$/.exec(value);
  const date = m ? new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0))) : undefined;
  const same =
    date &&
    m &&
    date.getUTCFullYear() === +m[1]! &&
    date.getUTCMonth() === +m[2]! - 1 &&
    date.getUTCDate() === +m[3]! &&
    date.getUTCHours() === +(m[4] ?? 0) &&
    date.getUTCMinutes() === +(m[5] ?? 0) &&
    date.getUTCSeconds() === +(m[6] ?? 0);
  if (!same || +m![1]! < 1970) {
    throw new ValueProblem(
      `bad rtc-base ${JSON.stringify(text)}`,
      'give `utc`, `localtime`, or a date from 1970 on as `2024-01-01` or `2024-01-01T08:00:00` (UTC)',
    );
  }
  return value;
}

/** An absolute path of a file in the guest, normalised (`/usr/bin/mytest`). */
export function checkGuestFilePath(text: string, what: string, example: string): string {
  if (!text.startsWith('/'))
    throw new ValueProblem(`${what} ${JSON.stringify(text)} is not an absolute guest path`, `write the file's path in the guest, like \`${example}\``);
  // The agents hand the path over as one line of text.
  // eslint-disable-next-line no-control-regex -- a control character is what it looks for
  if (/[\x00-\x1f]/.test(text))
    throw new ValueProblem(`${what} ${JSON.stringify(text)} contains a control character`, `write a plain path, like \`${example}\``);
  const path = posix.normalize(text);
  if (path === '/' || text.endsWith('/'))
    throw new ValueProblem(`${what} ${JSON.stringify(text)} names a folder, not a file`, `give the file's full guest path, like \`${example}\``);
  return path;
}

/** A marker is a JavaScript regular expression matched against each console line. */
export function checkMarkerRegex(text: string): RegExp {
  if (text.trim() === '') throw new ValueProblem('the marker is empty', 'give a regular expression a console line matches, like `ALL TESTS PASSED`');
  try {
    return new RegExp(text);
  } catch (err) {
    throw new ValueProblem(
      `bad regular expression ${JSON.stringify(text)}: ${(err as Error).message.replace(/^Invalid regular expression: /, '')}`,
      'write it in JavaScript syntax; escape `( ) [ ] . * + ? \\ ^ $ |` with a backslash to match them literally',
    );
  }
}

/** `0`, `0,3`, `1-5,7` -> the sorted exit codes (0 to 255) that mean pass. */
export function parseExitCodes(text: string): number[] {
  const codes = new Set<number>();
  for (const part of text.split(',')) {
    const m = /^\s*(\d{1,3})(?:\s*-\s*(\d{1,3}))?\s*$/.exec(part);
    const low = m ? Number(m[1]) : NaN;
    const high = m?.[2] !== undefined ? Number(m[2]) : low;
    if (!m || low > 255 || high > 255 || high < low) {
      throw new ValueProblem(
        `bad exit code list ${JSON.stringify(text)} at ${JSON.stringify(part.trim())}`,
        'write codes 0 to 255 and ranges, separated by commas: `0`, `0,3`, `0-1`',
      );
    }
    for (let c = low; c <= high; c++) codes.add(c);
  }
  return [...codes].sort((a, b) => a - b);
}
