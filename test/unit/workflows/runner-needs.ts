/**
 * What a workflow's qfi steps need on GitHub's ubuntu-24.04 runner, and whether the job installs
 * it. The needs come from qfi's own code, not from reading the inputs: each step's `with:` is
 * resolved with resolveConfig (against the example configs), `mode: plan` runs planCampaign (a
 * probe run shows up as a boot, see BOOTS), campaign steps read the plan file that plan wrote and
 * plan each scenario with makePlan, and makePlan's QEMU choice says whether QEMU is built. Only
 * `mode: qtest` is judged from its inputs: whether the system QEMU has the qtest accelerator is
 * probed at run time, and Ubuntu's has none (README, FACTS), so `auto` builds there.
 *
 * What the runner image lacks (FACTS.md, actions/runner-images Ubuntu2404-Readme): QEMU, its
 * firmware and qemu-img. The packages that bring what qfi uses:
 * - qemu-system-x86 / qemu-system-arm: the system QEMU (archData's debianQemuPackage); on
 *   Debian and Ubuntu it depends on qemu-system-data, seabios and ipxe-qemu.
 * - A QEMU qfi builds carries no firmware (--disable-install-blobs; firmwareDirsFor points it at
 *   the distribution's): on x86_64 the built-in guest boots with qboot.rom (archData.fastBios)
 *   and pvh.bin from qemu-system-data, and QEMU's default firmware (the pc machine loads it even
 *   under qtest: "could not load PC BIOS 'bios-256k.bin'", checked here) is seabios's. aarch64
 *   virt boots the kernel directly and needs neither.
 * - qemu-img (qemu-utils): new qcow2 disks and a snapshot campaign's state file and overlays
 *   (createQcow2). A built QEMU has none (configured --without-default-features, so no tools),
 *   and qemu-system-x86 only recommends qemu-utils, which --no-install-recommends skips.
 * - QEMU's build dependencies: `install-deps: true` (apt-get through the runner's sudo).
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { readPlanFile } from '../../../src/campaign/plan-file.js';
import { shardScenarios } from '../../../src/campaign/plan-scenarios.js';
import { planCampaign } from '../../../src/campaign/run-campaign.js';
import { scenarioInputs } from '../../../src/campaign/scenario-inputs.js';
import { INPUTS, resolveConfig, type RawInputs } from '../../../src/config/index.js';
import { silentLogger, type Host } from '../../../src/core/host.js';
import type { Arch, ResolvedConfig } from '../../../src/config/types.js';
import { archData } from '../../../src/plan/arch.js';
import { makePlan } from '../../../src/plan/make-plan.js';
import type { SnapshotPoint } from '../../../src/config/snapshot-point.js';
import { examplesDir } from './sources.js';

export const QFI_ACTION = /^[A-Za-z0-9-]+\/qfi@v\d+$/;

export interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  id?: string;
  if?: string;
  name?: string;
}
export interface Job {
  needs?: string | string[];
  steps?: Step[];
  strategy?: { matrix?: unknown };
  if?: string;
  outputs?: Record<string, string>;
}
type Row = Record<string, unknown>;

/** What one qfi step needs on the runner. */
export interface Needs {
  /** The arch of a guest booted on the system QEMU. */
  systemQemu?: Arch;
  /** QEMU is built, for this arch; `firmware`: it boots something there that needs x86 firmware. */
  build?: { arch: Arch; firmware: boolean };
  qemuImg: boolean;
  /** Why, for the messages. */
  why: string[];
}

/** Thrown by the host's log group: planCampaign went on to run (probe) a guest. */
class Boots extends Error {}
const BOOTS: Host = {
  log: { ...silentLogger, group: () => Promise.reject(new Boots('a guest would boot')) },
  cacheDir: join(tmpdir(), 'qfi-needs-unused-cache'),
};

const PATH_INPUTS = new Set<string>(INPUTS.filter((i) => i.type === 'path').map((i) => i.name));

/**
 * A workspace for resolving a step: the example config it names (the real file; only that one, as
 * a qfi.toml lying there would be read by default), and an empty file for each other relative
 * path it names (a kernel `make` builds, the user's qtest scripts or disk image). resolveConfig
 * only checks those exist; neither the QEMU choice nor anything asked here reads them.
 */
