import * as core from '@actions/core';
import { INPUTS, type RawInputs } from '../../config/index.js';

/**
 * Reads every input of the table. Empty means "not given" (action.yml declares no
 * defaults), so qfi.toml and qfi's own defaults apply: input > file > default. Trimming is
 * asked for explicitly: @actions/core trims by default, @github/local-action's stub only when told.
 */
export function readActionInputs(): RawInputs {
  const inputs: Record<string, string | string[]> = {};
  for (const input of INPUTS) {
    if (input.type === 'lines') {
      const lines = core.getMultilineInput(input.name, { trimWhitespace: true });
      if (lines.length) inputs[input.name] = lines;
    } else {
      const value = core.getInput(input.name, { trimWhitespace: true });
      if (value !== '') inputs[input.name] = value;
    }
  }
  return inputs as RawInputs;
}
