/**
 * Names in qfi's JUnit, chosen for how publishers read them:
 * - testcase names are unique across a job's file (a campaign merges many scenarios), so each
 *   starts with the scenario: `storage.read-fail-after-2: command`;
 * - a classname never ends in a dotted word a publisher could take for a file: mikepenz's
 *   action, given no `file`, globs the repository for the classname's last dotted part (that
 *   is how `qfi.demo` landed on scripts/demo.sh). Ours start with `qfi `, and KTAP paths in
 *   them are joined with `/`, so that part always holds a space;
 * - suite names carry the scenario, and for KTAP the suite's dotted path, flat.
 */
export interface JUnitNames {
  suite: string;
  classname: string;
  caseName: (what: string) => string;
}

export function junitNames(scenario: string): JUnitNames {
  return { suite: scenario, classname: `qfi ${scenario}`, caseName: (what) => `${scenario}: ${what}` };
}

/** A KTAP suite's names: `demo ktap example` (suite), `qfi demo ktap example/param` (classname), `demo: example.case` (case). */
export function ktapNames(scenario: string, stream: string, path: readonly string[]): JUnitNames {
  const streamPart = stream === 'ktap' ? '' : `${stream} `;
  return {
    suite: [`${scenario} ${stream}`, ...(path.length ? [path.join('.')] : [])].join(' '),
    classname: [`qfi ${scenario} ${stream}`, ...(path.length ? [path.join('/')] : [])].join(' '),
    caseName: (what) => `${scenario}: ${streamPart}${[...path, what].join('.')}`,
  };
}
