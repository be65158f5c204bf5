#!/usr/bin/env node
import { createRequire as __qfiCreateRequire } from 'node:module'; const require = __qfiCreateRequire(import.meta.url);
import {
  ExitCode,
  INPUTS,
  UsageError,
  exitCodeForError,
  formatError,
  localCacheDir,
  mergeCampaigns,
  planCampaign,
  runCampaign,
  runPipeline,
  runQtestPipeline
} from "./chunks/chunk-N3IJ6XJV.js";

// src/adapters/cli/run-cli.ts
import { relative } from "node:path";

// src/adapters/cli/parse-args.ts
import { parseArgs } from "node:util";
var COMMANDS = ["run", "plan", "campaign", "merge", "qtest"];
var cliOnly = {
  fault: { type: "string", multiple: true },
  quiet: { type: "boolean", short: "q" },
  help: { type: "boolean", short: "h" },
  version: { type: "boolean" }
};
function optionsFromInputs() {
  const options = { ...cliOnly };
  for (const input of INPUTS) {
    if ("cli" in input && input.cli === false) continue;
    options[input.name] = { type: "string", ...input.type === "lines" ? { multiple: true } : {} };
  }
  return options;
}
function parseCliArgs(argv) {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: optionsFromInputs(), allowPositionals: true, strict: true });
  } catch (err) {
    throw new UsageError(err.message.replace(/\. To specify a positional argument.*$/s, ""), {
      hint: "run `qfi --help` for the flags; every action input is a flag of the same name"
    });
  }
  const { values, positionals } = parsed;
  if (values.version) return { kind: "version" };
  if (values.help || positionals[0] === "help") return { kind: "help" };
  const [command, ...rest] = positionals;
  if (command === void 0) return { kind: "help" };
  if (!COMMANDS.includes(command)) throw new UsageError(`unknown command "${command}"`, { hint: "the commands are: qfi run, qfi plan, qfi campaign, qfi merge DIR\u2026, qfi qtest SCRIPT\u2026, qfi help" });
  const kind = command;
  if (rest.length && kind !== "merge" && kind !== "qtest") throw new UsageError(`unexpected argument "${rest[0]}"`, { hint: "flags take the form --name value; quote a value with spaces" });
  const inputs = {};
  for (const input of INPUTS) {
    const value = values[input.name];
    if (value !== void 0) inputs[input.name] = value;
  }
  const faultFlags = values.fault;
  if (faultFlags?.length) inputs.faults = [...inputs.faults ?? [], ...faultFlags];
  if (kind === "merge") inputs["merge-from"] = rest;
  if (kind === "qtest" && rest.length) inputs["qtest-script"] = [...inputs["qtest-script"] ?? [], ...rest];
  return { kind, inputs, quiet: values.quiet === true };
}
function helpText() {
  const width = Math.max(...INPUTS.map((i) => i.name.length)) + 2;
  const rows = INPUTS.filter((i) => !("cli" in i && i.cli === false)).map((i) => `  --${i.name.padEnd(width)}${i.description}${i.default ? ` [default: ${i.default}]` : ""}`);
  return [
    "qfi \u2014 QEMU fault-injection runner",
    "",
    "Usage: qfi run [flags]          one scenario: boot, test, verdict",
    "       qfi plan [flags]         plan a campaign: plan.json, and the matrix JSON on stdout",
    "       qfi campaign [flags]     run a campaign (all scenarios, --shard i/N, or --scenario ID)",
    "       qfi merge DIR\u2026 [flags]   merge campaign results (campaign.json under each DIR)",
    "       qfi qtest SCRIPT\u2026 [flags] run qtest scripts against a machine, no guest (QEMU's qtest protocol)",
    "",
    "qfi run boots a guest with fault rules, runs the test command, and writes a verdict, junit.xml,",
    "console.log and a reproducer to the results folder. A campaign runs many such scenarios",
    "(one per point and action, per call of a point, or repeated chaos trials) and writes one",
    "junit.xml, campaign.json and summary.md over all of them. A snapshot campaign (--campaign",
    "snapshot) boots once, saves the state, and runs every trial from it with one bit flipped.",
    "",
    "Flags (each is also an action input and a qfi.toml key):",
    ...rows,
    `  --${"fault".padEnd(width)}One fault rule (point=action); repeatable. Same as a line of --faults.`,
    `  --${"quiet".padEnd(width)}Do not echo the guest console.`,
    "",
    "Exit codes: 0 pass, 1 test failed (fail, panic, hang, boot-timeout), 2 usage or config error, 3 infrastructure error."
  ].join("\n");
}

// src/adapters/cli/local-host.ts
function stderrLogger(debug = process.env.QFI_DEBUG === "1") {
  const write = (line) => process.stderr.write(`${line}
`);
  return {
    info: (m) => write(m),
    warn: (m) => write(`warning: ${m}`),
    error: (m) => write(`error: ${m}`),
    debug: (m) => {
      if (debug) write(`debug: ${m}`);
    },
    async group(title, fn) {
      write(`\u2500\u2500 ${title}`);
      const start = Date.now();
      try {
        return await fn();
      } finally {
        write(`\u2500\u2500 ${title}: ${((Date.now() - start) / 1e3).toFixed(1)} s`);
      }
    }
  };
}
function localHost() {
  return { log: stderrLogger(), cacheDir: localCacheDir() };
}