function workspaceFor(inputs: RawInputs): string {
  const dir = mkdtempSync(join(tmpdir(), 'qfi-needs-'));
  for (const name of ['config', 'rules-file'] as const) {
    const file = inputs[name];
    if (typeof file === 'string' && !isAbsolute(file)) copyFileSync(join(examplesDir, file), join(dir, file));
  }
  const paths: string[] = [];
  for (const [name, value] of Object.entries(inputs)) {
    const lines = Array.isArray(value) ? value : [value ?? ''];
    if (name === 'qtest-script' || (PATH_INPUTS.has(name) && name !== 'config' && name !== 'results-dir' && name !== 'plan-file')) paths.push(...lines);
    if (name === 'disks' || name === 'files') for (const line of lines) paths.push(...[...line.matchAll(/(?:^|\s)path=(\S+)/g)].map((m) => m[1]!));
  }
  for (const p of paths.filter((p) => p && !isAbsolute(p) && !existsSync(join(dir, p)))) {
    mkdirSync(dirname(join(dir, p)), { recursive: true });
    writeFileSync(join(dir, p), '');
  }
  return dir;
}

/** `with:` as the action reads it (read-inputs.ts): strings, trimmed; `lines` inputs as their non-empty lines. */
export function rawInputs(withValues: Record<string, unknown>): RawInputs {
  const inputs: Record<string, string | string[]> = {};
  for (const spec of INPUTS) {
    const value = withValues[spec.name];
    if (value === undefined) continue;
    if (spec.type === 'lines')
      inputs[spec.name] = String(value)
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean);
    else inputs[spec.name] = String(value).trim();
  }
  return inputs as RawInputs;
}

async function resolve(inputs: RawInputs, cwd: string, needsCommand = true): Promise<ResolvedConfig> {
  return (await resolveConfig({ inputs, cwd, needsCommand })).config;
}

function newQcow2Disks(config: ResolvedConfig): boolean {
  return config.guest.disks.some((d) => d.path === undefined && d.format === 'qcow2');
}

/** A run's needs, from makePlan (`snapshotAt`: a snapshot campaign's boot). */
function runNeeds(config: ResolvedConfig, why: string, snapshotAt?: SnapshotPoint): Needs {
  const plan = makePlan(config, 'needs', snapshotAt === undefined ? {} : { snapshot: { at: snapshotAt } });
  const arch = config.machine.arch;
  const qemuImg = newQcow2Disks(config) || snapshotAt !== undefined;
  const img = qemuImg ? [snapshotAt !== undefined ? 'a snapshot campaign saves its state in a qcow2 file' : 'a new qcow2 disk'] : [];
  if (plan.qemu.kind === 'build') return { build: { arch, firmware: arch === 'x86_64' }, qemuImg, why: [`${why} builds QEMU (${plan.qemu.reason})`, ...img] };
  return { systemQemu: arch, qemuImg, why: [`${why} boots a ${arch} guest on the system QEMU`, ...img] };
}

/** Per workflow: the plan files the plan steps wrote, and their matrices, by job. */
interface Planned {
  planFile: string;
  matrix: { include: Row[] };
}

