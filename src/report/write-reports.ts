import { basename, join } from 'node:path';
import type { TestRun } from '../observe/types.js';
import { toJUnit } from './junit.js';
import { toSummaryJson } from './summary-json.js';
import { toSummaryMarkdown } from './summary-md.js';
import { REPORT_FILES } from '../core/results-layout.js';
import { writeResultFile } from '../core/log-file.js';

/**
 * The one JUnit file a job publishes is always `junit.xml`; a part of a bigger result (a
 * campaign's scenario, probe or golden run, one shard of a campaign) is named so that the
 * usual glob for every junit.xml below a folder does not count it again next to the whole.
 */
export const JUNIT_FILE = REPORT_FILES.junit;
export const PART_JUNIT_FILE = REPORT_FILES.partJunit;

export interface ReportFiles {
  junit: string;
  summaryJson: string;
  summaryMarkdown: string;
}

/** Where a run's (or a qtest run's) reports go in the results folder. */
export function reportFilesIn(dir: string, opts: { part?: boolean } = {}): ReportFiles {
  return {
    junit: join(dir, opts.part ? PART_JUNIT_FILE : JUNIT_FILE),
    summaryJson: join(dir, REPORT_FILES.summaryJson),
    summaryMarkdown: join(dir, REPORT_FILES.summaryMarkdown),
  };
}

/** `part`: the run is one of a campaign's (its JUnit is PART_JUNIT_FILE). */
export function writeReports(run: TestRun, dir: string, opts: { part?: boolean } = {}): ReportFiles {
  const files = reportFilesIn(dir, opts);
  writeResultFile(files.junit, toJUnit(run, { scenarioCase: opts.part === true }));
  writeResultFile(files.summaryJson, toSummaryJson(run, basename(files.junit)));
  writeResultFile(files.summaryMarkdown, toSummaryMarkdown(run));
  return files;
}
