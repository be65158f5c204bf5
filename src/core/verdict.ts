/** The verdicts a run can end with, shared by every stage that judges or reports one. */

export type Verdict = 'pass' | 'fail' | 'panic' | 'hang' | 'boot-timeout' | 'infra-error';

/** Priority when several apply (kunit style): a crash beats a failure beats a pass. */
export const verdictSeverity: Record<Verdict, number> = {
  pass: 0,
  fail: 1,
  hang: 2,
  'boot-timeout': 3,
  panic: 4,
  'infra-error': 5,
};
