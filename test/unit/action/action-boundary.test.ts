import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const src = new URL('../../../src/', import.meta.url).pathname;
const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));

describe('the action boundary', () => {
  it('only src/adapters/action imports @actions/*', () => {
    const importers = files(src)
      .filter((f) => /from '@actions\/|import\('@actions\//.test(readFileSync(f, 'utf8')))
      .map((f) => relative(src, f));
    expect(importers.length).toBeGreaterThan(0);
    expect(importers.filter((f) => !f.startsWith('adapters/action/'))).toEqual([]);
  });

  it('the action entries only call the run() their adapter module exports (actions/typescript-action layout)', () => {
    for (const step of ['main', 'post']) {
      const entry = readFileSync(join(src, 'entry', `${step}.ts`), 'utf8');
      expect(entry).toBe(`import { run } from '../adapters/action/${step}.js';\n\nawait run();\n`);
      expect(readFileSync(join(src, 'adapters', 'action', `${step}.ts`), 'utf8')).toMatch(/^export async function run\(\): Promise<void> \{$/m);
    }
  });
});
