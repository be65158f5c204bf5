/**
 * Names in qfi's JUnit, chosen for how publishers read them (their rules: test/helpers/publishers.ts):
 * - testcase names are unique across a job's file (a campaign merges many scenarios), so each
 *   starts with the scenario: `storage.read-fail-after-2: command`;
 * - a case's classname is its suite's name, so dorny shows the case under its suite without a
 *   second group level;
 * - that name never ends in a dotted word a publisher could take for a file: given no `file`,
 *   mikepenz's action globs the repository for the classname's last dotted part (that is how
 *   `qfi.demo` landed on scripts/demo.sh). Ours start with `qfi ` and join KTAP paths with `/`,
 *   so that part always holds a space. The default scenario, itself named `qfi`, gives `qfi run`
 *   rather than `qfi qfi`.
 */
export interface JUnitNames {
  suite: string;
  classname: string;
  caseName: (what: string) => string;
}

/** `qfi <scenario>`, and `qfi run` for the default scenario (named `qfi`). */
function suitePrefix(scenario: string): string {
  return scenario === 'qfi' ? 'qfi run' : `qfi ${scenario}`;
}

export function junitNames(scenario: string): JUnitNames {
  const suite = suitePrefix(scenario);
  return { suite, classname: suite, caseName: (what) => `${scenario}: ${what}` };
}

/** A KTAP suite's names: `qfi demo ktap fat_test/fat_time` (suite and classname), `demo: fat_test.fat_time.case` (case). */
export function ktapNames(scenario: string, stream: string, path: readonly string[]): JUnitNames {
  const streamPart = stream === 'ktap' ? '' : `${stream} `;
  const suite = [`${suitePrefix(scenario)} ${stream}`, ...(path.length ? [path.join('/')] : [])].join(' ');
  return { suite, classname: suite, caseName: (what) => `${scenario}: ${streamPart}${[...path, what].join('.')}` };
}
