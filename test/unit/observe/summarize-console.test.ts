import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { summarizeConsole } from '../../../src/observe/summarize.js';
import { loadConsoleFixture } from '../../helpers/console-fixture.js';

const dir = new URL('../../fixtures/console/', import.meta.url);
const names = readdirSync(dir)
  .filter((f) => f.endsWith('.log'))
  .map((f) => f.slice(0, -'.log'.length));

describe('summarizeConsole', () => {
  it.each(names)('makes from console.log and the run events the summary the live summarizer made (%s)', async (name) => {
    const { events, summary } = loadConsoleFixture(name);
    const files = { dir: fileURLToPath(dir), console: fileURLToPath(new URL(`${name}.log`, dir)), qemuStderr: '', qmpLog: '' };
    // Agent events that are no console line (qemu-guest-agent's, a trial's resume) do not count.
    const withAgentEvents = [{ kind: 'test-start' as const, line: 0, atMs: 0, text: '(resumed)' }, ...events];
    expect(await summarizeConsole({ files, events: withAgentEvents })).toEqual(summary);
  });
});
