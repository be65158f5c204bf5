import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderActionYml, renderReadme } from '../../../src/adapters/action/action-yml.js';
import { INPUTS } from '../../../src/config/inputs.js';

describe('action.yml', () => {
  const committed = readFileSync(new URL('../../../action.yml', import.meta.url), 'utf8');

  it('is the one generated from the inputs table (run `npm run action-yml` after changing it)', () => {
    expect(committed).toBe(renderActionYml());
  });

  it('lists every input exactly once and declares no defaults', () => {
    const inputsBlock = committed.slice(committed.indexOf('\ninputs:\n'), committed.indexOf('\noutputs:\n'));
    const names = [...inputsBlock.matchAll(/^ {2}([a-z][a-z0-9-]*):$/gm)].map((m) => m[1]);
    for (const input of INPUTS) expect(names.filter((n) => n === input.name)).toHaveLength(1);
    expect(committed).not.toMatch(/^\s+default:/m);
  });

  it('README.md carries the same inputs and outputs tables (run `npm run action-yml`)', () => {
    const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
    expect(readme).toBe(renderReadme(readme));
  });

  it('runs on node24 with a post step that always runs', () => {
    expect(committed).toMatch(/using: 'node24'/);
    expect(committed).toMatch(/post-if: 'always\(\)'/);
  });
});
