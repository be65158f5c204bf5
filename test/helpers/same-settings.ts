import type { ResolvedConfig } from '../../src/config/types.js';

/** A config's settings without where they were written (a replay gives `config` and `seed` as flags). */
export function sameSettings(config: ResolvedConfig): Omit<ResolvedConfig, 'locations'> {
  const { locations: _where, ...settings } = config;
  return settings;
}
