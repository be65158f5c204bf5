import junitModule, { type Builder } from 'junit-report-builder';
import type { TestRun } from '../core/types.js';
import { toReportText, toXmlText } from './xml-text.js';

// The package is CommonJS with `module.exports = builder` but types it as a default export;
// at run time (Node and the bundle) the default import is the builder itself.
const junitBuilder = junitModule as unknown as Builder;

/** The short log text a failure carries: problem blocks first, then the last lines. */
export function failureDetails(run: TestRun): string {
  const parts = [run.reason];
  if (run.summary.highlights.length) parts.push('', '--- first problems on the console ---', ...run.summary.highlights);
  if (run.summary.tail.length) parts.push('', '--- last console lines ---', ...run.summary.tail);
  if (run.record.diagnostics?.registers) parts.push('', '--- registers at timeout ---', run.record.diagnostics.registers.trim());
  return toReportText(parts.join('\n'));
}

const seconds = (ms: number | undefined) => (ms === undefined ? 0 : Math.round(ms) / 1000);

/**
 * One testsuite per scenario with two testcases, `boot` and `command`, so a dashboard shows
 * whether the guest came up and what the test did. Properties carry what reproduces the run.
 */
export function toJUnit(run: TestRun): string {
  const builder = junitBuilder.newBuilder().name('qfi');
  const suite = builder
    .testSuite()
    .name(toXmlText(run.scenario))
    .timestamp(run.record.startedAt)
    .time(seconds(run.record.wallMs));

  const prop = (name: string, value: string | number) => suite.property(name, toXmlText(String(value)));
  prop('qfi.verdict', run.verdict);
  prop('qfi.reason', toReportText(run.reason));
  for (const rule of run.plan.canonicalRules) prop('qfi.rule', rule);
  prop('qfi.seed', run.plan.seed);
  prop('qfi.qemu.version', run.provisioned.qemuVersion);
  prop('qfi.qemu.origin', run.provisioned.qemuOrigin);
  prop('qfi.qemu.accel', run.provisioned.accel);
  for (const plugin of run.provisioned.plugins) prop(`qfi.plugin.${plugin.role}`, [plugin.so, ...plugin.args].join(' '));
  prop('qfi.kernel', run.provisioned.kernelDescription);
  if (run.injections) {
    prop('qfi.injections', run.injections.total);
    for (const r of run.injections.perRule) prop(`qfi.injections.${r.id}`, `${r.fires} × ${r.rule}`);
    if (run.injections.unattributed) prop('qfi.injections.unattributed', run.injections.unattributed);
  }
  if (run.record.commandExitCode !== undefined) prop('qfi.exit_code', run.record.commandExitCode);
  if (run.record.timedOut) prop('qfi.timed_out', run.record.timedOut);

  const booted = run.record.events.some((e) => e.kind === 'agent-ready');
  const started = run.record.events.some((e) => e.kind === 'test-start');
  const details = failureDetails(run);

  const boot = suite.testCase().className(`qfi.${toXmlText(run.scenario)}`).name('boot').time(seconds(run.record.bootMs));
  if (!booted) {
    if (run.verdict === 'infra-error') boot.error(toReportText(run.reason), run.verdict, details);
    else boot.failure(toReportText(run.reason), run.verdict).stacktrace(details);
  }

  const command = suite
    .testCase()
    .className(`qfi.${toXmlText(run.scenario)}`)
    .name('command')
    .time(seconds(run.record.testMs));
  if (!started && !booted) command.skipped();
  else if (run.verdict === 'infra-error') command.error(toReportText(run.reason), run.verdict, details);
  else if (run.verdict !== 'pass') command.failure(toReportText(run.reason), run.verdict).stacktrace(details);

  return dropRootSkipped(builder.build());
}

/**
 * junit-report-builder writes `skipped` on <testsuites>, which the JUnit 10 schema (Surefire's)
 * does not allow there; per-suite `skipped` stays.
 */
function dropRootSkipped(xml: string): string {
  return xml.replace(/<testsuites\b[^>]*>/, (root) => root.replace(/ skipped="\d+"/, ''));
}