/** What one qfi step needs; `planned`: plans of the jobs this one needs (for `plan-file`). */
export async function stepNeeds(withValues: Record<string, unknown>, planned: Planned[] = []): Promise<{ needs: Needs; plan?: Planned }> {
  const inputs = rawInputs(withValues);
  const mode = String(inputs.mode ?? 'run');
  const cwd = workspaceFor(inputs);
  const results = join(cwd, 'qfi-results');
  if (mode === 'merge') return { needs: { qemuImg: false, why: ['mode merge boots nothing'] } };
  if (mode === 'qtest') {
    const config = await resolve(inputs, cwd, false);
    const qemu = config.qemu.binary;
    const builds = qemu === 'auto' || qemu === 'build';
    const arch = config.machine.arch;
    const why = [
      `mode qtest with qemu ${qemu}${builds ? ": Ubuntu's QEMU has no qtest accelerator, so qfi builds one" : ''}`,
      ...(newQcow2Disks(config) ? ['a new qcow2 disk'] : []),
    ];
    return {
      needs: builds
        ? { build: { arch, firmware: arch === 'x86_64' }, qemuImg: newQcow2Disks(config), why }
        : { systemQemu: arch, qemuImg: newQcow2Disks(config), why },
    };
  }
  if (mode === 'run') return { needs: runNeeds(await resolve(inputs, cwd), 'mode run') };
  if (mode === 'plan') {
    try {
      const { matrix, planFile } = await planCampaign({ inputs: { ...inputs, 'results-dir': results }, cwd }, BOOTS);
      return {
        needs: { qemuImg: false, why: ['mode plan: planCampaign ran no probe, nothing boots'] },
        plan: { planFile, matrix: { include: matrix.include.map((entry) => ({ ...entry })) } },
      };
    } catch (err) {
      if (!(err instanceof Boots)) throw err;
      // The probe: the campaign's config without faults (run-campaign.ts's probe()).
      const probe = scenarioInputs(inputs, { name: 'probe', resultsDir: results, seed: 1, rules: [], faultsEnabled: false });
      return { needs: runNeeds(await resolve(probe, cwd), 'mode plan: its probe run') };
    }
  }
  if (mode !== 'campaign') throw new Error(`unknown mode ${mode}`);
  // A matrix job runs the plan its plan job wrote (downloaded as an artifact): that same file.
  if (inputs['plan-file'] === undefined) throw new Error('a campaign step without plan-file (planning in the same job) is not modelled here');
  if (planned.length !== 1) throw new Error(`a campaign step with plan-file needs exactly one plan job before it, found ${planned.length}`);
  inputs['plan-file'] = planned[0]!.planFile;
  const config = await resolve(inputs, cwd);
  const plan = readPlanFile(config.campaign.planFile!);
  if (plan.kind === 'snapshot') return { needs: runNeeds(config, 'a snapshot campaign', config.campaign.snapshotAt) };
  const needs: Needs = { qemuImg: false, why: [] };
  const seen = new Set<string>();
  for (const s of shardScenarios(plan.scenarios, config.campaign.shard)) {
    if (seen.has(s.rules.join('\n'))) continue;
    seen.add(s.rules.join('\n'));
    const one = runNeeds(await resolve(scenarioInputs(inputs, { name: s.id, resultsDir: results, seed: s.seed, rules: s.rules }), cwd), `scenario ${s.id}`);
    merge(needs, one);
  }
  return { needs };
}

function merge(into: Needs, one: Needs): void {
  into.systemQemu ??= one.systemQemu;
  if (one.build) into.build = { arch: one.build.arch, firmware: (into.build?.firmware ?? false) || one.build.firmware };
  into.qemuImg ||= one.qemuImg;
  for (const w of one.why) if (!into.why.includes(w) && into.why.length < 3) into.why.push(w);
}

/** `${{ matrix.K }}` replaced from the row; undefined when another expression is left (a step output). */
function substitute(value: unknown, row: Row): unknown {
  if (typeof value !== 'string') return value;
  const text = value.replace(/\$\{\{\s*matrix\.([A-Za-z0-9_-]+)\s*\}\}/g, (_, key: string) => {
    if (row[key] === undefined) throw new Error(`matrix.${key} is not in the row ${JSON.stringify(row)}`);
    return String(row[key]);
  });
  return text.includes('${{') ? undefined : text;
}

/** A step's `if:`: none, always(), or `matrix.K == 'V'`; anything else is not evaluated here. */
function runsInRow(step: Step, row: Row): boolean {
  if (step.if === undefined) return true;
  const cond = step.if.trim().replace(/^\$\{\{\s*([\s\S]*?)\s*\}\}$/, '$1');
  if (/^(always|success)\(\)$/.test(cond)) return true;
  const eq = /^matrix\.([A-Za-z0-9_-]+)\s*==\s*'([^']*)'$/.exec(cond);
  if (!eq) throw new Error(`cannot evaluate if: ${step.if}`);
  return String(row[eq[1]!]) === eq[2];
}

/** Packages of every `apt-get install` in the step's run script, and whether an `apt-get update` comes first. */
function aptInstalls(run: string): { packages: string[]; updatedFirst: boolean } {
  const packages: string[] = [];
  let updated = false;
  let updatedFirst = true;
  for (const command of run.split(/&&|;|\n|\|\|/)) {
    if (/\bapt-get\s+update\b/.test(command)) updated = true;
    const m = /\bapt-get\s+install\s+(.*)$/.exec(command);
    if (!m) continue;
    if (!updated) updatedFirst = false;
    packages.push(
      ...m[1]!
        .trim()
        .split(/\s+/)
        .filter((w) => !w.startsWith('-')),
    );
  }
  return { packages, updatedFirst };
}

