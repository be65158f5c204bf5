/**
 * A qtest run's reports: junit.xml (a suite per script, a testcase per section: a mismatch is a
 * failure with the command, expected and actual values, QEMU dying is an error), summary.json
 * and summary.md, in the results folder like a run's.
 */
import { basename } from 'node:path';
import type { Verdict } from '../core/verdict.js';
import { workspaceRelative } from '../config/report-sources.js';
import { renderJUnit, type JUnitCase, type JUnitSuite } from '../report/junit-xml.js';
import { boundMarkdown, maxSummaryBytes } from '../report/summary-md.js';
import { reportFilesIn, type ReportFiles } from '../report/write-reports.js';
import type { ScriptResult, SectionResult } from './run-qtest.js';
import { writeResultFile } from '../core/log-file.js';

export interface QtestOutcome {
  name: string;
  verdict: Verdict;
  reason: string;
  scripts: ScriptResult[];
  qemu: { binary: string; version: string; origin: string };
  machineType: string;
}

/** pass: every section held; fail: a mismatch; panic: QEMU crashed (a device model bug); infra-error: it never answered. */
export function qtestVerdict(scripts: ScriptResult[]): { verdict: Verdict; reason: string } {
  const sections = scripts.flatMap((s) => s.sections.map((section) => ({ script: s, section })));
  const crashed = scripts.find((s) => s.crash !== undefined && s.sections.some((x) => x.stepsRun > 0));
  if (crashed) return { verdict: 'panic', reason: `${crashed.script.name}: ${crashed.crash}` };
  const error = sections.find((x) => x.section.status === 'error');
  if (error) return { verdict: 'infra-error', reason: `${error.script.script.name} [${error.section.name}]: ${error.section.error}` };
  const failed = sections.filter((x) => x.section.status === 'fail');
  if (failed.length > 0) {
    const first = failed[0]!;
    const f = first.section.failure!;
    return {
      verdict: 'fail',
      reason: `${failed.length} of ${sections.length} qtest section${sections.length === 1 ? '' : 's'} failed; first: ${first.script.script.name} [${first.section.name}] line ${f.line} \`${f.source}\` answered \`${f.actual}\``,
    };
  }
  return {
    verdict: 'pass',
    reason: `${sections.length} qtest section${sections.length === 1 ? '' : 's'} in ${scripts.length} script${scripts.length === 1 ? '' : 's'} passed`,
  };
}

/** Suite and classname alike (dorny adds no group level), with a space (mikepenz takes no dotted part of it for a file). */
const qtestSuiteName = (script: ScriptResult) => `qtest ${script.script.name}`;

function sectionCase(script: ScriptResult, section: SectionResult): JUnitCase {
  const file = workspaceRelative(script.script.file, { cwd: process.cwd(), env: process.env });
  const tc: JUnitCase = {
    name: `${script.script.name}: ${section.name}`,
    classname: qtestSuiteName(script),
    time: section.durationMs / 1000,
    ...(file ? { file, line: section.failure?.line ?? section.line } : {}),
  };
  const where = `${basename(script.script.file)}:${section.failure?.line ?? section.line}`;
  if (section.status === 'fail' && section.failure) {
    const f = section.failure;
    tc.result = { kind: 'failure', type: 'qtest-mismatch', message: `${f.source}: answered ${f.actual}`, text: `${where}: ${f.source}\n${f.diff}` };
  } else if (section.status === 'error') {
    tc.result = {
      kind: 'error',
      type: script.crash && section.stepsRun > 0 ? 'qemu-crash' : 'qemu',
      message: section.error ?? 'error',
      text: `${where}\n${section.error ?? ''}${script.crash ? `\nQEMU's stderr: ${script.files.stderr}` : ''}`,
    };
  }
  return tc;
}

export function toQtestJUnit(outcome: QtestOutcome): string {
  const suites: JUnitSuite[] = outcome.scripts.map((s) => ({
    name: qtestSuiteName(s),
    time: s.sections.reduce((t, x) => t + x.durationMs, 0) / 1000,
    properties: [
      ['qfi.qtest.script', s.script.file],
      ['qfi.qtest.machine', outcome.machineType],
      ['qfi.qemu', `${outcome.qemu.version} (${outcome.qemu.origin}) ${outcome.qemu.binary}`],
      ...(s.crash ? [['qfi.qemu.crash', s.crash] as [string, string]] : []),
    ],
    cases: s.sections.map((section) => sectionCase(s, section)),
  }));
  return renderJUnit(outcome.name, suites);
}

export function toQtestSummaryJson(outcome: QtestOutcome): string {
  return `${JSON.stringify(
    {
      schema: 1,
      mode: 'qtest',
      name: outcome.name,
      verdict: outcome.verdict,
      reason: outcome.reason,
      machine: outcome.machineType,
      qemu: outcome.qemu,
      scripts: outcome.scripts.map((s) => ({
        file: s.script.file,
        name: s.script.name,
        qemuExit: s.qemuExit,
        crash: s.crash ?? null,
        files: { qtestLog: basename(s.files.qtestLog), stderr: basename(s.files.stderr) },
        sections: s.sections.map((x) => ({
          name: x.name,
          line: x.line,
          status: x.status,
          durationMs: x.durationMs,
          stepsRun: x.stepsRun,
          steps: x.steps,
          failure: x.failure ?? null,
          error: x.error ?? null,
        })),
        hostFaults: s.hostFaults ?? null,
      })),
    },
    null,
    2,
  )}\n`;
}

export function toQtestMarkdown(outcome: QtestOutcome): string {
  const icon: Record<SectionResult['status'], string> = { pass: '✅', fail: '❌', error: '💥' };
  const out = [
    `## qfi qtest ${outcome.name}: ${outcome.verdict}`,
    '',
    outcome.reason,
    '',
    `QEMU ${outcome.qemu.version} (${outcome.qemu.origin}), machine \`${outcome.machineType}\`.`,
    '',
  ];
  for (const s of outcome.scripts) {
    out.push(`### ${s.script.name}`, '', '| section | result | steps | time |', '|---|---|---|---|');
    for (const x of s.sections)
      out.push(`| ${x.name.replaceAll('|', '\\|')} | ${icon[x.status]} ${x.status} | ${x.stepsRun}/${x.steps} | ${(x.durationMs / 1000).toFixed(3)} s |`);
    for (const x of s.sections.filter((y) => y.failure || y.error)) {
      out.push(
        '',
        `**${x.name}**${x.failure ? ` line ${x.failure.line}: \`${x.failure.source}\`` : ''}`,
        '',
        '```',
        x.failure ? x.failure.diff : (x.error ?? ''),
        '```',
      );
    }
    out.push('');
  }
  return boundMarkdown(`${out.join('\n')}\n`, maxSummaryBytes);
}

export function writeQtestReports(outcome: QtestOutcome, dir: string): ReportFiles {
  const files = reportFilesIn(dir);
  writeResultFile(files.junit, toQtestJUnit(outcome));
  writeResultFile(files.summaryJson, toQtestSummaryJson(outcome));
  writeResultFile(files.summaryMarkdown, toQtestMarkdown(outcome));
  return files;
}
