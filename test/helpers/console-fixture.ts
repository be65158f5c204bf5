import { readFileSync } from 'node:fs';
import type { ConsoleEvent } from '../../src/core/types.js';
import { ConsoleParser } from '../../src/observe/console-parser.js';
import { LineStream } from '../../src/observe/line-stream.js';
import { LogSummarizer } from '../../src/observe/summarize.js';

/** Consoles recorded from real runs by scripts/record-console-fixtures.sh. */
export function loadConsoleFixture(name: string) {
  const dir = new URL('../fixtures/console/', import.meta.url);
  const meta = JSON.parse(readFileSync(new URL(`${name}.json`, dir), 'utf8')) as { token: string; verdict: string; consoleLines: number };
  const bytes = readFileSync(new URL(`${name}.log`, dir));
  const parser = new ConsoleParser(meta.token);
  const summarizer = new LogSummarizer();
  const events: ConsoleEvent[] = [];
  const lines: string[] = [];
  const stream = new LineStream((text) => {
    lines.push(text);
    const event = parser.parseLine(text, lines.length, 0);
    summarizer.addLine(text, event);
    if (event) events.push(event);
  });
  // feed in odd-sized chunks, as a serial console delivers them
  for (let i = 0; i < bytes.length; i += 7) stream.push(bytes.subarray(i, i + 7));
  stream.end();
  return { meta, events, lines, summary: summarizer.result() };
}

