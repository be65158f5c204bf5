/**
 * The code base's shape (issue 19): no function over 80 lines in src/, no import cycle, and no
 * import against the data flow inputs → config → plan → provision → run → observe → report
 * (layers in scripts/architecture.mjs). A failure names the function or import to move.
 */
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeArchitecture } from '../../scripts/architecture.mjs';

describe('the architecture of src/', () => {
  const report = analyzeArchitecture();

  it('has no function over 80 lines', () => {
    expect(report.longFunctions).toEqual([]);
  });

  it('has no import cycle', () => {
    expect(report.cycles).toEqual([]);
  });

  it('has no import that runs against the data flow', () => {
    expect(report.backwardImports).toEqual([]);
  });
});

describe('the architecture check itself', () => {
  it('finds a long function, a cycle and a backward import in a tree that has them', () => {
    const root = mkdtempSync(join(tmpdir(), 'qfi-architecture-'));
    for (const dir of ['config', 'plan']) mkdirSync(join(root, 'src', dir), { recursive: true });
    const body = Array.from({ length: 81 }, (_, i) => `  const v${i} = ${i};`).join('\n');
    writeFileSync(join(root, 'src', 'config', 'a.ts'), `import { b } from '../plan/b.js';\nexport function long(): number {\n${body}\n  return b;\n}\n`);
    writeFileSync(join(root, 'src', 'plan', 'b.ts'), `import { long } from '../config/a.js';\nexport const b = 1;\nexport const c = long;\n`);
    const found = analyzeArchitecture(root);
    expect(found.longFunctions.map((f) => [f.name, f.at])).toEqual([['long', 'src/config/a.ts:2']]);
    expect(found.cycles).toEqual([['src/config/a.ts', 'src/plan/b.ts']]);
    expect(found.backwardImports).toEqual(['src/config/a.ts → src/plan/b.ts (config imports plan)']);
  });
});
