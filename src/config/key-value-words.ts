/**
 * The `key=value key2="quoted value"` words of list inputs whose items are small records
 * (`disks`, `files`).
 */
import { ValueProblem } from './parse-values.js';

/** Splits `a=b c="d e"` into pairs; throws ValueProblem on anything else. */
export function splitWords(line: string, what: string, hint: string): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  let i = 0;
  while (i < line.length) {
    while (line[i] === ' ' || line[i] === '\t') i++;
    if (i >= line.length) break;
    const keyMatch = /^([a-z][a-z-]*)=/.exec(line.slice(i));
    if (!keyMatch) throw new ValueProblem(`bad ${what} ${JSON.stringify(line)}: expected key=value at ${JSON.stringify(line.slice(i, i + 12))}`, hint);
    i += keyMatch[0].length;
    let value: string;
    if (line[i] === '"') {
      const end = /^"(?:[^"\\]|\\.)*"/.exec(line.slice(i));
      if (!end) throw new ValueProblem(`bad ${what} ${JSON.stringify(line)}: unterminated quoted value of \`${keyMatch[1]}\``, hint);
      value = JSON.parse(end[0]) as string;
      i += end[0].length;
    } else {
      const start = i;
      while (i < line.length && line[i] !== ' ' && line[i] !== '\t') i++;
      value = line.slice(start, i);
    }
    pairs.push([keyMatch[1]!, value]);
  }
  return pairs;
}
