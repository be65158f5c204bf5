/**
 * What a run leaves for `qfi reproduce` (written before QEMU starts, beside reproducer.sh):
 * a copy of the config file and of the rules file it read, as they were, and reproduce.json
 * with the inputs as given. Paths inside the run's working folder are kept relative to it,
 * because a replay happens in another checkout of the same project (a laptop replaying CI).
 */
import { copyFileSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { parse } from 'smol-toml';
import { INPUTS, inputSpec, type InputName, type RawInputs } from '../config/index.js';
import { inputLines } from '../config/convert-value.js';
import { splitWords } from '../config/key-value-words.js';
import { qfiVersion } from '../core/version.js';
import type { ResolvedConfig } from '../config/types.js';

/** The results-folder files of reproduction; the pipeline removes stale ones before a run. */
import { REPRODUCE_FILES } from '../core/results-layout.js';
import { writeResultFile } from '../core/log-file.js';

export { REPRODUCE_FILES };

export const REPRODUCE_SCHEMA_VERSION = 1;

export interface ReproduceManifest {
  schema: number;
  /** qfi version that wrote it. */
  qfi: string;
  scenario: string;
  seed: number;
  /** The run's working folder, for messages; relative paths below are relative to it. */
  cwd: string;
  /** `copy`: file name in the results folder; `file`: where it was; `baseDir`: where its relative paths resolve from. */
  config: { copy: string; file: string; baseDir: string } | null;
  rulesFile: { copy: string; file: string } | null;
  /** Inputs as given (CLI flags, action inputs), without those reproduce sets itself. */
  inputs: RawInputs;
}

/** Set by reproduce from the manifest and the copies, or about where results go. */
const NOT_RECORDED: readonly InputName[] = ['config', 'rules-file', 'results-dir', 'seed'];
/** Items of these `lines` inputs are paths. */
const PATH_LINES: readonly InputName[] = ['qemu-patches', 'qtest-script'];
/** Items of these are `key=value` words with a `path=`. */
const PATH_WORD_LINES: readonly InputName[] = ['disks', 'files'];

export interface RecordContext {
  inputs: RawInputs;
  cwd: string;
  /** Where the config file's relative paths resolved from, when not its own folder (a replay). */
  configBaseDir?: string | undefined;
}

export function writeReproduceRecord(config: ResolvedConfig, run: RecordContext, dir: string): string {
  const cwd = resolve(run.cwd);
  const here = (path: string) => relativeInside(path, cwd);
  let configEntry: ReproduceManifest['config'] = null;
  if (config.configFile !== undefined) {
    copyFileSync(config.configFile, join(dir, REPRODUCE_FILES.config));
    configEntry = { copy: REPRODUCE_FILES.config, file: here(config.configFile), baseDir: here(run.configBaseDir ?? dirname(config.configFile)) };
  }
  const rulesFile = rulesFileRead(config, run, cwd);
  let rulesEntry: ReproduceManifest['rulesFile'] = null;
  if (rulesFile !== undefined) {
    copyFileSync(rulesFile, join(dir, REPRODUCE_FILES.rulesFile));
    rulesEntry = { copy: REPRODUCE_FILES.rulesFile, file: here(rulesFile) };
  }
  const manifest: ReproduceManifest = {
    schema: REPRODUCE_SCHEMA_VERSION,
    qfi: qfiVersion,
    scenario: config.name,
    seed: config.faults.seed,
    cwd,
    config: configEntry,
    rulesFile: rulesEntry,
    inputs: recordedInputs(run.inputs, cwd),
  };
  const path = join(dir, REPRODUCE_FILES.manifest);
  writeResultFile(path, `${JSON.stringify(manifest, null, 2)}\n`);
  return path;
}

/**
 * The rules file the config stage read: the input's, else the config file's key. ResolvedConfig
 * keeps the merged rules, not the file they came from, so the path is found the same way here.
 */
function rulesFileRead(config: ResolvedConfig, run: RecordContext, cwd: string): string | undefined {
  const given = run.inputs['rules-file'];
  const text = typeof given === 'string' ? given.trim() : given?.at(-1)?.trim();
  if (text) return resolve(cwd, text);
  if (config.configFile === undefined) return undefined;
  const document = parse(readFileSync(config.configFile, 'utf8')) as Record<string, unknown>;
  let value: unknown = document;
  for (const key of inputSpec('rules-file').toml!.split('.')) value = (value as Record<string, unknown> | undefined)?.[key];
  return typeof value === 'string' ? resolve(run.configBaseDir ?? dirname(config.configFile), value) : undefined;
}

/** The given inputs (blank ones are not given), campaign-wide ones dropped, paths relative to `cwd` when inside it. */
export function recordedInputs(inputs: RawInputs, cwd: string): RawInputs {
  const out: RawInputs = {};
  for (const spec of INPUTS) {
    const raw = inputs[spec.name];
    if (raw === undefined || NOT_RECORDED.includes(spec.name) || ('scope' in spec && spec.scope === 'campaign')) continue;
    if (spec.type === 'lines') {
      const lines = inputLines(raw);
      if (lines.length === 0) continue;
      if (PATH_LINES.includes(spec.name)) out[spec.name] = lines.map((line) => relativeInside(line, cwd));
      else if (PATH_WORD_LINES.includes(spec.name)) out[spec.name] = lines.map((line) => withRelativePathWord(line, cwd));
      else out[spec.name] = lines;
      continue;
    }
    const text = (typeof raw === 'string' ? raw : (raw.at(-1) ?? '')).trim();
    if (text === '') continue;
    // `qemu` is a keyword or a path; a keyword is never absolute, so it is left alone.
    out[spec.name] = spec.type === 'path' || spec.name === 'qemu' ? relativeInside(text, cwd) : text;
  }
  return out;
}

/** `path` relative to `cwd` when it is an absolute path inside it; anything else as it is. */
function relativeInside(path: string, cwd: string): string {
  if (!isAbsolute(path)) return path;
  const rel = relative(cwd, path);
  if (rel === '') return '.';
  return rel.startsWith('..') || isAbsolute(rel) ? path : rel;
}

/** `id=data path=/ws/disk.img` -> `id=data path=disk.img`; a line that does not split is kept. */
function withRelativePathWord(line: string, cwd: string): string {
  let pairs: Array<[string, string]>;
  try {
    pairs = splitWords(line, 'line', '');
  } catch {
    return line;
  }
  return pairs.map(([key, value]) => `${key}=${quoteWord(key === 'path' ? relativeInside(value, cwd) : value)}`).join(' ');
}

function quoteWord(value: string): string {
  return /[\s"]/.test(value) || value === '' ? JSON.stringify(value) : value;
}
