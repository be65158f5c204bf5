/**
 * `qfi parse --json`: one object per file, shaped like kunit.py's summary of a run — the status,
 * kunit_parser's counts and every test case by its dotted path — so a script can compare it with
 * kunit's own reading of the same log.
 */
import { ktapCases, type KtapReport, type KtapStatus } from '../observe/ktap.js';

export interface KtapFileJson {
  file: string;
  status: KtapStatus;
  counts: { passed: number; failed: number; skipped: number; crashed: number; errors: number };
  tests: Array<{ name: string; status: KtapStatus; directive?: string }>;
  /** The parser's error messages, each naming the test and the line. */
  errors: string[];
  streams: Array<{ version: string; lines: string; plan: number | null; status: KtapStatus }>;
}

/** A file with no KTAP or TAP in it: kunit_parser's FAILURE_TO_PARSE_TESTS, one error. */
export const noKtapMessage = 'Could not find any KTAP output. Did any KUnit tests run?';

export function ktapFileJson(file: string, report: KtapReport | undefined): KtapFileJson {
  if (!report) {
    return { file, status: 'no-tests', counts: { passed: 0, failed: 0, skipped: 0, crashed: 0, errors: 1 }, tests: [], errors: [noKtapMessage], streams: [] };
  }
  const c = report.counts;
  return {
    file,
    status: report.status,
    counts: { passed: c.passed, failed: c.failed, skipped: c.skipped, crashed: c.crashed, errors: c.errors },
    tests: report.streams
      .flatMap((s) => ktapCases(s.tests))
      .flatMap(({ path, test }) => {
        // A placeholder for a run of missing results is one crashed test each, as kunit counts them.
        if (test.synthetic && test.counts.crashed > 1) {
          const first = test.number ?? 1;
          const of = /of (\d+)\)$/.exec(test.name)?.[1];
          return Array.from({ length: test.counts.crashed }, (_, i) => ({
            name: [...path.slice(0, -1), `(no result for test ${first + i}${of ? ` of ${of}` : ''})`].join('.'),
            status: test.status,
          }));
        }
        return [{ name: path.join('.'), status: test.status, ...(test.directive ? { directive: test.directive } : {}) }];
      }),
    errors: report.streams.flatMap((s) => s.errors),
    streams: report.streams.map((s) => ({ version: s.version, lines: `${s.firstLine}-${s.lastLine}`, plan: s.plan ?? null, status: s.status })),
  };
}
