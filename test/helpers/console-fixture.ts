import { readFileSync } from 'node:fs';
import type { ConsoleEvent } from '../../src/run/types.js';
import { ConsoleParser } from '../../src/run/console-parser.js';
import { LineStream } from '../../src/core/line-stream.js';
import { LogSummarizer } from '../../src/observe/summarize.js';

/**
 * A recorded console through what the runner does with each line: ConsoleParser and
 * LogSummarizer, fed in odd-sized chunks as a serial console delivers them; `onLine` sees
 * every line too (a KTAP parser, say).
 */
export function replayConsole(bytes: Buffer, token: string, chunk: number, onLine?: (text: string, line: number) => void) {
  const parser = new ConsoleParser(token);
  const summarizer = new LogSummarizer();
  const events: ConsoleEvent[] = [];
  const lines: string[] = [];
  const stream = new LineStream((text) => {
    lines.push(text);
    const event = parser.parseLine(text, lines.length, 0);
    summarizer.addLine(text, event);
    onLine?.(text, lines.length);
    if (event) events.push(event);
  });
  for (let i = 0; i < bytes.length; i += chunk) stream.push(bytes.subarray(i, i + chunk));
  stream.end();
  return { events, lines, summary: summarizer.result() };
}

/** Consoles recorded from real runs by scripts/record-console-fixtures.sh. */
export function loadConsoleFixture(name: string) {
  const dir = new URL('../fixtures/console/', import.meta.url);
  const meta = JSON.parse(readFileSync(new URL(`${name}.json`, dir), 'utf8')) as { token: string; verdict: string; consoleLines: number };
  return { meta, ...replayConsole(readFileSync(new URL(`${name}.log`, dir)), meta.token, 7) };
}
