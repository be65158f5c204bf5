#!/usr/bin/env node
import { createRequire as __qfiCreateRequire } from 'node:module'; const require = __qfiCreateRequire(import.meta.url);
import {
  ACTION_MODES,
  ExitCode,
  INPUTS,
  InfraError,
  QEMU_ARGS_SEPARATOR,
  REPORT_FILES,
  RESULTS_FILES,
  UsageError,
  exitCodeForError,
  formatError,
  ktapCases,
  ktapSuites,
  parseKtap,
  printable,
  qfiVersion,
  readKtapFile,
  renderJUnit,
  runMode,
  totalTests
} from "./chunks/chunk-CYKCR4M4.js";
import {
  localCacheDir
} from "./chunks/chunk-2XPRQUFT.js";
import "./chunks/chunk-E3KAXV6J.js";

// src/adapters/cli/run-cli.ts
import { readFileSync as readFileSync3 } from "node:fs";

// src/parse/parse-logs.ts
import { existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join, relative, resolve } from "node:path";

// src/report/ktap-json.ts
var noKtapMessage = "Could not find any KTAP output. Did any KUnit tests run?";
function ktapFileJson(file, report) {
  if (!report) {
    return { file, status: "no-tests", counts: { passed: 0, failed: 0, skipped: 0, crashed: 0, errors: 1 }, tests: [], errors: [noKtapMessage], streams: [] };
  }
  const c = report.counts;
  return {
    file,
    status: report.status,
    counts: { passed: c.passed, failed: c.failed, skipped: c.skipped, crashed: c.crashed, errors: c.errors },
    tests: report.streams.flatMap((s) => ktapCases(s.tests)).flatMap(({ path, test }) => {
      if (test.synthetic && test.counts.crashed > 1) {
        const first = test.number ?? 1;
        const of = /of (\d+)\)$/.exec(test.name)?.[1];
        return Array.from({ length: test.counts.crashed }, (_, i) => ({
          name: [...path.slice(0, -1), `(no result for test ${first + i}${of ? ` of ${of}` : ""})`].join("."),
          status: test.status
        }));
      }
      return [{ name: path.join("."), status: test.status, ...test.directive ? { directive: test.directive } : {} }];
    }),
    errors: report.streams.flatMap((s) => s.errors),
    streams: report.streams.map((s) => ({ version: s.version, lines: `${s.firstLine}-${s.lastLine}`, plan: s.plan ?? null, status: s.status }))
  };
}

// src/report/ktap-tree.ts
var label = { pass: "[PASSED]", fail: "[FAILED]", skip: "[SKIPPED]", crash: "[CRASHED]", "no-tests": "[NO TESTS RUN]" };
function countsLine(c) {
  const total = totalTests(c);
  const parts = [
    ["passed", c.passed],
    ["failed", c.failed],
    ["crashed", c.crashed],
    ["skipped", c.skipped],
    ["errors", c.errors]
  ].filter(([, n]) => n).map(([what, n]) => `${what}: ${n}`);
  return `Ran ${total} test${total === 1 ? "" : "s"}${parts.length ? `: ${parts.join(", ")}` : ""}`;
}
function ktapTreeText(file, report) {
  if (!report) return [`${file}: ${label["no-tests"]} ${noKtapMessage}`];
  const out = [];
  const visit = (t, depth) => {
    const pad = "  ".repeat(depth);
    const what = t.directive ? ` # ${t.directive}${t.note ? ` ${t.note}` : ""}` : "";
    out.push(`${pad}${label[t.status]} ${t.name}${what}${t.subtests.length ? ` (${t.subtests.length} subtest${t.subtests.length === 1 ? "" : "s"})` : ""}`);
    for (const e of t.errors) out.push(`${pad}  [ERROR] ${e}`);
    for (const s of t.subtests) visit(s, depth + 1);
  };
  for (const stream of report.streams) {
    out.push(`${file} lines ${stream.firstLine}-${stream.lastLine}: ${stream.version}${stream.plan !== void 0 ? `, plan 1..${stream.plan}` : ""}`);
    stream.tests.forEach((t) => visit(t, 1));
    const own = stream.errors.filter((e) => e.startsWith("top level: ") || e.startsWith("TAP: "));
    for (const e of own) out.push(`  [ERROR] ${e}`);
    if (stream.truncated) out.push(`  [ERROR] cut off: ${stream.truncated}`);
  }
  if (report.dropped) out.push(`  (${report.dropped} more results counted, not kept: over the parser's budget)`);
  out.push(`${file}: ${label[report.status]} ${countsLine(report.counts)}`);
  return out;
}

