import { INPUTS } from '../../config/inputs.js';
import { Outputs } from './names.js';

const outputDescriptions: Record<Outputs, string> = {
  [Outputs.Verdict]: 'pass, fail, panic, hang, boot-timeout or infra-error.',
  [Outputs.Junit]: 'Path of the JUnit XML file.',
  [Outputs.ResultsDir]: 'Path of the results folder (console.log, summary.md, summary.json, reproducer.sh...).',
};

const yamlString = (text: string) => `'${text.replaceAll("'", "''")}'`;

/**
 * action.yml, generated from the inputs table so the action and the CLI can never drift.
 * No input has a `default:` here: an action default is always sent and would override
 * qfi.toml; the documented default is in the description instead.
 */
export function renderActionYml(): string {
  const lines = [
    '# Generated from src/config/inputs.ts by `npm run action-yml`; edit the table, not this file.',
    "name: 'qfi: QEMU fault injection'",
    "description: 'Boot a QEMU guest with fault rules, run a test command, and report a verdict, JUnit and console logs.'",
    "author: 'qfi'",
    'branding:',
    '  icon: zap',
    '  color: red',
    'inputs:',
  ];
  for (const input of INPUTS) {
    const def = input.default ? ` Default: ${input.default}.` : '';
    lines.push(`  ${input.name}:`, `    description: ${yamlString(`${input.description}${def}`)}`, '    required: false');
  }
  lines.push('outputs:');
  for (const output of Object.values(Outputs)) {
    lines.push(`  ${output}:`, `    description: ${yamlString(outputDescriptions[output])}`);
  }
  lines.push('runs:', "  using: 'node24'", "  main: 'dist/main.js'", "  post: 'dist/post.js'", "  post-if: 'always()'", '');
  return lines.join('\n');
}
