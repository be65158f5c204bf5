import { closeSync, existsSync, openSync, readSync } from 'node:fs';
import { KtapParser, type KtapReport } from './ktap.js';
import { LineStream } from '../core/line-stream.js';

/**
 * The KTAP/TAP results in a console log (or any file of lines), read in chunks so a runaway
 * log never sits in memory whole; lines are split exactly as the runner split them. `source`
 * names the file in messages (`console`, `results file /tmp/results.tap`).
 */
export function readKtapFile(path: string, source = 'console'): KtapReport | undefined {
  if (!existsSync(path)) return undefined;
  const parser = new KtapParser(source);
  let lineNo = 0;
  const lines = new LineStream((line) => parser.addLine(line, ++lineNo));
  const fd = openSync(path, 'r');
  try {
    const chunk = Buffer.alloc(1 << 20);
    for (let read = readSync(fd, chunk); read > 0; read = readSync(fd, chunk)) lines.push(chunk.subarray(0, read));
  } finally {
    closeSync(fd);
  }
  lines.end();
  return parser.end();
}