// src/parse/parse-logs.ts
function runContext(consoleLog) {
  if (basename(consoleLog) !== RESULTS_FILES.console) return void 0;
  const summary = join(dirname(consoleLog), REPORT_FILES.summaryJson);
  if (!existsSync(summary)) return void 0;
  try {
    const json = JSON.parse(readFileSync(summary, "utf8"));
    if (typeof json.scenario !== "string") return void 0;
    return { scenario: json.scenario, location: json.ktap?.caseLocation ?? {} };
  } catch {
    return void 0;
  }
}
function shownPath(file, cwd) {
  const rel = relative(cwd, resolve(cwd, file));
  return rel && !rel.startsWith("..") ? rel : resolve(cwd, file);
}
function fileScenario(file) {
  return file === "-" ? "stdin" : basename(file).replace(/\.[^.]*$/, "") || basename(file);
}
function readOne(file, cwd, readStdin) {
  if (file === "-") return parseKtap(readStdin(), "stdin");
  const path = resolve(cwd, file);
  let st;
  try {
    st = statSync(path);
  } catch {
    throw new UsageError(`log file ${file} does not exist`, { hint: "qfi parse LOG\u2026 reads console logs or KTAP/TAP files; give - to read standard input" });
  }
  if (!st.isFile()) throw new UsageError(`log file ${file} is not a regular file`, { hint: "to parse a stream, pipe it: \u2026 | qfi parse -" });
  return readKtapFile(path, runContext(path) ? "console" : shownPath(file, cwd));
}
function parseLogs(opts) {
  if (opts.files.length === 0)
    throw new UsageError("qfi parse needs at least one log", { hint: "qfi parse console.log [--json] [--junit junit.xml]; - reads standard input" });
  const lines = [];
  const suites = [];
  const reports = [];
  let allPassed = true;
  for (const file of opts.files) {
    const report = readOne(file, opts.cwd, opts.readStdin);
    reports.push({ file, report });
    allPassed &&= report?.status === "pass";
    if (opts.json) lines.push(JSON.stringify(ktapFileJson(file, report)));
    else lines.push(...ktapTreeText(file, report));
    if (opts.junit && report) {
      const context = file === "-" ? void 0 : runContext(resolve(opts.cwd, file));
      const logFile = file === "-" ? void 0 : shownPath(file, opts.cwd);
      suites.push(
        ...ktapSuites(report, {
          scenario: opts.name ?? context?.scenario ?? fileScenario(file),
          location: (_stream, test) => context?.location ?? { ...logFile ? { file: logFile } : {}, ...test ? { line: test.line } : {} }
        })
      );
    }
  }
  if (opts.junit) {
    const target = resolve(opts.cwd, opts.junit);
    try {
      writeFileSync(target, renderJUnit("qfi parse", suites));
    } catch (err) {
      throw new InfraError(`could not write --junit ${opts.junit}: ${err.message}`, { hint: "give a path in a folder that exists and is writable" });
    }
  }
  return { code: allPassed ? ExitCode.pass : ExitCode.testFailed, lines, reports };
}

