import { INPUTS } from '../../config/inputs.js';
import { Outputs } from './names.js';

const outputDescriptions: Record<Outputs, string> = {
  [Outputs.Verdict]: 'pass, fail, panic, hang, boot-timeout or infra-error (campaign and merge: pass, fail or infra-error over all scenarios).',
  [Outputs.Junit]: 'Path of the JUnit XML file (campaign and merge: one suite per scenario).',
  [Outputs.ResultsDir]:
    'Path of the results folder (console.log, summary.md, summary.json, reproducer.sh...; campaigns: campaign.json, plan.json, scenarios/<id>/).',
  [Outputs.Matrix]:
    'mode plan: JSON for `strategy.matrix` (`fromJSON(...)`): `{"include":[{"id":...,"shard":"1/6"},...]}`, one job per scenario or at most max-jobs shards.',
  [Outputs.PlanFile]: "mode plan: path of plan.json, for the matrix jobs' `plan-file`.",
  [Outputs.Scenarios]: 'mode plan: the number of scenarios planned.',
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

const mdCell = (text: string) => text.replaceAll('|', '\\|');

/** The README's inputs table, from the same table (between the inputs markers in README.md). */
export function renderInputsTable(): string {
  const rows = INPUTS.map((i) => `| \`${i.name}\` | ${i.toml ? `\`${i.toml}\`` : '–'} | ${i.default ? mdCell(i.default) : '–'} | ${mdCell(i.description)} |`);
  return ['| input / CLI flag | qfi.toml key | default | description |', '|---|---|---|---|', ...rows].join('\n');
}

export function renderOutputsTable(): string {
  const rows = Object.values(Outputs).map((o) => `| \`${o}\` | ${mdCell(outputDescriptions[o])} |`);
  return ['| output | description |', '|---|---|', ...rows].join('\n');
}

/** Replaces the text between `<!-- NAME:start -->` and `<!-- NAME:end -->`. */
export function replaceMarkedSection(doc: string, name: string, body: string): string {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const a = doc.indexOf(start);
  const b = doc.indexOf(end);
  if (a === -1 || b < a) throw new Error(`README.md has no ${start} ... ${end} section`);
  return `${doc.slice(0, a + start.length)}\n${body}\n${doc.slice(b)}`;
}

export function renderReadme(current: string): string {
  return replaceMarkedSection(replaceMarkedSection(current, 'inputs', renderInputsTable()), 'outputs', renderOutputsTable());
}