// src/adapters/cli/run-cli.ts
function exitCodeForVerdict(verdict, failOnVerdict) {
  if (verdict === "pass") return ExitCode.pass;
  if (verdict === "infra-error") return ExitCode.infra;
  return failOnVerdict ? ExitCode.testFailed : ExitCode.pass;
}
var signalExit = { SIGINT: 130, SIGTERM: 143 };
async function runCli(argv, version) {
  let command;
  try {
    command = parseCliArgs(argv);
  } catch (err) {
    process.stderr.write(`${formatError(err)}
`);
    return exitCodeForError(err);
  }
  if (command.kind === "help") {
    process.stdout.write(`${helpText()}
`);
    return ExitCode.pass;
  }
  if (command.kind === "version") {
    process.stdout.write(`qfi ${version}
`);
    return ExitCode.pass;
  }
  const controller = new AbortController();
  let interruptedBy;
  const onSignal = (signal) => {
    if (interruptedBy) process.exit(signalExit[signal] ?? ExitCode.infra);
    interruptedBy = signal;
    process.stderr.write(`qfi: ${signal} received, stopping QEMU\u2026
`);
    controller.abort(signal);
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  const host = localHost();
  try {
    const options = { inputs: command.inputs, cwd: process.cwd(), signal: controller.signal };
    let code;
    if (command.kind === "run") code = await runOne({ ...options, echoConsole: !command.quiet }, host);
    else if (command.kind === "plan") code = await planOnly(options, host);
    else if (command.kind === "qtest") code = await qtestOnly(options, host);
    else code = await campaignOrMerge(command.kind, options, host);
    if (interruptedBy) return signalExit[interruptedBy] ?? ExitCode.infra;
    return code;
  } catch (err) {
    process.stderr.write(`${formatError(err)}
`);
    if (process.env.QFI_DEBUG === "1" && err instanceof Error && err.stack) process.stderr.write(`${err.stack}
`);
    return exitCodeForError(err);
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  }
}
async function runOne(options, host) {
  const { config, run, reports } = await runPipeline(options, host);
  const r = run.record;
  const times = [r.bootMs !== void 0 ? `boot ${(r.bootMs / 1e3).toFixed(2)} s` : "", r.testMs !== void 0 ? `test ${(r.testMs / 1e3).toFixed(2)} s` : "", `wall ${(r.wallMs / 1e3).toFixed(2)} s`].filter(Boolean).join(", ");
  const dir = relative(process.cwd(), config.report.dir) || ".";
  process.stdout.write(`qfi: ${run.verdict} \u2014 ${run.reason} (${times})
`);
  process.stdout.write(`results: ${dir}/ \u2014 ${relative(config.report.dir, reports.junit)}, console.log, summary.md, reproducer.sh
`);
  return exitCodeForVerdict(run.verdict, config.report.failOnVerdict);
}
async function planOnly(options, host) {
  const { plan, matrix } = await planCampaign(options, host);
  process.stdout.write(`${JSON.stringify(matrix)}
`);
  if (plan.probe && plan.probe.verdict !== "pass") {
    process.stderr.write(`qfi: the probe run without faults did not pass (${plan.probe.verdict}: ${plan.probe.reason}); make the test pass without faults first
`);
    return exitCodeForVerdict(plan.probe.verdict, true);
  }
  return ExitCode.pass;
}
async function qtestOnly(options, host) {
  const { config, outcome, reports } = await runQtestPipeline(options, host);
  const dir = relative(process.cwd(), config.report.dir) || ".";
  process.stdout.write(`qfi qtest: ${outcome.verdict} \u2014 ${outcome.reason}
`);
  process.stdout.write(`results: ${dir}/ \u2014 ${relative(config.report.dir, reports.junit)}, summary.md, qtest-*.log
`);
  return exitCodeForVerdict(outcome.verdict, config.report.failOnVerdict);
}
async function campaignOrMerge(kind, options, host) {
  const { config, report, files } = kind === "campaign" ? await runCampaign(options, host) : await mergeCampaigns(options, host);
  const dir = relative(process.cwd(), config.report.dir) || ".";
  process.stdout.write(`qfi ${kind}: ${report.verdict} \u2014 ${report.reason}
`);
  process.stdout.write(`results: ${dir}/ \u2014 ${relative(config.report.dir, files.junit)}, campaign.json, summary.md, scenarios/
`);
  return exitCodeForVerdict(report.verdict, config.report.failOnVerdict);
}

// src/core/version.ts
var qfiVersion = true ? "0.1.0" : "0.0.0-dev";

// src/entry/cli.ts
process.exitCode = await runCli(process.argv.slice(2), qfiVersion);