// src/adapters/cli/parse-args.ts
import { parseArgs } from "node:util";
var COMMANDS = [...ACTION_MODES, "reproduce", "parse"];
var parseOptions = {
  json: { type: "boolean" },
  junit: { type: "string" },
  name: { type: "string" },
  help: { type: "boolean", short: "h" }
};
var cliOnly = {
  fault: { type: "string", multiple: true },
  quiet: { type: "boolean", short: "q" },
  // The action writes the job summary itself; a terminal user wants the verdict table without opening files.
  "summarize-log": { type: "boolean" },
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
  if (argv[0] === "parse") return parseCommand(argv.slice(1));
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: optionsFromInputs(), allowPositionals: true, strict: true, tokens: true });
  } catch (err) {
    throw new UsageError(err.message.replace(/\. To specify a positional argument.*$/s, ""), {
      hint: "run `qfi --help` for the flags; every action input is a flag of the same name"
    });
  }
  const { values } = parsed;
  const separator = parsed.tokens.find((token) => token.kind === "option-terminator")?.index;
  const positionals = parsed.tokens.flatMap(
    (token) => token.kind === "positional" && (separator === void 0 || token.index < separator) ? [token.value] : []
  );
  const qemuArgs = separator === void 0 ? void 0 : checkQemuArgs(argv.slice(separator + 1));
  if (values.version) return { kind: "version" };
  if (values.help || positionals[0] === "help") return { kind: "help" };
  const [command, ...rest] = positionals;
  if (command === void 0) return { kind: "help" };
  if (!COMMANDS.includes(command))
    throw new UsageError(`unknown command "${command}"`, {
      hint: "the commands are: qfi run, qfi plan, qfi campaign, qfi merge DIR\u2026, qfi qtest SCRIPT\u2026, qfi reproduce PATH, qfi parse LOG\u2026, qfi help"
    });
  if (command === "parse")
    throw new UsageError("qfi parse comes first: its flags are its own", { hint: "qfi parse LOG\u2026 [--json] [--junit PATH] [--name NAME]" });
  const output = { quiet: values.quiet === true, summarizeLog: values["summarize-log"] === true };
  if (command === "reproduce") return reproduceCommand(rest, values, qemuArgs, output);
  const kind = command;
  if (rest.length && kind !== "merge" && kind !== "qtest")
    throw new UsageError(`unexpected argument "${rest[0]}"`, {
      hint: `flags take the form --name value; quote a value with spaces; QEMU arguments go after a bare \`${QEMU_ARGS_SEPARATOR}\``
    });
  if (kind === "merge" && qemuArgs !== void 0) {
    throw new UsageError(`qfi merge runs no QEMU, so it takes no QEMU arguments after \`${QEMU_ARGS_SEPARATOR}\``, {
      hint: `drop \`${QEMU_ARGS_SEPARATOR}\` and what follows it: qfi merge DIR\u2026 [flags] merges the results folders it is given`
    });
  }
  if (kind === "plan" && output.summarizeLog) {
    throw new UsageError("qfi plan has no summary to print: its stdout is the matrix JSON alone", {
      hint: "drop --summarize-log here; qfi campaign and qfi merge print the campaign's summary with it"
    });
  }
  const inputs = inputsFrom(values, qemuArgs);
  if (kind === "merge") inputs["merge-from"] = rest;
  if (kind === "qtest" && rest.length) inputs["qtest-script"] = [...inputs["qtest-script"] ?? [], ...rest];
  return { kind, inputs, ...output };
}
function inputsFrom(values, qemuArgs) {
  const inputs = {};
  for (const input of INPUTS) {
    const value = values[input.name];
    if (value !== void 0) inputs[input.name] = value;
  }
  const faultFlags = values.fault;
  if (faultFlags?.length) inputs.faults = [...inputs.faults ?? [], ...faultFlags];
  if (qemuArgs?.length) inputs["qemu-trailing-args"] = qemuArgs;
  return inputs;
}
function checkQemuArgs(args) {
  for (const arg of args) {
    if (arg.trim() === "" || arg.trim() !== arg || arg.includes("\n")) {
      throw new UsageError(
        `QEMU argument ${JSON.stringify(arg)} after \`${QEMU_ARGS_SEPARATOR}\` cannot be passed on as it is: qfi passes each one without blanks around it and without newlines`,
        {
          hint: "drop the blanks or newlines; an argument that needs them goes in qfi.toml as an item of `qemu.extra_args = [...]`, which QEMU gets exactly as written"
        }
      );
    }
  }
  return args;
}
function parseCommand(argv) {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: parseOptions, allowPositionals: true, strict: true });
  } catch (err) {
    throw new UsageError(err.message.replace(/\. To specify a positional argument.*$/s, ""), {
      hint: "qfi parse LOG\u2026 [--json] [--junit PATH] [--name NAME]; run `qfi help` for more"
    });
  }
  const { values, positionals } = parsed;
  if (values.help) return { kind: "help" };
  if (positionals.length === 0)
    throw new UsageError("qfi parse needs at least one log", { hint: "qfi parse console.log [--json] [--junit junit.xml]; - reads standard input" });
  if (values.junit === "") throw new UsageError("--junit needs a path", { location: { input: "junit" }, hint: "qfi parse LOG --junit junit.xml" });
  return { kind: "parse", files: positionals, json: values.json === true, junit: values.junit, name: values.name };
}
function reproduceCommand(rest, values, qemuArgs, output) {
  if (rest.length !== 1) {
    throw new UsageError(rest.length === 0 ? "qfi reproduce needs the results to reproduce" : `unexpected argument "${rest[1]}"`, {
      hint: "qfi reproduce PATH, where PATH is a qfi results folder or the artifact zip downloaded from GitHub"
    });
  }
  const { scenario, ...inputs } = inputsFrom(values, qemuArgs);
  return { kind: "reproduce", path: rest[0], scenario: typeof scenario === "string" ? scenario : void 0, inputs, ...output };
}
function helpText() {
  const width = Math.max(...INPUTS.map((i) => i.name.length)) + 2;
  const rows = INPUTS.filter((i) => !("cli" in i && i.cli === false)).map(
    (i) => `  --${i.name.padEnd(width)}${i.description}${i.default ? ` [default: ${i.default}]` : ""}`
  );
  return [
    "qfi \u2014 QEMU fault-injection runner",
    "",
    "Usage: qfi run [flags] [-- QEMU ARGS\u2026]  one scenario: boot, test, verdict",
    "       qfi plan [flags]         plan a campaign: plan.json, and the matrix JSON on stdout",
    "       qfi campaign [flags]     run a campaign (all scenarios, --shard i/N, or --scenario ID)",
    "       qfi merge DIR\u2026 [flags]   merge campaign results (campaign.json under each DIR)",
    "       qfi qtest SCRIPT\u2026 [flags] run qtest scripts against a machine, no guest (QEMU's qtest protocol)",
    "       qfi parse LOG\u2026 [--json] [--junit PATH] [--name NAME]",
    "                                read KTAP/TAP results from console logs or result files (- is stdin),",
    "                                as the runs do: a tree, or one JSON object per file; exit 0 when all pass",
    "       qfi reproduce PATH [flags] run a recorded run again here and compare (a results folder or artifact zip)",
    "",
    "qfi run boots a guest with fault rules, runs the test command, and writes a verdict, junit.xml,",
    "console.log and a reproducer to the results folder. A campaign runs many such scenarios",
    "(one per point and action, per call of a point, or repeated chaos trials) and writes one",
    "junit.xml, campaign.json and summary.md over all of them. A snapshot campaign (--campaign",
    "snapshot) boots once, saves the state, and runs every trial from it with one bit flipped.",
    "qfi reproduce reruns a run from its results (the config, rules, seed, guest and QEMU version",
    "it recorded) into <PATH>-reproduced, and says whether the verdict and the injections matched;",
    "run it from your checkout of the project. --scenario ID picks a campaign's scenario; other",
    "flags override what was recorded (--results-dir, --test-timeout...).",
    "",
    "Flags (each is also an action input and a qfi.toml key):",
    ...rows,
    `  --${"fault".padEnd(width)}One fault rule (point=action); repeatable. Same as a line of --faults.`,
    `  --${"quiet".padEnd(width)}Do not echo the guest console.`,
    `  --${"summarize-log".padEnd(width)}At the end, print the results' summary.md on stdout (verdict table, what fired, console excerpt).`,
    `  ${QEMU_ARGS_SEPARATOR.padEnd(width + 2)}Everything after a bare -- goes to QEMU as it is, after --qemu-args and qemu.extra_args (run, campaign, plan, qtest, reproduce).`,
    "",
    "Durations (--boot-timeout, --test-timeout, --timeout, --trial-timeout): 90s, 2m, 1m30s, 500ms; a bare number is seconds (--timeout 35).",
    "Exit codes: 0 pass, 1 test failed (fail, panic, hang, boot-timeout), 2 usage or config error, 3 infrastructure error.",
    "qfi reproduce exits with its replay's verdict the same way; whether it matched is in comparison.json."
  ].join("\n");
}

