import type { Logger } from '../core/host.js';
import type { RawInputs } from './inputs.js';
import { resolveConfig, type ResolveConfigOptions } from './resolve-config.js';
import type { ResolvedConfig } from './types.js';

/** What every mode resolves its config from, and who is told once it is resolved. */
export interface InputsRequest {
  inputs: RawInputs;
  cwd: string;
  /** Folder the config file's relative paths resolve from instead of its own (`qfi reproduce`). */
  configBaseDir?: string | undefined;
  /** Called once the config is resolved, before anything runs (the action saves state for its post step). */
  onConfig?: ((config: ResolvedConfig) => void) | undefined;
}

/** The config stage as every mode starts it: resolve, log the warnings, tell onConfig. */
export async function resolveInputs(
  request: InputsRequest,
  log: Logger,
  extra: Pick<ResolveConfigOptions, 'needsCommand' | 'purpose'> = {},
): Promise<ResolvedConfig> {
  const { config, warnings } = await resolveConfig({
    inputs: request.inputs,
    cwd: request.cwd,
    ...(request.configBaseDir !== undefined ? { configBaseDir: request.configBaseDir } : {}),
    ...extra,
  });
  for (const warning of warnings) log.warn(warning);
  request.onConfig?.(config);
  return config;
}
