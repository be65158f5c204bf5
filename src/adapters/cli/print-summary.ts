import { readFileSync } from 'node:fs';
import type { Logger } from '../../core/host.js';

/**
 * `--summarize-log`: the summary.md a command wrote, last on stdout after a blank line, so a
 * terminal user sees the verdict table and the console excerpt without opening the results.
 * A summary that cannot be read only warns: the run's verdict stands either way.
 */
export function printSummary(file: string, log: Logger): void {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    log.warn(`--summarize-log: cannot read the summary ${file}: ${(err as Error).message}`);
    return;
  }
  process.stdout.write(`\n${text.endsWith('\n') ? text : `${text}\n`}`);
}
