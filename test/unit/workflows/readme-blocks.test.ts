/**
 * Every ```yaml and ```toml block of README.md parses (with `yaml` and smol-toml, as qfi reads
 * TOML), and every toml block passes qfi's own config check: each is a qfi.toml or a part of one
 * (the README has no other TOML), so each is read as a config file on its own by resolveConfig:
 * loadToml, checkConfigSchema (keys, types), then the values (durations, rules, disks, points).
 * A part needs no test command (needsCommand: false); everything else it says must hold.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseToml } from 'smol-toml';
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../../src/config/index.js';
import { fencedBlocks, readmePath } from './sources.js';

const blocks = fencedBlocks(readFileSync(readmePath, 'utf8'));
const yamlBlocks = blocks.filter((b) => b.lang === 'yaml');
const tomlBlocks = blocks.filter((b) => b.lang === 'toml');

/** A TOML text's problems as qfi reads it as its config file (resolveConfig: loadToml, checkConfigSchema, then the values). */
async function configProblems(text: string): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'qfi-readme-toml-'));
  writeFileSync(join(dir, 'qfi.toml'), text);
  try {
    await resolveConfig({ inputs: { config: 'qfi.toml', 'results-dir': join(dir, 'results') }, cwd: dir, needsCommand: false });
    return [];
  } catch (err) {
    return [(err as Error).message];
  }
}

it('README.md has yaml and toml blocks to check', () => {
  expect(yamlBlocks.length).toBeGreaterThanOrEqual(5);
  expect(tomlBlocks.length).toBeGreaterThanOrEqual(3);
});

describe.each(yamlBlocks)('README.md:$line (yaml)', (block) => {
  it('is YAML', () => {
    expect(parseDocument(block.text).errors.map((e) => e.message)).toEqual([]);
  });
});

describe.each(tomlBlocks)('README.md:$line (toml)', (block) => {
  it("is TOML, and qfi's config check takes it", async () => {
    expect(() => parseToml(block.text)).not.toThrow();
    expect(await configProblems(block.text)).toEqual([]);
  });
});

describe('the checks', () => {
  it("find the README snippet's old mistake and a config mistake", async () => {
    expect(parseDocument('- if: always()\n  run: echo "verdict: ${{ steps.qfi.outputs.verdict }}"\n').errors).not.toEqual([]);
    const config = tomlBlocks[0]!.text;
    expect(config).toContain('timeout = "10m"');
    expect(await configProblems(config.replace('timeout = "10m"', 'timeout = "10x"'))).toEqual([
      expect.stringContaining('test.timeout: bad duration "10x": units are ms, s, m, h'),
    ]);
    expect(await configProblems(config.replace('[machine]', '[machin]'))).toEqual([expect.stringMatching(/machin/)]);
  });
});
