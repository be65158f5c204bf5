import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TestRun } from '../core/types.js';
import { toJUnit } from './junit.js';
import { toSummaryJson } from './summary-json.js';
import { toSummaryMarkdown } from './summary-md.js';

export interface ReportFiles {
  junit: string;
  summaryJson: string;
  summaryMarkdown: string;
}

/** Where a run's (or a qtest run's) reports go in the results folder. */
export function reportFilesIn(dir: string): ReportFiles {
  return { junit: join(dir, 'junit.xml'), summaryJson: join(dir, 'summary.json'), summaryMarkdown: join(dir, 'summary.md') };
}

export function writeReports(run: TestRun, dir: string): ReportFiles {
  const files = reportFilesIn(dir);
  writeFileSync(files.junit, toJUnit(run));
  writeFileSync(files.summaryJson, toSummaryJson(run));
  writeFileSync(files.summaryMarkdown, toSummaryMarkdown(run));
  return files;
}
