/**
 * Which folder of a results tree (a folder, or the file names of an artifact zip) holds the
 * run to reproduce: the tree itself, one campaign scenario (`scenarios/<id>/`, chosen with
 * `--scenario`), or either of them one folder down (a zip of the folder rather than of its
 * contents). Pure: it looks only at the file names.
 */
import { UsageError } from '../core/errors.js';
import { closestMatch } from '../config/closest-match.js';
import { REPRODUCE_FILES } from '../report/reproduce-record.js';
import { REPORT_FILES } from '../core/results-layout.js';

const MANIFEST = REPRODUCE_FILES.manifest;

/** `names`: `/`-separated paths relative to the tree. Returns the run's folder as a prefix (`''` or `scenarios/x/`). */
export function findRun(names: readonly string[], opts: { scenario: string | undefined; label: string }): string {
  const manifests = names.filter((n) => n === MANIFEST || n.endsWith(`/${MANIFEST}`)).map((n) => n.slice(0, -MANIFEST.length));
  const tops = new Set(['', ...manifests.filter((p) => /^[^/]+\/$/.test(p))]);
  // A campaign's scenarios, under the tree or one folder down.
  const scenarios = manifests.flatMap((p) => {
    const m = /^((?:[^/]+\/)?)scenarios\/([^/]+)\/$/.exec(p);
    return m && (m[1] === '' || !manifests.includes(m[1]!)) ? [{ id: m[2]!, prefix: p }] : [];
  });

  if (opts.scenario !== undefined) {
    const found = scenarios.find((s) => s.id === opts.scenario);
    if (found) return found.prefix;
    if (scenarios.length === 0) {
      throw new UsageError(`--scenario ${opts.scenario}: ${opts.label} is not a campaign's results (it has no scenarios/<id>/${MANIFEST})`, {
        hint: 'leave --scenario out to reproduce the run in it',
      });
    }
    const guess = closestMatch(
      opts.scenario,
      scenarios.map((s) => s.id),
    );
    throw new UsageError(`${opts.label} has no scenario \`${opts.scenario}\``, {
      hint: `${guess ? `did you mean \`${guess}\`? ` : ''}${scenarioList(scenarios.map((s) => s.id))}`,
    });
  }
  const runs = manifests.filter((p) => tops.has(p));
  if (runs.includes('')) return '';
  // Before a lone run one folder down: a campaign's probe/ is one, and not what is meant.
  if (scenarios.length > 0) {
    throw new UsageError(`${opts.label} holds a campaign's results: say which scenario to reproduce`, {
      hint: `add --scenario ID; ${scenarioList(scenarios.map((s) => s.id))}`,
    });
  }
  if (runs.length === 1) return runs[0]!;
  if (runs.length > 1)
    throw new UsageError(`${opts.label} holds the results of ${runs.length} runs (${runs.join(', ')})`, { hint: 'give one of these folders' });
  const older = names.some((n) => n === REPORT_FILES.summaryJson || (n.endsWith(`/${REPORT_FILES.summaryJson}`) && n.split('/').length === 2));
  throw new UsageError(`${opts.label} has no ${MANIFEST}: it is not the results folder of a qfi run`, {
    hint: older
      ? `its summary.json is from a qfi without \`qfi reproduce\`; run its scenario again with \`qfi run\` (the flags are in its reproducer.sh)`
      : names.includes(REPORT_FILES.campaign)
        ? "a snapshot campaign's trials are repeated by the campaign: use the trial's `reproducer` line in campaign.json"
        : 'give the folder a qfi run wrote (qfi-results/ by default), or the artifact zip downloaded from GitHub',
  });
}

function scenarioList(ids: string[]): string {
  return `the ${ids.length} scenario(s): ${ids.slice(0, 8).join(', ')}${ids.length > 8 ? ', …' : ''}`;
}
