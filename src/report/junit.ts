import type { TestRun } from '../core/types.js';
import { excerptBlocks, topFinding } from '../observe/findings.js';
import { flattenBlocks } from '../observe/summarize.js';
import { ktapSuites } from './junit-ktap.js';
import { renderJUnit, type JUnitCase, type JUnitSuite } from './junit-xml.js';
import { toReportText, toXmlText } from './xml-text.js';

/** The short log text a failure carries: problem blocks first, then the last lines. */
export function failureDetails(run: TestRun): string {
  const parts = [run.reason];
  const highlights = flattenBlocks(excerptBlocks(run.summary, run.ktap));
  if (highlights.length) parts.push('', '--- worst problems on the console ---', ...highlights);
  if (run.summary.tail.length) parts.push('', '--- last console lines ---', ...run.summary.tail);
  if (run.record.diagnostics?.registers) parts.push('', '--- registers at timeout ---', run.record.diagnostics.registers.trim());
  return toReportText(parts.join('\n'));
}

const seconds = (ms: number | undefined) => (ms === undefined ? 0 : Math.round(ms) / 1000);

/**
 * One testsuite per scenario with two testcases, `boot` and `command`, so a dashboard shows
 * whether the guest came up and what the test did. Properties carry what reproduces the run.
 * KTAP/TAP results from the console (KUnit, kselftest) follow as nested suites, one testcase
 * per test (junit-ktap.ts); the scenario suite's counts include them.
 */
export function toJUnit(run: TestRun): string {
  const properties: Array<[string, string]> = [];
  const prop = (name: string, value: string | number) => properties.push([name, toXmlText(String(value))]);
  prop('qfi.verdict', run.verdict);
  prop('qfi.reason', toReportText(run.reason));
  for (const rule of run.plan.canonicalRules) prop('qfi.rule', rule);
  prop('qfi.seed', run.plan.seed);
  prop('qfi.qemu.version', run.provisioned.qemuVersion);
  prop('qfi.qemu.origin', run.provisioned.qemuOrigin);
  prop('qfi.qemu.accel', run.provisioned.accel);
  for (const plugin of run.provisioned.plugins) prop(`qfi.plugin.${plugin.role}`, [plugin.so, ...plugin.args].join(' '));
  prop('qfi.kernel', run.provisioned.kernelDescription);
  const guest = run.provisioned.guest;
  if (guest) {
    prop('qfi.guest.kernel', `${guest.kernel.package} ${guest.kernel.version} (deb sha256 ${guest.kernel.debSha256}, ${guest.arch === 'x86_64' ? 'vmlinux' : 'Image'} sha256 ${guest.kernelSha256})`);
    prop('qfi.guest.busybox', `${guest.busybox.package} ${guest.busybox.version} (deb sha256 ${guest.busybox.debSha256})`);
    prop('qfi.guest.initramfs', `sha256 ${guest.initrdSha256}`);
    prop('qfi.guest.pin', guest.pin);
  }
  if (run.injections) {
    prop('qfi.injections', run.injections.total);
    for (const r of run.injections.perRule) prop(`qfi.injections.${r.id}`, `${r.fires} × ${r.rule}`);
    if (run.injections.unattributed) prop('qfi.injections.unattributed', run.injections.unattributed);
  }
  if (run.record.commandExitCode !== undefined) prop('qfi.exit_code', run.record.commandExitCode);
  if (run.record.timedOut) prop('qfi.timed_out', run.record.timedOut);
  const top = topFinding(run.record.events, run.ktap);
  if (top) prop('qfi.top_problem', `${top.kind} at ${top.where}: ${toReportText(top.text)}`);

  const booted = run.record.events.some((e) => e.kind === 'agent-ready');
  const started = run.record.events.some((e) => e.kind === 'test-start');
  const details = failureDetails(run);
  const reason = toReportText(run.reason);
  const classname = `qfi.${toXmlText(run.scenario)}`;

  const boot: JUnitCase = { name: 'boot', classname, time: seconds(run.record.bootMs) };
  if (!booted) {
    boot.result = run.verdict === 'infra-error' ? { kind: 'error', message: reason, type: run.verdict, text: details } : { kind: 'failure', message: reason, type: run.verdict, text: details };
  }
  const command: JUnitCase = { name: 'command', classname, time: seconds(run.record.testMs) };
  if (!started && !booted) command.result = { kind: 'skipped' };
  else if (run.verdict === 'infra-error') command.result = { kind: 'error', message: reason, type: run.verdict, text: details };
  else if (run.verdict !== 'pass') command.result = { kind: 'failure', message: reason, type: run.verdict, text: details };

  const suite: JUnitSuite = {
    name: toXmlText(run.scenario),
    timestamp: run.record.startedAt,
    time: seconds(run.record.wallMs),
    properties,
    cases: [boot, command],
    suites: run.ktap ? ktapSuites(run.ktap, classname) : [],
  };
  return renderJUnit('qfi', [suite]);
}
