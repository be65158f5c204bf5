import * as core from '@actions/core';
import { INPUTS, type RawInputs } from '../../config/index.js';

/**
 * Reads every input of the table. Empty means "not given" (action.yml declares no
 * defaults), so qfi.toml and qfi's own defaults apply: input > file > default.
 */
export function readActionInputs(): RawInputs {
  const inputs: Record<string, string | string[]> = {};
  for (const input of INPUTS) {
    if (input.type === 'lines') {
      const lines = core.getMultilineInput(input.name);
      if (lines.length) inputs[input.name] = lines;
    } else {
      const value = core.getInput(input.name);
      if (value !== '') inputs[input.name] = value;
    }
  }
  return inputs as RawInputs;
}
