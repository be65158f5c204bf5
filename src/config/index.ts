/** The config stage: inputs + qfi.toml -> ResolvedConfig, with every user value checked. */
export { ACTION_MODES, INPUTS, inputSpec, isInputName } from './inputs.js';
export type { ActionMode, InputName, InputSpec, InputType, RawInputs } from './inputs.js';
export { DEFAULT_CONFIG_FILE, resolveConfig } from './resolve-config.js';
export type { ResolveConfigOptions, ResolveConfigResult } from './resolve-config.js';
export { resolveInputs } from './resolve-inputs.js';
export type { InputsRequest } from './resolve-inputs.js';
export { loadToml } from './load-toml.js';
export type { LoadedToml } from './load-toml.js';
export { CONFIG_SCHEMA, checkConfigSchema } from './check-schema.js';
export type { FileSettings, SettingValue } from './check-schema.js';
export { parseDottedKey, scanTomlPositions, tomlPath } from './toml-positions.js';
export type { TomlEntryPosition, TomlPathSegment, TomlPosition, TomlPositions } from './toml-positions.js';
export { MAX_DURATION_MS, parseBool, parseDuration } from './parse-values.js';
