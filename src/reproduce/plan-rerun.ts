/**
 * The inputs of a replay, from what the run recorded: its config and rules file as copied,
 * its inputs as given, its seed and scenario name, the QEMU it ran (system: this machine's;
 * a qfi build: the same version, built or from the cache) and its built-in guest by pin.
 * Flags given to `qfi reproduce` come last and win. Pure: reading the files is the caller's.
 */
import { join, resolve } from 'node:path';
import { UsageError } from '../core/errors.js';
import { INPUTS, isInputName, type InputName, type RawInputs } from '../config/index.js';
import { REPRODUCE_SCHEMA_VERSION, type ReproduceManifest } from '../report/reproduce-record.js';
import type { RecordedSummary } from './run-facts.js';

/** Named apart so that a qfi without the input (older than the pinned guest) still builds and says so. */
const GUEST_PIN_INPUT: string = 'guest-pin';

/** The run's own copies are what a replay reads: naming another config is not a replay. */
const NOT_OVERRIDABLE: readonly InputName[] = ['config'];

export interface RerunPlan {
  inputs: RawInputs;
  /** Where the copied config's relative paths resolve from: its folder in this checkout. */
  configBaseDir: string | undefined;
  /** What the replay takes from the record, for the log. */
  notes: string[];
  warnings: string[];
}

export function planRerun(opts: {
  manifest: ReproduceManifest;
  /** The original's summary.json; undefined when the run never finished. */
  summary: RecordedSummary | undefined;
  /** Folder holding the manifest and the copies. */
  recordDir: string;
  /** This machine's working folder (the user's checkout): relative recorded paths resolve from it. */
  cwd: string;
  overrides: RawInputs;
  resultsDir: string;
}): RerunPlan {
  const { manifest, summary, overrides } = opts;
  for (const name of Object.keys(overrides) as InputName[]) {
    const spec = INPUTS.find((s) => s.name === name);
    if (NOT_OVERRIDABLE.includes(name) || (spec && 'scope' in spec && spec.scope === 'campaign')) {
      throw new UsageError(`--${name} cannot be given to qfi reproduce`, {
        hint:
          name === 'config'
            ? 'a replay reads the config the run copied into its results folder; to run another config, use qfi run'
            : "qfi reproduce reruns one scenario; --scenario picks it from a campaign's results",
      });
    }
  }
  const notes: string[] = [];
  const warnings: string[] = [];
  const inputs: RawInputs = { ...manifest.inputs };
  let configBaseDir: string | undefined;
  if (manifest.config) {
    inputs.config = join(opts.recordDir, manifest.config.copy);
    configBaseDir = resolve(opts.cwd, manifest.config.baseDir);
    notes.push(`config: ${manifest.config.file} as the run read it (its copy ${manifest.config.copy}); its relative paths resolve from ${configBaseDir}`);
  }
  if (manifest.rulesFile) {
    inputs['rules-file'] = join(opts.recordDir, manifest.rulesFile.copy);
    notes.push(`rules file: ${manifest.rulesFile.file} as the run read it (its copy ${manifest.rulesFile.copy})`);
  }
  inputs.seed = String(manifest.seed);
  inputs.name = manifest.scenario;
  if (summary) Object.assign(inputs, qemuInputs(manifest, summary, notes));
  if (summary?.guest?.pin) {
    if (isInputName(GUEST_PIN_INPUT)) {
      inputs[GUEST_PIN_INPUT] = summary.guest.pin;
      notes.push(
        `guest: pinned to the original's (${summary.guest.kernel?.package ?? 'kernel'} ${summary.guest.kernel?.version ?? ''}, ${summary.guest.busybox?.package ?? 'busybox'} ${summary.guest.busybox?.version ?? ''})`,
      );
    } else warnings.push('the original recorded its built-in guest by pin, but this qfi cannot boot a pinned guest: the guest may differ');
  }
  const extraFaults = overrides.faults === undefined ? [] : typeof overrides.faults === 'string' ? [overrides.faults] : overrides.faults;
  Object.assign(inputs, overrides);
  if (extraFaults.length) inputs.faults = [...asLines(manifest.inputs.faults), ...extraFaults];
  inputs['results-dir'] = opts.resultsDir;
  if (!summary)
    warnings.push(
      'the original has no summary.json (it did not finish): QEMU and the guest are chosen as its config says, and there is nothing to compare with',
    );
  if (manifest.schema > REPRODUCE_SCHEMA_VERSION)
    warnings.push(
      `the run was recorded by qfi ${manifest.qfi} (reproduce.json schema ${manifest.schema}); this qfi reads schema ${REPRODUCE_SCHEMA_VERSION} and may miss some of it`,
    );
  return { inputs, configBaseDir, notes, warnings };
}

/**
 * The system QEMU then is the system QEMU now (the comparison warns when its version differs);
 * a QEMU qfi built is built again at that version, or taken from the cache; a given binary is
 * named by the config or inputs already.
 */
function qemuInputs(manifest: ReproduceManifest, summary: RecordedSummary, notes: string[]): RawInputs {
  const { origin, version } = summary.qemu;
  if (origin === 'system') {
    notes.push(`QEMU: this machine's system QEMU (the original ran the system's QEMU ${version})`);
    return { qemu: 'system' };
  }
  if (['built', 'local-cache', 'remote-cache'].includes(origin)) {
    notes.push(`QEMU: ${version}, built by qfi as for the original (or taken from the cache)`);
    return { qemu: 'build', 'qemu-version': version };
  }
  notes.push(`QEMU: ${manifest.inputs.qemu ?? 'as the config names it'} (the original ran QEMU ${version} from ${summary.qemu.argv[0] ?? 'a given path'})`);
  return {};
}

function asLines(value: string | string[] | undefined): string[] {
  return value === undefined ? [] : typeof value === 'string' ? [value] : value;
}
