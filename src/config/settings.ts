/**
 * The settings one config is resolved from, by input name, typed: an input's value beats the
 * file's, and a setting nobody wrote takes its literal default from the inputs table (the
 * one place defaults are written). Each value keeps where it was written.
 */
import { ConfigError, type SourceLocation } from '../core/errors.js';
import type { FileSettings, SettingValue } from './check-schema.js';
import { valueFromInput } from './convert-value.js';
import type { DiskSpec } from './disk-spec.js';
import type { FileSpec } from './file-spec.js';
import { inputSpec, type INPUTS, type InputName } from './inputs.js';
import type { PointSpec } from './point-spec.js';
import type { RegionSpec } from './region-spec.js';
import type { Shard } from './shard.js';
import type { SnapshotPoint } from './snapshot-point.js';

type SpecOf<N extends InputName> = Extract<(typeof INPUTS)[number], { name: N }>;
type PlainValue<S> = S extends { type: 'bool' }
  ? boolean
  : S extends { type: 'int' | 'duration' }
    ? number
    : S extends { type: 'enum'; values: readonly (infer V)[] }
      ? V
      : S extends { type: 'lines' }
        ? string[]
        : string;

/** Settings parsed to more than their input type says. */
interface TypedSettings {
  'pass-exit-codes': number[];
  shard: Shard;
  'snapshot-at': SnapshotPoint;
  disks: DiskSpec[];
  files: FileSpec[];
  points: PointSpec[];
  regions: RegionSpec[];
}

/** The typed value of a setting, as convert-value.ts makes it. */
export type SettingType<N extends InputName> = N extends keyof TypedSettings ? TypedSettings[N] : PlainValue<SpecOf<N>>;

/** Where each setting that was given is written: file:line:col in the TOML, or `{ input }`. */
export type SettingLocations = Partial<Record<InputName, SourceLocation>>;

export class Settings {
  constructor(
    private readonly fromInputs: Partial<Record<InputName, SettingValue>>,
    private readonly file: FileSettings | undefined,
    private readonly inputsGiven: ReadonlySet<InputName>,
    private readonly baseDir: string,
  ) {}

  setting(name: InputName): SettingValue | undefined {
    return this.fromInputs[name] ?? this.file?.values[name];
  }

  value<N extends InputName>(name: N): SettingType<N> | undefined {
    return this.setting(name)?.value as SettingType<N> | undefined;
  }

  /** The value, or the inputs table's literal default. */
  orDefault<N extends InputName>(name: N): SettingType<N> {
    return this.value(name) ?? (defaultValue(name, this.baseDir) as SettingType<N>);
  }

  where(name: InputName): SourceLocation {
    return this.setting(name)?.where ?? { input: name };
  }

  /** Written, valid or not: a setting written but invalid is already a problem, and not also missing. */
  written(name: InputName): boolean {
    return this.inputsGiven.has(name) || (this.file?.present.has(name) ?? false);
  }

  locations(): SettingLocations {
    const out: SettingLocations = {};
    for (const name of [...Object.keys(this.file?.values ?? {}), ...Object.keys(this.fromInputs)] as InputName[]) {
      const where = this.setting(name)?.where;
      if (where) out[name] = where;
    }
    return out;
  }
}

/** A setting's literal default from the inputs table, parsed like an input. */
export function defaultValue(name: InputName, baseDir: string): SettingValue['value'] {
  const spec = inputSpec(name);
  if (spec.default === undefined || spec.computedDefault) throw new Error(`input ${name} has no literal default`);
  return valueFromInput(spec, spec.default, { where: { input: name }, baseDir });
}

/** Where a resolved config's setting was written, for errors found after the config stage. */
export function sourceOf(config: { readonly locations: SettingLocations }, name: InputName): SourceLocation {
  return config.locations[name] ?? { input: name };
}

/**
 * A ConfigError a later stage raised naming only an input (`input qemu-sha256`), placed where
 * that setting was written (`qfi.toml:4:10` with its caret) when it was written in the file.
 */
export function locateSettingError(err: unknown, holder: { readonly locations: SettingLocations }): unknown {
  if (!(err instanceof ConfigError) || !err.location?.input || err.location.file !== undefined) return err;
  const written = holder.locations[err.location.input as InputName];
  if (!written || written.file === undefined) return err;
  return new ConfigError(err.message, { location: written, ...(err.hint !== undefined ? { hint: err.hint } : {}), cause: err });
}
