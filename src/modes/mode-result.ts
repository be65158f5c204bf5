/**
 * One result shape for every mode (kunit style: whatever ran, one verdict and where its files
 * are). Adapters only map a ModeResult to outputs, annotations, a job summary and an exit code.
 */
import type { ActionMode } from '../config/inputs.js';
import type { SourceRef } from '../config/report-sources.js';
import type { ResolvedConfig } from '../config/types.js';
import type { Verdict } from '../core/verdict.js';
import type { TestRun } from '../observe/types.js';

/** The action's modes and the CLI's commands that run something. */
export type ModeName = ActionMode | 'reproduce';

export interface ModeResult {
  readonly mode: ModeName;
  /** What ran, as messages name it: the scenario, `qtest NAME`, `campaign NAME`, `plan NAME`. */
  readonly title: string;
  readonly verdict: Verdict;
  /** One sentence: why this verdict. */
  readonly reason: string;
  /** Whether a verdict other than pass fails the step (fail-on-verdict; a plan's probe always does). */
  readonly failOnVerdict: boolean;
  readonly config: ResolvedConfig;
  readonly resultsDir: string;
  /** The JUnit file to publish; undefined for a plan. */
  readonly junit: string | undefined;
  /** The mode's summary.md (`--summarize-log` prints it); undefined for a plan. */
  readonly summaryFile: string | undefined;
  /** The job summary's Markdown. */
  readonly summaryMarkdown: string;
  /** What the CLI prints on stdout, line by line. */
  readonly lines: readonly string[];
  /** Why the step fails beside its verdict (a plan whose probe run did not pass). */
  readonly problem: string | undefined;
  /** Where a verdict annotation points (the rules or the command in the user's files). */
  readonly at: SourceRef | undefined;
  /** Mode run: the scenario's run (its unused rules get annotations). */
  readonly run?: TestRun;
  /** Mode plan: what a workflow's matrix job needs. */
  readonly campaignPlan?: { readonly matrix: string; readonly planFile: string; readonly scenarios: number };
}
