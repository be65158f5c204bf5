import { createRequire as __qfiCreateRequire } from 'node:module'; const require = __qfiCreateRequire(import.meta.url);
import {
  ExitCode,
  actionHost,
  debug,
  defaultArtifactName,
  error,
  getInput,
  getMultilineInput,
  info,
  saveState,
  setFailed,
  setOutput,
  summary,
  toArtifactName,
  uploadResults,
  warning
} from "./chunks/chunk-HGN6JVXV.js";
import {
  INPUTS,
  MODES,
  QfiError,
  actionMode,
  boundMarkdown,
  formatError,
  formatLocation,
  runMode,
  unusedRuleWarning
} from "./chunks/chunk-CYKCR4M4.js";
import "./chunks/chunk-2XPRQUFT.js";
import "./chunks/chunk-E3KAXV6J.js";

// src/adapters/action/error-summary.ts
function kindText(err) {
  if (err.kind === "usage") return "a bad input";
  if (err.kind === "infra") return "an infrastructure problem";
  return err.location?.input && !err.location.file ? "a bad value" : "a configuration error";
}
function whereText(loc) {
  if (!loc?.file) return loc?.input ? ` in input \`${loc.input}\`` : "";
  return ` at \`${formatLocation({ ...loc, input: void 0 })}\`${loc.input ? ` (input \`${loc.input}\`)` : ""}`;
}
function fenced(text) {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = "`".repeat(Math.max(3, longest + 1));
  return `${fence}text
${text}
${fence}`;
}
function stepErrorMarkdown(err) {
  const what = err instanceof QfiError ? `${kindText(err)}${whereText(err.location)}` : "an unexpected error (a bug in qfi: please report it with this text)";
  return [
    "### qfi: \u26A0\uFE0F infra-error \u2014 the step stopped before a verdict",
    "",
    `The step stopped on ${what}; the \`verdict\` output is \`infra-error\`.`,
    "",
    fenced(formatError(err)),
    ""
  ].join("\n");
}

// src/adapters/action/read-inputs.ts
function readActionInputs() {
  const inputs = {};
  for (const input of INPUTS) {
    if (input.type === "lines") {
      const lines = getMultilineInput(input.name, { trimWhitespace: true });
      if (lines.length) inputs[input.name] = lines;
    } else {
      const value = getInput(input.name, { trimWhitespace: true });
      if (value !== "") inputs[input.name] = value;
    }
  }
  return inputs;
}

// src/adapters/action/annotations.ts
var MAX_ANNOTATIONS_PER_LEVEL = 10;
var where = (ref) => ref ? { file: ref.file, startLine: ref.line } : {};
function verdictAnnotation(message, at, level) {
  const props = { title: "qfi", ...where(at) };
  if (level === "error") {
    error(message, props);
    process.exitCode = ExitCode.Failure;
  } else warning(message, props);
}
function unusedRuleAnnotations(run2) {
  const unused = run2.ruleUse.filter((u) => !u.consulted);
  const room = MAX_ANNOTATIONS_PER_LEVEL - 1;
  const shown = unused.length > room ? unused.slice(0, room - 1) : unused;
  for (const u of shown)
    warning(unusedRuleWarning(u, run2.plan.requireFired), { title: "qfi: rule never consulted", ...where(run2.plan.sources.rules[u.rule]) });
  if (shown.length < unused.length)
    warning(`${unused.length - shown.length} more rules were never consulted: the job summary lists them all (GitHub shows 10 warnings per step)`);
}

// src/adapters/action/steps.ts
async function runActionMode(modeInput, options, host) {
  const mode = actionMode(modeInput);
  const spec = MODES[mode];
  let artifact = "";
  const onConfig = (c) => {
    if (spec.uploads) artifact = saveUploadState(c, spec.artifactPart(c));
  };
  const result = await runMode(mode, { ...options, echoConsole: true, onConfig }, host);
  if (result.campaignPlan) return planOutputs(result, result.campaignPlan);
  if (result.run) unusedRuleAnnotations(result.run);
  setOutput("verdict" /* Verdict */, result.verdict);
  setOutput("junit" /* Junit */, result.junit ?? "");
  setOutput("results-dir" /* ResultsDir */, result.resultsDir);
  await addSummary(result.summaryMarkdown);
  if (spec.uploads) await upload(result.config, artifact, host);
  reportVerdict(result);
}
async function planOutputs(result, plan) {
  setOutput("matrix" /* Matrix */, plan.matrix);
  setOutput("plan-file" /* PlanFile */, plan.planFile);
  setOutput("scenarios" /* Scenarios */, String(plan.scenarios));
  setOutput("results-dir" /* ResultsDir */, result.resultsDir);
  await addSummary(result.summaryMarkdown);
  if (result.problem) setFailed(`qfi plan: ${result.problem}`);
}
function saveUploadState(config, suffix) {
  const base = config.report.artifactName ? toArtifactName(config.report.artifactName) : defaultArtifactName(suffix ? `${config.name}-${suffix}` : config.name);
  saveState("results-dir" /* ResultsDir */, config.report.dir);
  saveState("artifact-name" /* ArtifactName */, base);
  saveState("upload-enabled" /* UploadEnabled */, String(config.report.upload));
  return base;
}
var MAX_STEP_SUMMARY_BYTES = 1024 * 1024 - 4096;
async function addSummary(markdown) {
  try {
    await summary.addRaw(boundMarkdown(markdown, MAX_STEP_SUMMARY_BYTES)).write();
  } catch (err) {
    warning(`could not write the job summary: ${err.message}`);
  }
}
async function upload(config, name, host) {
  if (!config.report.upload) return;
  const uploaded = await uploadResults(config.report.dir, name, host.log);
  saveState("uploaded" /* Uploaded */, String(uploaded));
}
function reportVerdict(result) {
  if (result.verdict === "pass") return;
  const message = `${result.title === "qfi" ? "qfi" : `qfi ${result.title}`}: ${result.verdict} \u2014 ${result.reason}`;
  if (result.failOnVerdict || result.verdict === "infra-error") verdictAnnotation(message, result.at, "error");
  else verdictAnnotation(`${message} (fail-on-verdict is false)`, result.at, "warning");
}

// src/adapters/action/main.ts
async function run() {
  const host = actionHost();
  const controller = new AbortController();
  const onSignal = (signal) => {
    if (controller.signal.aborted) return info(`qfi: ${signal} received; QEMU is already being stopped`);
    info(`qfi: ${signal} received, stopping QEMU`);
    controller.abort(signal);
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  try {
    const inputs = readActionInputs();
    await runActionMode(inputs.mode, { inputs, cwd: process.cwd(), signal: controller.signal }, host);
  } catch (err) {
    await reportStepError(err);
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  }
}
async function reportStepError(err) {
  setOutput("verdict" /* Verdict */, "infra-error");
  if (err instanceof QfiError && err.location?.file) {
    const props = { file: err.location.file, title: "qfi configuration error" };
    if (err.location.line !== void 0) props.startLine = err.location.line;
    if (err.location.column !== void 0) props.startColumn = err.location.column;
    error(err.message, props);
  }
  if (!(err instanceof QfiError) && err instanceof Error && err.stack) debug(err.stack);
  await addSummary(stepErrorMarkdown(err));
  setFailed(formatError(err));
}

// src/entry/main.ts
await run();
