import type { TestRun } from '../observe/types.js';
import type { Verdict } from '../core/verdict.js';
import { ktapSuites } from './junit-ktap.js';
import { renderJUnit, type JUnitCase, type JUnitResult, type JUnitSuite } from './junit-xml.js';
import { junitNames } from './junit-names.js';
import { failureReport, runFacts } from './run-facts.js';
import { toReportText, toXmlText } from './xml-text.js';

const seconds = (ms: number | undefined) => (ms === undefined ? 0 : Math.round(ms) / 1000);

/** A crash, a hang, a guest that never came up and broken infrastructure are errors (red); a failed test is a failure. */
export function resultKind(verdict: Verdict): 'failure' | 'error' {
  return verdict === 'fail' ? 'failure' : 'error';
}

/** What reproduces and explains the run, as suite properties (kept for tools that read them; no publisher shows them). */
function properties(run: TestRun): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  const prop = (name: string, value: string | number) => out.push([name, toXmlText(String(value))]);
  prop('qfi.verdict', run.verdict);
  prop('qfi.reason', toReportText(run.reason));
  for (const rule of run.plan.canonicalRules) prop('qfi.rule', rule);
  prop('qfi.seed', run.plan.seed);
  prop('qfi.reproducer', run.plan.reproducer);
  prop('qfi.qemu.version', run.provisioned.qemuVersion);
  prop('qfi.qemu.origin', run.provisioned.qemuOrigin);
  prop('qfi.qemu.accel', run.provisioned.accel);
  for (const plugin of run.provisioned.plugins) prop(`qfi.plugin.${plugin.role}`, [plugin.so, ...plugin.args].join(' '));
  prop('qfi.kernel', run.provisioned.kernelDescription);
  const guest = run.provisioned.guest;
  if (guest) {
    prop(
      'qfi.guest.kernel',
      `${guest.kernel.package} ${guest.kernel.version} (deb sha256 ${guest.kernel.debSha256}, ${guest.arch === 'x86_64' ? 'vmlinux' : 'Image'} sha256 ${guest.kernelSha256})`,
    );
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
  return out;
}

/**
 * Flat suites, as publishers read them: the scenario's suite with two testcases, `boot` (did
 * the guest come up) and `command` (what the test did) — or, for a campaign's scenario
 * (`scenarioCase`), one testcase for the scenario — then one suite per KTAP suite. Each
 * case points at the config line it is about (the command's; the first rule's for boot), and
 * a failing one carries the seed, the rules, what fired and the reproducer in its message and
 * in <system-out>, since no publisher shows <properties>.
 */
export function toJUnit(run: TestRun, opts: { scenarioCase?: boolean } = {}): string {
  const names = junitNames(run.scenario);
  const sources = run.plan.sources;
  const at = (ref: { file: string; line: number } | undefined) => (ref ? { file: ref.file, line: ref.line } : {});
  const commandAt = at(sources.command ?? sources.main);
  const firstRule = run.plan.canonicalRules.map((r) => sources.rules[r]).find((r) => r !== undefined);
  const bootAt = at(firstRule ?? sources.main);

  const facts = runFacts(run);
  const failed: JUnitResult | undefined = run.verdict === 'pass' ? undefined : { kind: resultKind(run.verdict), type: run.verdict, ...failureReport(run) };
  const booted = guestCameUp(run);
  const started = run.record.events.some((e) => e.kind === 'test-start');

  const boot: JUnitCase = { name: names.caseName('boot'), classname: names.classname, time: seconds(run.record.bootMs), ...bootAt, systemOut: facts };
  if (!booted && failed) boot.result = failed;
  const command: JUnitCase = { name: names.caseName('command'), classname: names.classname, time: seconds(run.record.testMs), ...commandAt, systemOut: facts };
  if (!booted && !started) command.result = { kind: 'skipped', message: 'the guest never came up, so the command never ran' };
  else if (failed) command.result = failed;

  // In a campaign a scenario is one test: its id is the name (a recheck runs under the id it
  // rechecks, so mikepenz reads it as a retry), pointing at the rule's line.
  const scenario: JUnitCase = {
    name: run.scenario,
    classname: names.classname,
    time: seconds(run.record.wallMs),
    ...(firstRule ? at(firstRule) : commandAt),
    systemOut: facts,
    ...(failed ? { result: failed } : {}),
  };
  const suite: JUnitSuite = {
    name: names.suite,
    timestamp: run.record.startedAt,
    time: seconds(run.record.wallMs),
    properties: properties(run),
    cases: opts.scenarioCase ? [scenario] : [boot, command],
  };
  const ktap = run.ktap
    ? ktapSuites(run.ktap, {
        scenario: run.scenario,
        location: (stream) => ktapCaseLocation(run, stream.source),
      })
    : [];
  return renderJUnit('qfi', [suite, ...ktap]);
}

/** Where a run's KTAP cases point: the command's line for the console, the results-file line for a results file. */
export function ktapCaseLocation(run: TestRun, source: string): { file?: string; line?: number } {
  const sources = run.plan.sources;
  const ref = (source === 'console' ? sources.command : (sources.resultsFile ?? sources.command)) ?? sources.main;
  return ref ? { file: ref.file, line: ref.line } : {};
}

/**
 * Whether the boot testcase passes. With qfi's agent its ready marker says so; a guest without
 * it (a custom kernel, qemu-guest-agent) came up unless the run ended in a boot timeout or
 * QEMU never ran it: a passing KUnit kernel's boot is not a failure.
 */
function guestCameUp(run: TestRun): boolean {
  if (run.record.events.some((e) => e.kind === 'agent-ready')) return true;
  if (run.plan.agent === 'qfi') return false;
  if (run.verdict === 'boot-timeout') return false;
  return run.record.consoleLines > 0 || run.verdict === 'pass';
}
