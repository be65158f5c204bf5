#!/usr/bin/env node
import { createRequire as __qfiCreateRequire } from 'node:module'; const require = __qfiCreateRequire(import.meta.url);
import {
  ExitCode,
  INPUTS,
  UsageError,
  exitCodeForError,
  formatError,
  localCacheDir,
  runPipeline
} from "./chunks/chunk-5MBMROLK.js";

// src/adapters/cli/run-cli.ts
import { relative } from "node:path";

// src/adapters/cli/parse-args.ts
import { parseArgs } from "node:util";
var cliOnly = {
  fault: { type: "string", multiple: true },
  quiet: { type: "boolean", short: "q" },
  help: { type: "boolean", short: "h" },
  version: { type: "boolean" }
};
function optionsFromInputs() {
  const options = { ...cliOnly };
  for (const input of INPUTS) options[input.name] = { type: "string", ...input.type === "lines" ? { multiple: true } : {} };
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
  if (command !== "run") throw new UsageError(`unknown command "${command}"`, { hint: "the commands are: qfi run, qfi help" });
  if (rest.length) throw new UsageError(`unexpected argument "${rest[0]}"`, { hint: "flags take the form --name value; quote a value with spaces" });
  const inputs = {};
  for (const input of INPUTS) {
    const value = values[input.name];
    if (value !== void 0) inputs[input.name] = value;
  }
  const faultFlags = values.fault;
  if (faultFlags?.length) inputs.faults = [...inputs.faults ?? [], ...faultFlags];
  return { kind: "run", inputs, quiet: values.quiet === true };
}
function helpText() {
  const width = Math.max(...INPUTS.map((i) => i.name.length)) + 2;
  const rows = INPUTS.map((i) => `  --${i.name.padEnd(width)}${i.description}${i.default ? ` [default: ${i.default}]` : ""}`);
  return [
    "qfi \u2014 QEMU fault-injection runner",
    "",
    "Usage: qfi run [flags]",
    "",
    "Boots a guest with fault rules, runs the test command, and writes a verdict, junit.xml,",
    "console.log and a reproducer to the results folder.",
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
    const { config, run, reports } = await runPipeline(
      { inputs: command.inputs, cwd: process.cwd(), signal: controller.signal, echoConsole: !command.quiet },
      host
    );
    const r = run.record;
    const times = [r.bootMs !== void 0 ? `boot ${(r.bootMs / 1e3).toFixed(2)} s` : "", r.testMs !== void 0 ? `test ${(r.testMs / 1e3).toFixed(2)} s` : "", `wall ${(r.wallMs / 1e3).toFixed(2)} s`].filter(Boolean).join(", ");
    const dir = relative(process.cwd(), config.report.dir) || ".";
    process.stdout.write(`qfi: ${run.verdict} \u2014 ${run.reason} (${times})
`);
    process.stdout.write(`results: ${dir}/ \u2014 ${relative(config.report.dir, reports.junit)}, console.log, summary.md, reproducer.sh
`);
    if (interruptedBy) return signalExit[interruptedBy] ?? ExitCode.infra;
    return exitCodeForVerdict(run.verdict, config.report.failOnVerdict);
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

// src/core/version.ts
var qfiVersion = true ? "0.1.0" : "0.0.0-dev";

// src/entry/cli.ts
process.exitCode = await runCli(process.argv.slice(2), qfiVersion);