/** The packages a job's steps before `before` install, in this row. */
function installedBefore(steps: Step[], before: number, row: Row, problems: string[], where: string): Set<string> {
  const installed = new Set<string>();
  for (const step of steps.slice(0, before)) {
    if (step.run === undefined || !runsInRow(step, row)) continue;
    const run = substitute(step.run, row);
    if (typeof run !== 'string') continue;
    const { packages, updatedFirst } = aptInstalls(run);
    if (packages.length > 0 && !updatedFirst) problems.push(`${where}: apt-get install without apt-get update first (the runner's package lists are stale)`);
    for (const p of packages) installed.add(p);
  }
  return installed;
}

/** What is missing for one qfi step, given what its job installed before it. */
export function missingFor(needs: Needs, step: Step, installed: Set<string>): string[] {
  const missing: string[] = [];
  const why = needs.why.join('; ');
  if (needs.systemQemu) {
    const pkg = archData[needs.systemQemu].debianQemuPackage;
    if (!installed.has(pkg)) missing.push(`installs no ${pkg}, but ${why}`);
  }
  if (needs.build) {
    if (String(step.with?.['install-deps'] ?? '') !== 'true') missing.push(`does not set install-deps: true, but ${why}`);
    const firmware = ['qemu-system-data', 'seabios'].filter((p) => !installed.has(p));
    if (needs.build.firmware && !installed.has('qemu-system-x86') && firmware.length > 0)
      missing.push(`installs no ${firmware.join(' or ')} (or qemu-system-x86), the firmware a QEMU build uses, but ${why}`);
  }
  if (needs.qemuImg && !installed.has('qemu-utils')) missing.push(`installs no qemu-utils (qemu-img), but ${why}`);
  return missing;
}

/** Every problem of a workflow: each qfi step of each job and matrix row against what the job installs before it. */
export async function checkWorkflowInstalls(name: string, text: string): Promise<string[]> {
  const jobs = (parseYaml(text) as { jobs: Record<string, Job> }).jobs;
  const problems: string[] = [];
  const plans = new Map<string, Planned>();
  for (const jobName of topological(jobs)) {
    const job = jobs[jobName]!;
    const needed = [job.needs ?? []].flat();
    for (const row of matrixRows(
      job,
      needed.map((n) => plans.get(n)),
    )) {
      const label = Object.keys(row).length
        ? ` [${Object.entries(row)
            .map(([k, v]) => `${k}=${String(v)}`)
            .join(' ')}]`
        : '';
      const steps = job.steps ?? [];
      for (const [i, step] of steps.entries()) {
        if (step.uses === undefined || !QFI_ACTION.test(step.uses) || !runsInRow(step, row)) continue;
        const where = `${name} job ${jobName}${label} step ${i + 1}`;
        const withValues: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(step.with ?? {})) {
          const value = substitute(v, row);
          if (value !== undefined) withValues[k] = value;
        }
        const { needs, plan } = await stepNeeds(
          withValues,
          needed.map((n) => plans.get(n)).filter((p): p is Planned => p !== undefined),
        );
        if (plan) plans.set(jobName, plan);
        const installed = installedBefore(steps, i, row, problems, where);
        problems.push(...missingFor(needs, { ...step, with: withValues }, installed).map((m) => `${where} ${m}`));
      }
    }
  }
  return [...new Set(problems)];
}

function topological(jobs: Record<string, Job>): string[] {
  const order: string[] = [];
  const visit = (name: string, path: string[]): void => {
    if (order.includes(name)) return;
    if (path.includes(name)) throw new Error(`jobs need each other: ${[...path, name].join(' -> ')}`);
    for (const n of [jobs[name]?.needs ?? []].flat()) visit(n, [...path, name]);
    order.push(name);
  };
  for (const name of Object.keys(jobs)) visit(name, []);
  return order;
}

/** A job's matrix rows: its include list, or the matrix a plan job it needs put out (`fromJSON(needs.X.outputs.matrix)`). */
function matrixRows(job: Job, planned: Array<Planned | undefined>): Row[] {
  const matrix = job.strategy?.matrix;
  if (matrix === undefined) return [{}];
  if (typeof matrix === 'string') {
    if (!/^\$\{\{\s*fromJSON\(needs\.[A-Za-z0-9_-]+\.outputs\.matrix\)\s*\}\}$/.test(matrix)) throw new Error(`cannot expand matrix ${matrix}`);
    const plan = planned.find((p) => p !== undefined);
    if (!plan) throw new Error(`matrix ${matrix} comes from a job that planned nothing`);
    return plan.matrix.include;
  }
  const include = (matrix as { include?: Row[] }).include;
  if (!Array.isArray(include)) throw new Error('only matrices given as include lists are expanded');
  return include;
}
