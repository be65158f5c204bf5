import * as core from '@actions/core';
import type { SourceRef } from '../../config/report-sources.js';
import type { TestRun } from '../../observe/types.js';
import { unusedRuleWarning } from '../../observe/rule-use.js';

/**
 * GitHub shows at most 10 annotations of each level per step (and 50 per job): a run makes at
 * most one error (its verdict, at the command's line) and up to 9 warnings (rules nothing
 * consulted, at their lines); past that, one warning says how many more the summary lists.
 */
export const MAX_ANNOTATIONS_PER_LEVEL = 10;

const where = (ref: SourceRef | undefined): core.AnnotationProperties => (ref ? { file: ref.file, startLine: ref.line } : {});

/** The step's error for a verdict that is not a pass, placed on the config line it is about. */
export function verdictAnnotation(message: string, at: SourceRef | undefined, level: 'error' | 'warning'): void {
  const props = { title: 'qfi', ...where(at) };
  if (level === 'error') {
    core.error(message, props);
    process.exitCode = core.ExitCode.Failure;
  } else core.warning(message, props);
}

/** Warnings for rules that tested nothing, within GitHub's limit (one warning is left for the verdict). */
export function unusedRuleAnnotations(run: TestRun): void {
  const unused = run.ruleUse.filter((u) => !u.consulted);
  const room = MAX_ANNOTATIONS_PER_LEVEL - 1;
  const shown = unused.length > room ? unused.slice(0, room - 1) : unused;
  for (const u of shown)
    core.warning(unusedRuleWarning(u, run.plan.requireFired), { title: 'qfi: rule never consulted', ...where(run.plan.sources.rules[u.rule]) });
  if (shown.length < unused.length)
    core.warning(`${unused.length - shown.length} more rules were never consulted: the job summary lists them all (GitHub shows 10 warnings per step)`);
}