// src/adapters/cli/local-host.ts
function stderrLogger(debug = process.env.QFI_DEBUG === "1") {
  const write = (line) => process.stderr.write(`${line}
`);
  return {
    info: (m) => write(m),
    // Warnings and errors quote config values and paths: shown escaped, they cannot drive the terminal.
    warn: (m) => write(printable(`warning: ${m}`)),
    error: (m) => write(printable(`error: ${m}`)),
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

// src/adapters/cli/print-summary.ts
import { readFileSync as readFileSync2 } from "node:fs";
function printSummary(file, log) {
  let text;
  try {
    text = readFileSync2(file, "utf8");
  } catch (err) {
    log.warn(`--summarize-log: cannot read the summary ${file}: ${err.message}`);
    return;
  }
  process.stdout.write(`
${text.endsWith("\n") ? text : `${text}
`}`);
}

// src/adapters/cli/run-cli.ts
function exitCodeForVerdict(verdict, failOnVerdict) {
  if (verdict === "pass") return ExitCode.pass;
  if (verdict === "infra-error") return ExitCode.infra;
  return failOnVerdict ? ExitCode.testFailed : ExitCode.pass;
}
var signalExit = { SIGHUP: 129, SIGINT: 130, SIGTERM: 143 };
async function runCli(argv, version) {
  for (const stream of [process.stdout, process.stderr]) stream.on("error", () => void 0);
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
  if (command.kind === "parse") return parseOnly(command);
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
  process.on("SIGHUP", onSignal);
  const host = localHost();
  try {
    const options = { inputs: command.inputs, cwd: process.cwd(), signal: controller.signal };
    if (command.kind === "run" || command.kind === "reproduce") options.echoConsole = !command.quiet;
    if (command.kind === "reproduce") options.replay = { path: command.path, scenario: command.scenario };
    const result = await runMode(command.kind, options, host);
    for (const line of result.lines) process.stdout.write(`${line}
`);
    if (result.problem) process.stderr.write(`qfi: ${result.problem}
`);
    if (command.summarizeLog && result.summaryFile) printSummary(result.summaryFile, host.log);
    if (interruptedBy) return signalExit[interruptedBy] ?? ExitCode.infra;
    return exitCodeForVerdict(result.verdict, result.failOnVerdict);
  } catch (err) {
    process.stderr.write(`${formatError(err)}
`);
    if (process.env.QFI_DEBUG === "1" && err instanceof Error && err.stack) process.stderr.write(`${err.stack}
`);
    return exitCodeForError(err);
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
    process.off("SIGHUP", onSignal);
  }
}
function parseOnly(command) {
  try {
    const outcome = parseLogs({ ...command, cwd: process.cwd(), readStdin: () => readFileSync3(0, "utf8") });
    process.stdout.write(outcome.lines.map((l) => `${l}
`).join(""));
    if (command.junit) process.stderr.write(`qfi parse: JUnit written to ${command.junit}
`);
    return outcome.code;
  } catch (err) {
    process.stderr.write(`${formatError(err)}
`);
    return exitCodeForError(err);
  }
}

// src/entry/cli.ts
process.exitCode = await runCli(process.argv.slice(2), qfiVersion);
