/**
 * The workflows the tests check: every workflows-examples/*.yml, and every ```yaml block of
 * README.md as a whole workflow. A README block that is only a list of steps is wrapped in a
 * minimal workflow (one ubuntu-24.04 job that checks out the repository first), so actionlint
 * and GitHub's parser see it as a user who pastes it into a job would.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { packageRoot } from '../../../src/core/package-root.js';

export const examplesDir = join(packageRoot(), 'workflows-examples');
export const readmePath = join(packageRoot(), 'README.md');

export interface FencedBlock {
  lang: string;
  text: string;
  /** 1-based README line of the block's first line (after the fence). */
  line: number;
}

/** The fenced blocks of a Markdown text, in order. */
export function fencedBlocks(markdown: string): FencedBlock[] {
  const blocks: FencedBlock[] = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(\S*)\s*$/.exec(lines[i]!);
    if (!open) continue;
    const end = lines.findIndex((l, j) => j > i && /^```\s*$/.test(l));
    if (end < 0) throw new Error(`README.md:${i + 1}: fenced block never closed`);
    blocks.push({ lang: open[1]!, text: `${lines.slice(i + 1, end).join('\n')}\n`, line: i + 2 });
    i = end;
  }
  return blocks;
}

export interface WorkflowSource {
  /** `workflows-examples/pr-smoke.yml` or `README.md:42`. */
  name: string;
  /** The whole workflow text as checked. */
  text: string;
  /** Source line of the text's line `l` is `l + lineShift` (README blocks: their place in README.md). */
  lineShift: number;
  /** A README block that is a list of steps, wrapped into WRAP_HEAD. */
  wrapped: boolean;
}

/** The minimal workflow around a README block of steps; the block is indented under `steps:`. */
const WRAP_HEAD = 'on: push\njobs:\n  readme:\n    runs-on: ubuntu-24.04\n    steps:\n      - uses: actions/checkout@v4\n';
const WRAP_LINES = WRAP_HEAD.split('\n').length - 1;

export function exampleFiles(): string[] {
  return readdirSync(examplesDir)
    .filter((f) => f.endsWith('.yml'))
    .sort();
}

export function readmeYamlBlocks(): FencedBlock[] {
  return fencedBlocks(readFileSync(readmePath, 'utf8')).filter((b) => b.lang === 'yaml');
}

/** A README yaml block as a workflow: as it is when it has `jobs`, wrapped when it is a list of steps. */
export function readmeWorkflow(block: FencedBlock): WorkflowSource {
  const name = `README.md:${block.line}`;
  const doc: unknown = parseYaml(block.text);
  if (Array.isArray(doc)) {
    const body = block.text.replace(/^(?=.)/gm, '      ');
    return { name, text: WRAP_HEAD + body, lineShift: block.line - 1 - WRAP_LINES, wrapped: true };
  }
  if (doc && typeof doc === 'object' && 'jobs' in doc) return { name, text: block.text, lineShift: block.line - 1, wrapped: false };
  throw new Error(`${name}: a yaml block is a workflow (with jobs) or a list of steps`);
}

export function workflowSources(): WorkflowSource[] {
  return [
    ...exampleFiles().map((f) => ({ name: `workflows-examples/${f}`, text: readFileSync(join(examplesDir, f), 'utf8'), lineShift: 0, wrapped: false })),
    ...readmeYamlBlocks().map(readmeWorkflow),
  ];
}
