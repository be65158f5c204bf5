/**
 * workflows-examples/*.yml and README.md's yaml blocks are checked with GitHub's own workflow
 * parser (actions/languageservices' @actions/workflow-parser, what the Actions editor uses), the
 * examples also by their job graph, and every `with:` of qfi's action against action.yml's inputs.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { convertWorkflowTemplate, NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { INPUTS } from '../../../src/config/inputs.js';
import { packageRoot } from '../../../src/core/package-root.js';
import { diskFromLine } from '../../../src/config/disk-spec.js';
import { parseRegionLine } from '../../../src/config/region-spec.js';
import { readmeWorkflow, readmeYamlBlocks } from './sources.js';

const dir = join(packageRoot(), 'workflows-examples');
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.yml'))
  .sort();
/** qfi's action, as a workflow uses it from its repository. */
const QFI_ACTION = /^[A-Za-z0-9-]+\/qfi@v\d+$/;

async function parse(name: string, content: string) {
  const result = parseWorkflow({ name, content }, new NoOperationTraceWriter());
  const errors = result.context.errors.getErrors().map((e) => e.message);
  const template = result.value ? await convertWorkflowTemplate(result.context, result.value) : undefined;
  return { errors: [...errors, ...((template?.errors ?? []) as Array<{ Message: string }>).map((e) => e.Message)], template };
}

interface Step {
  uses?: string;
  with?: Record<string, unknown>;
  id?: string;
}
interface Job {
  needs?: string | string[];
  steps?: Step[];
  strategy?: { matrix?: unknown };
  if?: string;
  outputs?: Record<string, string>;
}
const jobsOf = (file: string): Record<string, Job> => (parseYaml(readFileSync(join(dir, file), 'utf8')) as { jobs: Record<string, Job> }).jobs;
const qfiSteps = (job: Job): Step[] => (job.steps ?? []).filter((s) => s.uses !== undefined && QFI_ACTION.test(s.uses));

describe('the validator', () => {
  it('catches what GitHub would refuse', async () => {
    const bad = 'on: push\njobs:\n  a:\n    runs-onn: ubuntu-24.04\n    steps:\n      - run: true\n';
    expect((await parse('bad.yml', bad)).errors.join('\n')).toMatch(/runs-onn/);
    const job = '    runs-on: ubuntu-24.04\n    steps:\n      - run: true\n';
    const badNeeds = `on: push\njobs:\n  a:\n${job}  b:\n    needs: nope\n${job}`;
    expect((await parse('bad.yml', badNeeds)).errors.join('\n')).toMatch(/nope/);
  });
});

describe.each(files)('workflows-examples/%s', (file) => {
  it('is a valid GitHub workflow', async () => {
    const { errors } = await parse(file, readFileSync(join(dir, file), 'utf8'));
    expect(errors).toEqual([]);
  });

  it("uses qfi's action by repository path, with inputs action.yml has and values qfi accepts", () => {
    expectQfiInputs(file, Object.values(jobsOf(file)));
  });
});

// README blocks as workflows (a list of steps wrapped into one job, see sources.ts).
describe.each(readmeYamlBlocks().map(readmeWorkflow))('$name', (source) => {
  it('is a valid GitHub workflow', async () => {
    expect((await parse(source.name, source.text)).errors).toEqual([]);
  });

  it("uses qfi's action with inputs action.yml has and values qfi accepts", () => {
    expectQfiInputs(source.name, Object.values((parseYaml(source.text) as { jobs: Record<string, Job> }).jobs));
  });
});

function expectQfiInputs(file: string, jobs: Job[]): void {
  const names = new Set(INPUTS.map((i) => i.name));
  expect(jobs.flatMap(qfiSteps).length).toBeGreaterThan(0);
  for (const job of jobs) {
    for (const step of qfiSteps(job)) {
      for (const [key, raw] of Object.entries(step.with ?? {})) {
        expect(names, `${file}: with.${key}`).toContain(key);
        // `${{ matrix.x }}` stands for each value the job's matrix gives x: check them all.
        for (const value of matrixValues(job, raw)) {
          const spec = INPUTS.find((i) => i.name === key);
          if (spec && 'values' in spec) expect(spec.values, `${file}: with.${key}`).toContain(value);
          if (key === 'regions') for (const line of String(value).trim().split('\n')) expect(() => parseRegionLine(line)).not.toThrow();
          // An image the job brings itself (path=) is not here; runner-needs.test.ts resolves those lines with a stand-in file.
          if (key === 'disks')
            for (const line of String(value)
              .trim()
              .split('\n')
              .filter((l) => !/\bpath=/.test(l)))
              expect(() => diskFromLine(line, 0, '/')).not.toThrow();
        }
      }
      if (step.with?.config)
        expect(files.concat(readdirSync(dir)), `${file}: config ${String(step.with.config)} is next to it`).toContain(String(step.with.config));
    }
  }
}

/** The values a `with:` value takes: itself, or for `${{ matrix.KEY }}` each value the matrix's include lists give KEY. */
function matrixValues(job: { strategy?: { matrix?: unknown } }, value: unknown): unknown[] {
  const m = typeof value === 'string' ? /^\$\{\{\s*matrix\.([A-Za-z0-9_-]+)\s*\}\}$/.exec(value) : null;
  const include = (job.strategy?.matrix as { include?: Array<Record<string, unknown>> } | undefined)?.include;
  if (!m || !Array.isArray(include)) return [value];
  const values = include.map((row) => row[m[1]!]);
  expect(
    values.every((v) => v !== undefined),
    `every matrix row gives ${m[1]}`,
  ).toBe(true);
  return values;
}

/** plan -> matrix jobs -> merge, the shape both campaign workflows share. */
function expectCampaignGraph(file: string, runJob: string): void {
  const jobs = jobsOf(file);
  expect(Object.keys(jobs)).toEqual(['plan', runJob, 'merge']);
  const plan = qfiSteps(jobs.plan!)[0]!;
  expect(plan.with?.mode).toBe('plan');
  expect(jobs.plan!.outputs?.matrix).toBe(`\${{ steps.${plan.id}.outputs.matrix }}`);
  const run = jobs[runJob]!;
  expect(run.needs).toBe('plan');
  expect(run.strategy?.matrix).toBe('${{ fromJSON(needs.plan.outputs.matrix) }}');
  const runStep = qfiSteps(run)[0]!;
  expect(runStep.with).toMatchObject({ mode: 'campaign', 'plan-file': 'plan.json', shard: '${{ matrix.shard }}' });
  expect(String(runStep.with?.['artifact-name'])).toContain('${{ matrix.id }}');
  const merge = jobs.merge!;
  expect(merge.needs).toBe(runJob);
  expect(merge.if).toBe('${{ !cancelled() }}');
  const download = merge.steps!.find((s) => s.uses?.startsWith('actions/download-artifact@'))!;
  const shardArtifacts = String(runStep.with?.['artifact-name']).replace('${{ matrix.id }}', '*');
  expect(download.with?.pattern).toBe(shardArtifacts);
  expect(qfiSteps(merge)[0]!.with).toMatchObject({ mode: 'merge', 'merge-from': download.with?.path });
}

describe('campaign workflows', () => {
  it('matrix-fault-points.yml: plan job -> one matrix job per scenario -> merge job', () => expectCampaignGraph('matrix-fault-points.yml', 'faults'));

  it('nightly-chaos.yml: scheduled; plan chaos with repeats -> shards -> merge against last night', () => {
    expectCampaignGraph('nightly-chaos.yml', 'chaos');
    const doc = parseYaml(readFileSync(join(dir, 'nightly-chaos.yml'), 'utf8')) as { on: { schedule: unknown[] }; jobs: Record<string, Job> };
    expect(doc.on.schedule).toHaveLength(1);
    expect(qfiSteps(doc.jobs.plan!)[0]!.with).toMatchObject({ campaign: 'chaos', repeat: 40, 'max-jobs': 8 });
    expect(qfiSteps(doc.jobs.merge!)[0]!.with?.history).toBe('history/campaign.json');
  });

  it('nightly-snapshot.yml: scheduled; plan snapshot flip trials -> jobs of 25 trials -> merge', () => {
    expectCampaignGraph('nightly-snapshot.yml', 'flips');
    const doc = parseYaml(readFileSync(join(dir, 'nightly-snapshot.yml'), 'utf8')) as { on: { schedule: unknown[] }; jobs: Record<string, Job> };
    expect(doc.on.schedule).toHaveLength(1);
    expect(qfiSteps(doc.jobs.plan!)[0]!.with).toMatchObject({ campaign: 'snapshot', repeat: 200 });
    // The shard jobs run the same campaign as planned.
    const [plan, run] = [qfiSteps(doc.jobs.plan!)[0]!.with!, qfiSteps(doc.jobs.flips!)[0]!.with!];
    expect([run.campaign, run.command, run.config]).toEqual([plan.campaign, plan.command, plan.config]);
  });

  it('pr-smoke.yml: one scenario on pull requests', () => {
    const doc = parseYaml(readFileSync(join(dir, 'pr-smoke.yml'), 'utf8')) as { on: unknown; jobs: Record<string, Job> };
    expect(doc.on).toEqual(['pull_request']);
    const steps = Object.values(doc.jobs).flatMap(qfiSteps);
    expect(steps).toHaveLength(1);
    expect(steps[0]!.with?.mode ?? 'run').toBe('run');
  });
});
