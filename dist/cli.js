#!/usr/bin/env node
import { createRequire as __qfiCreateRequire } from 'node:module'; const require = __qfiCreateRequire(import.meta.url);
import {
  ConfigError,
  ExitCode,
  INPUTS,
  InfraError,
  QEMU_ARGS_SEPARATOR,
  REPRODUCE_FILES,
  REPRODUCE_SCHEMA_VERSION,
  UsageError,
  closestMatch,
  exitCodeForError,
  formatError,
  isInputName,
  ktapCases,
  ktapSuites,
  mergeCampaigns,
  parseKtap,
  planCampaign,
  qfiVersion,
  readKtapFile,
  renderJUnit,
  reportFilesIn,
  runCampaign,
  runPipeline,
  runQtestPipeline,
  totalTests
} from "./chunks/chunk-6IDDV3FO.js";
import {
  localCacheDir
} from "./chunks/chunk-2XPRQUFT.js";
import "./chunks/chunk-E3KAXV6J.js";

// src/adapters/cli/run-cli.ts
import { readFileSync as readFileSync6 } from "node:fs";
import { relative as relative4 } from "node:path";

// src/reproduce/reproduce.ts
import { existsSync as existsSync3, readFileSync as readFileSync3, writeFileSync as writeFileSync2 } from "node:fs";
import { dirname as dirname2, join as join4, relative as relative2, resolve as resolve2, sep as sep2 } from "node:path";

// src/reproduce/compare-runs.ts
function compareRuns(original, rerun) {
  const o = original.summary;
  const r = rerun.summary;
  const onlyOriginal = multisetMinus(original.injections, rerun.injections);
  const onlyRerun = multisetMinus(rerun.injections, original.injections);
  const points = pointDifferences(o.points ?? [], r.points ?? []);
  const verdictMatched = o.verdict === r.verdict;
  const injectionsMatched = onlyOriginal.length === 0 && onlyRerun.length === 0;
  const qemu = (s) => `QEMU ${s.qemu.version} (${qemuOrigin(s.qemu.origin)})`;
  const guest = guestDifferences(o.guest ?? void 0, r.guest ?? void 0);
  return {
    matched: verdictMatched && injectionsMatched && points.length === 0,
    verdict: { matched: verdictMatched, original: o.verdict, rerun: r.verdict, originalReason: o.reason, rerunReason: r.reason },
    injections: { matched: injectionsMatched, original: original.injections.length, rerun: rerun.injections.length, onlyOriginal, onlyRerun },
    points: { matched: points.length === 0, differences: points, summary: (r.points ?? []).map((p) => `${p.name} ${p.calls === void 0 ? "registered" : `${p.fails ?? 0} of ${p.calls} call(s) failed`}`) },
    setup: {
      rules: { matched: sameList(o.faults.rules, r.faults.rules), original: o.faults.rules, rerun: r.faults.rules },
      seed: { matched: o.faults.seed === r.faults.seed, original: o.faults.seed, rerun: r.faults.seed },
      qemu: { matched: qemu(o) === qemu(r), original: qemu(o), rerun: qemu(r) },
      guest: { matched: guest.length === 0, differences: guest }
    }
  };
}
function qemuOrigin(origin) {
  return ["built", "local-cache", "remote-cache"].includes(origin) ? "built by qfi" : origin;
}
function describeComparison(c) {
  const lines = [];
  const v = c.verdict;
  lines.push(v.matched ? `verdict: matched (${v.rerun}: ${v.rerunReason})` : `verdict: differed: the original was ${v.original} (${v.originalReason}), the replay ${v.rerun} (${v.rerunReason})`);
  const i = c.injections;
  const guestPoints = c.points.summary.length ? `; guest points: ${c.points.summary.join(", ")}` : "";
  if (i.matched && c.points.matched) lines.push(`injections: matched (${i.rerun} by host or plugin rules${guestPoints})`);
  else {
    lines.push("injections: differed");
    if (i.matched) lines.push(`  host and plugin rules: matched (${i.rerun})`);
    else {
      lines.push(`  host and plugin rules: ${i.original} in the original, ${i.rerun} in the replay`);
      if (i.onlyOriginal.length) lines.push(`  only in the original: ${examples(i.onlyOriginal)}`);
      if (i.onlyRerun.length) lines.push(`  only in the replay: ${examples(i.onlyRerun)}`);
    }
    if (!c.points.matched) lines.push(`  guest points: ${c.points.differences.join("; ")}`);
  }
  const warnings = [];
  const s = c.setup;
  if (!s.rules.matched) warnings.push(`the replay's rules differ: original [${s.rules.original.join(" ")}], replay [${s.rules.rerun.join(" ")}]`);
  if (!s.seed.matched) warnings.push(`the replay's seed differs: original ${s.seed.original}, replay ${s.seed.rerun}`);
  if (!s.qemu.matched) warnings.push(`the replay ran ${s.qemu.rerun}, the original ${s.qemu.original}: QEMU's behaviour may differ between versions`);
  if (!s.guest.matched) warnings.push(`the replay's guest differs from the original's: ${s.guest.differences.join("; ")}`);
  lines.push(`qfi reproduce: ${c.matched ? "matched" : "differed"} \u2014 the verdict and the injections ${c.matched ? "are the same as in the original" : "are not the same as in the original"}`);
  return { lines, warnings };
}
function examples(keys) {
  const shown = keys.slice(0, 5).join("; ");
  return keys.length > 5 ? `${shown}; and ${keys.length - 5} more` : shown;
}
function multisetMinus(a, b) {
  const left = /* @__PURE__ */ new Map();
  for (const key of b) left.set(key, (left.get(key) ?? 0) + 1);
  return a.filter((key) => {
    const n = left.get(key) ?? 0;
    if (n > 0) left.set(key, n - 1);
    return n === 0;
  });
}
function pointDifferences(original, rerun) {
  const text = (p) => p === void 0 ? "not reported" : p.calls === void 0 ? "registered only" : `${p.calls} call(s), ${p.fails ?? 0} failed`;
  const names = [...new Set([...original, ...rerun].map((p) => p.name))];
  return names.flatMap((name) => {
    const a = text(original.find((p) => p.name === name));
    const b = text(rerun.find((p) => p.name === name));
    return a === b ? [] : [`${name}: ${a} in the original, ${b} in the replay`];
  });
}
function guestDifferences(original, rerun) {
  if (original === void 0 && rerun === void 0) return [];
  if (original === void 0 || rerun === void 0) return [`the built-in guest ran only in the ${original ? "original" : "replay"}`];
  const fields = [
    ["arch", (g) => g.arch],
    ["kernel package", (g) => g.kernel && `${g.kernel.package} ${g.kernel.version} (deb sha256 ${g.kernel.debSha256})`],
    ["busybox package", (g) => g.busybox && `${g.busybox.package} ${g.busybox.version} (deb sha256 ${g.busybox.debSha256})`],
    ["kernel sha256", (g) => g.kernelSha256],
    ["initramfs sha256", (g) => g.initrdSha256]
  ];
  return fields.flatMap(([what, get]) => get(original) === get(rerun) ? [] : [`${what}: ${get(original) ?? "none"} in the original, ${get(rerun) ?? "none"} in the replay`]);
}
function sameList(a, b) {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

// src/reproduce/open-results.ts
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, readSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, isAbsolute, join, normalize, relative, sep } from "node:path";

// src/reproduce/find-run.ts
var MANIFEST = REPRODUCE_FILES.manifest;
function findRun(names, opts) {
  const manifests = names.filter((n) => n === MANIFEST || n.endsWith(`/${MANIFEST}`)).map((n) => n.slice(0, -MANIFEST.length));
  const tops = /* @__PURE__ */ new Set(["", ...manifests.filter((p) => /^[^/]+\/$/.test(p))]);
  const scenarios = manifests.flatMap((p) => {
    const m = /^((?:[^/]+\/)?)scenarios\/([^/]+)\/$/.exec(p);
    return m && (m[1] === "" || !manifests.includes(m[1])) ? [{ id: m[2], prefix: p }] : [];
  });
  if (opts.scenario !== void 0) {
    const found = scenarios.find((s) => s.id === opts.scenario);
    if (found) return found.prefix;
    if (scenarios.length === 0) {
      throw new UsageError(`--scenario ${opts.scenario}: ${opts.label} is not a campaign's results (it has no scenarios/<id>/${MANIFEST})`, { hint: "leave --scenario out to reproduce the run in it" });
    }
    const guess = closestMatch(opts.scenario, scenarios.map((s) => s.id));
    throw new UsageError(`${opts.label} has no scenario \`${opts.scenario}\``, { hint: `${guess ? `did you mean \`${guess}\`? ` : ""}${scenarioList(scenarios.map((s) => s.id))}` });
  }
  const runs = manifests.filter((p) => tops.has(p));
  if (runs.includes("")) return "";
  if (scenarios.length > 0) {
    throw new UsageError(`${opts.label} holds a campaign's results: say which scenario to reproduce`, { hint: `add --scenario ID; ${scenarioList(scenarios.map((s) => s.id))}` });
  }
  if (runs.length === 1) return runs[0];
  if (runs.length > 1) throw new UsageError(`${opts.label} holds the results of ${runs.length} runs (${runs.join(", ")})`, { hint: "give one of these folders" });
  const older = names.some((n) => n === "summary.json" || /^[^/]+\/summary\.json$/.test(n));
  throw new UsageError(`${opts.label} has no ${MANIFEST}: it is not the results folder of a qfi run`, {
    hint: older ? `its summary.json is from a qfi without \`qfi reproduce\`; run its scenario again with \`qfi run\` (the flags are in its reproducer.sh)` : names.includes("campaign.json") ? "a snapshot campaign's trials are repeated by the campaign: use the trial's `reproducer` line in campaign.json" : "give the folder a qfi run wrote (qfi-results/ by default), or the artifact zip downloaded from GitHub"
  });
}
function scenarioList(ids) {
  return `the ${ids.length} scenario(s): ${ids.slice(0, 8).join(", ")}${ids.length > 8 ? ", \u2026" : ""}`;
}

// src/reproduce/read-zip.ts
import * as zlib from "node:zlib";
var ZipFormatError = class extends Error {
};
var EOCD = 101010256;
var ZIP64_EOCD = 101075792;
var ZIP64_LOCATOR = 117853008;
var CENTRAL_HEADER = 33639248;
var LOCAL_HEADER = 67324752;
var ZIP64_EXTRA = 1;
function readZip(zip) {
  return asFormatError(() => readCentralDirectory(zip));
}
function asFormatError(fn) {
  try {
    return fn();
  } catch (err) {
    if (err instanceof RangeError) throw new ZipFormatError(`a record of the archive is damaged (${err.message})`);
    throw err;
  }
}
function readCentralDirectory(zip) {
  const end = findEndOfCentralDirectory(zip);
  let count = zip.readUInt16LE(end + 10);
  let size = zip.readUInt32LE(end + 12);
  let offset = zip.readUInt32LE(end + 16);
  if (count === 65535 || size === 4294967295 || offset === 4294967295) ({ count, size, offset } = readZip64End(zip, end));
  if (offset + size > zip.length) throw new ZipFormatError(`the central directory (${size} bytes at ${offset}) lies past the end of the archive (${zip.length} bytes): the file is cut off`);
  const entries = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== CENTRAL_HEADER) throw new ZipFormatError(`entry ${i + 1} of ${count} in the central directory is damaged (at byte ${at})`);
    const flags = zip.readUInt16LE(at + 8);
    const method = zip.readUInt16LE(at + 10);
    const crc = zip.readUInt32LE(at + 16);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const name = zip.toString(flags & 2048 ? "utf8" : "latin1", at + 46, at + 46 + nameLength);
    const sizes = zip64Sizes(zip.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength), {
      compressed: zip.readUInt32LE(at + 20),
      size: zip.readUInt32LE(at + 24),
      offset: zip.readUInt32LE(at + 42)
    });
    if (flags & 1) throw new ZipFormatError(`${name} is encrypted`);
    if (method !== 0 && method !== 8) throw new ZipFormatError(`${name} uses compression method ${method}; only stored (0) and deflate (8) are read`);
    entries.push({ name, size: sizes.size, read: () => asFormatError(() => readEntry(zip, name, method, crc, sizes)) });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}
function findEndOfCentralDirectory(zip) {
  const lowest = Math.max(0, zip.length - 22 - 65535);
  for (let at = zip.length - 22; at >= lowest; at--) {
    if (zip.readUInt32LE(at) === EOCD && at + 22 + zip.readUInt16LE(at + 20) === zip.length) return at;
  }
  throw new ZipFormatError(zip.length < 22 ? `the file is ${zip.length} bytes, too short for a zip` : "no end-of-central-directory record: not a zip archive, or cut off");
}
function readZip64End(zip, end) {
  const locator = end - 20;
  if (locator < 0 || zip.readUInt32LE(locator) !== ZIP64_LOCATOR) throw new ZipFormatError("the archive needs zip64 but has no zip64 locator");
  const record = Number(zip.readBigUInt64LE(locator + 8));
  if (record + 56 > zip.length || zip.readUInt32LE(record) !== ZIP64_EOCD) throw new ZipFormatError(`no zip64 end-of-central-directory record at byte ${record}`);
  return { count: Number(zip.readBigUInt64LE(record + 32)), size: Number(zip.readBigUInt64LE(record + 40)), offset: Number(zip.readBigUInt64LE(record + 48)) };
}
function zip64Sizes(extra, sizes) {
  const out = { ...sizes };
  for (let at = 0; at + 4 <= extra.length; ) {
    const id = extra.readUInt16LE(at);
    const length = extra.readUInt16LE(at + 2);
    if (id === ZIP64_EXTRA) {
      let field = at + 4;
      const next = () => {
        const value = Number(extra.readBigUInt64LE(field));
        field += 8;
        return value;
      };
      if (sizes.size === 4294967295) out.size = next();
      if (sizes.compressed === 4294967295) out.compressed = next();
      if (sizes.offset === 4294967295) out.offset = next();
    }
    at += 4 + length;
  }
  return out;
}
function readEntry(zip, name, method, crc, sizes) {
  const local = sizes.offset;
  if (local + 30 > zip.length || zip.readUInt32LE(local) !== LOCAL_HEADER) throw new ZipFormatError(`${name}: no local header at byte ${local}`);
  const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
  if (start + sizes.compressed > zip.length) throw new ZipFormatError(`${name}: its data lies past the end of the archive: the file is cut off`);
  const stored = zip.subarray(start, start + sizes.compressed);
  let data;
  try {
    data = method === 8 ? zlib.inflateRawSync(stored) : Buffer.from(stored);
  } catch (err) {
    throw new ZipFormatError(`${name}: cannot be inflated (${err.message})`);
  }
  if (data.length !== sizes.size) throw new ZipFormatError(`${name}: ${data.length} bytes inflated, the directory says ${sizes.size}`);
  if (typeof zlib.crc32 === "function" && zlib.crc32(data) !== crc) throw new ZipFormatError(`${name}: CRC-32 mismatch: the archive is damaged`);
  return data;
}

// src/reproduce/open-results.ts
var UNPACKED_ORIGINAL = "original";
function resultsSource(path) {
  if (!existsSync(path)) throw new UsageError(`${path} does not exist`, { hint: "give the results folder of a qfi run, or the artifact zip downloaded from GitHub" });
  if (statSync(path).isDirectory()) return { kind: "folder", path };
  if (isZip(path)) return { kind: "zip", path };
  throw new UsageError(`${path} is neither a folder nor a zip archive`, { hint: "give the results folder of a qfi run, or the artifact zip downloaded from GitHub" });
}
function isZip(path) {
  const head = Buffer.alloc(4);
  const fd = openSync(path, "r");
  try {
    if (readSync(fd, head, 0, 4, 0) < 4) return false;
  } finally {
    closeSync(fd);
  }
  return head.readUInt32LE(0) === 67324752 || head.readUInt32LE(0) === 101010256;
}
function reproducedName(path, scenario) {
  const stem = basename(path).replace(/\.zip$/i, "");
  return `${stem}${scenario ? `-${scenario}` : ""}-reproduced`;
}
function openResults(source, opts) {
  if (source.kind === "folder") {
    const prefix = findRun(listResultFiles(source.path), { scenario: opts.scenario, label: source.path });
    return { dir: join(source.path, prefix), label: prefix ? join(source.path, prefix) : source.path, unpacked: false };
  }
  const label2 = basename(source.path);
  try {
    return unpackRun(readZip(readFileSync(source.path)), label2, opts);
  } catch (err) {
    if (err instanceof ZipFormatError) throw new UsageError(`${source.path}: ${err.message}`, { hint: "download the artifact again; a zip cut off mid-download cannot be read" });
    throw err;
  }
}
function unpackRun(entries, label2, opts) {
  const prefix = findRun(entries.map((e) => e.name), { scenario: opts.scenario, label: label2 });
  const dest = join(opts.resultsDir, UNPACKED_ORIGINAL);
  rmSync(dest, { recursive: true, force: true });
  mkdirSync(dest, { recursive: true });
  for (const entry of entries) {
    if (!entry.name.startsWith(prefix) || entry.name.endsWith("/")) continue;
    const name = entry.name.slice(prefix.length);
    const target = join(dest, normalize(name));
    const rel = relative(dest, target);
    if (isAbsolute(name) || rel.startsWith(`..${sep}`) || rel === ".." || isAbsolute(rel)) throw new UsageError(`${label2}: entry ${entry.name} points outside the archive's folder`, { hint: "this zip was not written by GitHub's artifact upload; unpack it yourself and give the folder" });
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, entry.read());
  }
  return { dir: dest, label: prefix ? `${label2}: ${prefix}` : label2, unpacked: true };
}
function listResultFiles(root, prefix = "", depth = 0) {
  const out = [];
  for (const entry of readdirSync(join(root, prefix), { withFileTypes: true })) {
    const name = `${prefix}${entry.name}`;
    if (entry.isDirectory() && depth < 3) out.push(...listResultFiles(root, `${name}/`, depth + 1));
    else if (entry.isFile() && /^(reproduce|summary|campaign)\.json$/.test(entry.name)) out.push(name);
  }
  return out;
}

// src/reproduce/plan-rerun.ts
import { join as join2, resolve } from "node:path";
var GUEST_PIN_INPUT = "guest-pin";
var NOT_OVERRIDABLE = ["config"];
function planRerun(opts) {
  const { manifest, summary, overrides } = opts;
  for (const name of Object.keys(overrides)) {
    const spec = INPUTS.find((s) => s.name === name);
    if (NOT_OVERRIDABLE.includes(name) || spec && "scope" in spec && spec.scope === "campaign") {
      throw new UsageError(`--${name} cannot be given to qfi reproduce`, { hint: name === "config" ? "a replay reads the config the run copied into its results folder; to run another config, use qfi run" : "qfi reproduce reruns one scenario; --scenario picks it from a campaign's results" });
    }
  }
  const notes = [];
  const warnings = [];
  const inputs = { ...manifest.inputs };
  let configBaseDir;
  if (manifest.config) {
    inputs.config = join2(opts.recordDir, manifest.config.copy);
    configBaseDir = resolve(opts.cwd, manifest.config.baseDir);
    notes.push(`config: ${manifest.config.file} as the run read it (its copy ${manifest.config.copy}); its relative paths resolve from ${configBaseDir}`);
  }
  if (manifest.rulesFile) {
    inputs["rules-file"] = join2(opts.recordDir, manifest.rulesFile.copy);
    notes.push(`rules file: ${manifest.rulesFile.file} as the run read it (its copy ${manifest.rulesFile.copy})`);
  }
  inputs.seed = String(manifest.seed);
  inputs.name = manifest.scenario;
  if (summary) Object.assign(inputs, qemuInputs(manifest, summary, notes));
  if (summary?.guest?.pin) {
    if (isInputName(GUEST_PIN_INPUT)) {
      inputs[GUEST_PIN_INPUT] = summary.guest.pin;
      notes.push(`guest: pinned to the original's (${summary.guest.kernel?.package ?? "kernel"} ${summary.guest.kernel?.version ?? ""}, ${summary.guest.busybox?.package ?? "busybox"} ${summary.guest.busybox?.version ?? ""})`);
    } else warnings.push("the original recorded its built-in guest by pin, but this qfi cannot boot a pinned guest: the guest may differ");
  }
  const extraFaults = overrides.faults === void 0 ? [] : typeof overrides.faults === "string" ? [overrides.faults] : overrides.faults;
  Object.assign(inputs, overrides);
  if (extraFaults.length) inputs.faults = [...asLines(manifest.inputs.faults), ...extraFaults];
  inputs["results-dir"] = opts.resultsDir;
  if (!summary) warnings.push("the original has no summary.json (it did not finish): QEMU and the guest are chosen as its config says, and there is nothing to compare with");
  if (manifest.schema > REPRODUCE_SCHEMA_VERSION) warnings.push(`the run was recorded by qfi ${manifest.qfi} (reproduce.json schema ${manifest.schema}); this qfi reads schema ${REPRODUCE_SCHEMA_VERSION} and may miss some of it`);
  return { inputs, configBaseDir, notes, warnings };
}
function qemuInputs(manifest, summary, notes) {
  const { origin, version } = summary.qemu;
  if (origin === "system") {
    notes.push(`QEMU: this machine's system QEMU (the original ran the system's QEMU ${version})`);
    return { qemu: "system" };
  }
  if (["built", "local-cache", "remote-cache"].includes(origin)) {
    notes.push(`QEMU: ${version}, built by qfi as for the original (or taken from the cache)`);
    return { qemu: "build", "qemu-version": version };
  }
  notes.push(`QEMU: ${manifest.inputs.qemu ?? "as the config names it"} (the original ran QEMU ${version} from ${summary.qemu.argv[0] ?? "a given path"})`);
  return {};
}
function asLines(value) {
  return value === void 0 ? [] : typeof value === "string" ? [value] : value;
}

// src/reproduce/run-facts.ts
import { existsSync as existsSync2, readFileSync as readFileSync2 } from "node:fs";
import { join as join3 } from "node:path";
function readRunFacts(dir) {
  const file = reportFilesIn(dir).summaryJson;
  if (!existsSync2(file)) return void 0;
  let summary;
  try {
    summary = JSON.parse(readFileSync2(file, "utf8"));
  } catch (err) {
    throw new UsageError(`${file} is not valid JSON (${err.message})`, { hint: "the results folder is damaged; download the artifact again" });
  }
  if (typeof summary.verdict !== "string" || !Array.isArray(summary.faults?.rules) || typeof summary.qemu?.version !== "string") {
    throw new UsageError(`${file} lacks verdict, faults or qemu: not a qfi run's summary`, { hint: "give the results folder of a qfi run" });
  }
  const icount = summary.qemu.argv.includes("-icount");
  return { summary, injections: readInjectionKeys(join3(dir, "injections.jsonl"), icount), icount };
}
function readInjectionKeys(file, icount) {
  if (!existsSync2(file)) return [];
  const keys = [];
  for (const line of readFileSync2(file, "utf8").split("\n")) {
    if (line.trim() === "") continue;
    try {
      keys.push(injectionKey(JSON.parse(line), icount));
    } catch {
      keys.push("unreadable line (a log cut off by a crash)");
    }
  }
  return keys.sort();
}
function injectionKey(entry, icount) {
  const parts = (names) => names.filter((n) => entry[n] !== void 0 && entry[n] !== null).map((n) => `${n}=${String(entry[n])}`);
  const failed = entry.error !== void 0 ? ["failed"] : [];
  if (typeof entry.layer === "string") {
    const rule = entry.rule === null ? "no rule (a host I/O error)" : String(entry.rule);
    if (entry.layer === "block") return [`block ${rule}`, ...parts(["disk", "op", "sector", "sectors", "request", "errno"]), ...failed].join(" ");
    return [`${entry.layer} ${rule}`, ...parts(["point"]), ...failed].join(" ");
  }
  return [`plugin ${String(entry.rule)}`, ...parts(["vcpu", "kind", "addr", "reg", "width"]), ...icount ? parts(["icount", "pc", "before", "after", "next"]) : [], ...failed].join(" ");
}

// src/reproduce/reproduce.ts
async function reproduceRun(options, host) {
  const source = resultsSource(resolve2(options.cwd, options.path));
  const { "results-dir": resultsDirFlag, ...overrides } = options.overrides;
  const resultsDir = resultsDirFlag === void 0 ? defaultResultsDir(source, options) : resolve2(options.cwd, String(resultsDirFlag));
  checkApart(source, resultsDir);
  const original = openResults(source, { scenario: options.scenario, resultsDir });
  const manifest = readManifest(original);
  const originalFacts = readRunFacts(original.dir);
  const plan = planRerun({ manifest, summary: originalFacts?.summary, recordDir: original.dir, cwd: options.cwd, overrides, resultsDir });
  const when = originalFacts?.summary.startedAt ? ` on ${originalFacts.summary.startedAt}` : "";
  host.log.info(`reproducing scenario ${manifest.scenario} (seed ${manifest.seed}) from ${original.label}, run by qfi ${manifest.qfi}${when} in ${manifest.cwd}`);
  for (const note of plan.notes) host.log.info(`  ${note}`);
  for (const warning of plan.warnings) host.log.warn(warning);
  if (source.kind === "folder" && isInside(resolve2(options.cwd), source.path)) {
    host.log.warn(`the current folder is inside the results being reproduced: the run's relative paths resolve against it; run qfi reproduce (or reproducer.sh) from your checkout of the project`);
  }
  let rerun;
  try {
    rerun = await runPipeline({ inputs: plan.inputs, cwd: options.cwd, ...plan.configBaseDir ? { configBaseDir: plan.configBaseDir } : {}, ...options.signal ? { signal: options.signal } : {}, ...options.echoConsole ? { echoConsole: true } : {} }, host);
  } catch (err) {
    throw withReplayHint(err, options.cwd);
  }
  const rerunFacts = readRunFacts(resultsDir);
  const comparison = originalFacts && rerunFacts ? compareRuns(originalFacts, rerunFacts) : void 0;
  const described = comparison ? describeComparison(comparison) : { lines: ["qfi reproduce: nothing to compare with (the original did not finish)"], warnings: [] };
  const comparisonFile = join4(resultsDir, REPRODUCE_FILES.comparison);
  writeFileSync2(comparisonFile, `${JSON.stringify({ original: original.label, originalDir: original.dir, replayDir: resultsDir, ...comparison ?? { matched: null } }, null, 2)}
`);
  return { original, rerun, comparison, lines: described.lines, warnings: described.warnings, comparisonFile };
}
function defaultResultsDir(source, options) {
  const name = reproducedName(source.path, options.scenario);
  const cwd = resolve2(options.cwd);
  return source.kind === "folder" && isInside(cwd, source.path) ? join4(dirname2(source.path), name) : join4(cwd, name);
}
function checkApart(source, resultsDir) {
  const clash = source.kind === "folder" ? isInside(resultsDir, source.path) : isInside(source.path, join4(resultsDir, UNPACKED_ORIGINAL));
  if (clash) {
    throw new UsageError(`the replay's results folder ${resultsDir} would overwrite the original ${source.path}`, {
      hint: "--results-dir must be a folder outside the results being reproduced (by default: <PATH>-reproduced in the current folder)"
    });
  }
}
function isInside(path, folder) {
  const rel = relative2(folder, path);
  return rel === "" || !rel.startsWith(`..${sep2}`) && rel !== ".." && !rel.startsWith(sep2) && !/^[A-Za-z]:/.test(rel);
}
function readManifest(original) {
  const file = join4(original.dir, REPRODUCE_FILES.manifest);
  let manifest;
  try {
    manifest = JSON.parse(readFileSync3(file, "utf8"));
  } catch (err) {
    throw new UsageError(`${original.label}: ${REPRODUCE_FILES.manifest} is not valid JSON (${err.message})`, { hint: "the results are damaged; download the artifact again" });
  }
  if (typeof manifest.schema !== "number" || typeof manifest.seed !== "number" || typeof manifest.scenario !== "string" || typeof manifest.inputs !== "object") {
    throw new UsageError(`${original.label}: ${REPRODUCE_FILES.manifest} lacks schema, scenario, seed or inputs`, { hint: "the results are damaged; download the artifact again" });
  }
  for (const copy of [manifest.config?.copy, manifest.rulesFile?.copy]) {
    if (copy !== void 0 && !existsSync3(join4(original.dir, copy))) {
      throw new UsageError(`${original.label}: ${copy} is missing, though ${REPRODUCE_FILES.manifest} lists it`, { hint: "the results are incomplete; download the whole artifact again" });
    }
  }
  return manifest;
}
function withReplayHint(err, cwd) {
  if (!(err instanceof ConfigError)) return err;
  const hint = `qfi reproduce resolves the run's relative paths against the current folder (${resolve2(cwd)}), as CI did in its workspace: run it from the top of your checkout of the project, at the commit the run was made from`;
  return new ConfigError(err.message, { ...err.location ? { location: err.location } : {}, hint: err.hint ? `${err.hint}
hint: ${hint}` : hint, cause: err });
}

// src/parse/parse-logs.ts
import { existsSync as existsSync4, readFileSync as readFileSync4, statSync as statSync2, writeFileSync as writeFileSync3 } from "node:fs";
import { basename as basename2, dirname as dirname3, join as join5, relative as relative3, resolve as resolve3 } from "node:path";

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
        return Array.from({ length: test.counts.crashed }, (_, i) => ({ name: [...path.slice(0, -1), `(no result for test ${first + i}${of ? ` of ${of}` : ""})`].join("."), status: test.status }));
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
  const parts = [["passed", c.passed], ["failed", c.failed], ["crashed", c.crashed], ["skipped", c.skipped], ["errors", c.errors]].filter(([, n]) => n).map(([what, n]) => `${what}: ${n}`);
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
  if (basename2(consoleLog) !== "console.log") return void 0;
  const summary = join5(dirname3(consoleLog), "summary.json");
  if (!existsSync4(summary)) return void 0;
  try {
    const json = JSON.parse(readFileSync4(summary, "utf8"));
    if (typeof json.scenario !== "string") return void 0;
    return { scenario: json.scenario, location: json.ktap?.caseLocation ?? {} };
  } catch {
    return void 0;
  }
}
function shownPath(file, cwd) {
  const rel = relative3(cwd, resolve3(cwd, file));
  return rel && !rel.startsWith("..") ? rel : resolve3(cwd, file);
}
function fileScenario(file) {
  return file === "-" ? "stdin" : basename2(file).replace(/\.[^.]*$/, "") || basename2(file);
}
function readOne(file, cwd, readStdin) {
  if (file === "-") return parseKtap(readStdin(), "stdin");
  const path = resolve3(cwd, file);
  let st;
  try {
    st = statSync2(path);
  } catch {
    throw new UsageError(`log file ${file} does not exist`, { hint: "qfi parse LOG\u2026 reads console logs or KTAP/TAP files; give - to read standard input" });
  }
  if (!st.isFile()) throw new UsageError(`log file ${file} is not a regular file`, { hint: "to parse a stream, pipe it: \u2026 | qfi parse -" });
  return readKtapFile(path, runContext(path) ? "console" : shownPath(file, cwd));
}
function parseLogs(opts) {
  if (opts.files.length === 0) throw new UsageError("qfi parse needs at least one log", { hint: "qfi parse console.log [--json] [--junit junit.xml]; - reads standard input" });
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
      const context = file === "-" ? void 0 : runContext(resolve3(opts.cwd, file));
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
    const target = resolve3(opts.cwd, opts.junit);
    try {
      writeFileSync3(target, renderJUnit("qfi parse", suites));
    } catch (err) {
      throw new InfraError(`could not write --junit ${opts.junit}: ${err.message}`, { hint: "give a path in a folder that exists and is writable" });
    }
  }
  return { code: allPassed ? ExitCode.pass : ExitCode.testFailed, lines, reports };
}

// src/adapters/cli/parse-args.ts
import { parseArgs } from "node:util";
var COMMANDS = ["run", "plan", "campaign", "merge", "qtest", "reproduce", "parse"];
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
  const positionals = parsed.tokens.flatMap((token) => token.kind === "positional" && (separator === void 0 || token.index < separator) ? [token.value] : []);
  const qemuArgs = separator === void 0 ? void 0 : checkQemuArgs(argv.slice(separator + 1));
  if (values.version) return { kind: "version" };
  if (values.help || positionals[0] === "help") return { kind: "help" };
  const [command, ...rest] = positionals;
  if (command === void 0) return { kind: "help" };
  if (!COMMANDS.includes(command)) throw new UsageError(`unknown command "${command}"`, { hint: "the commands are: qfi run, qfi plan, qfi campaign, qfi merge DIR\u2026, qfi qtest SCRIPT\u2026, qfi reproduce PATH, qfi parse LOG\u2026, qfi help" });
  if (command === "parse") throw new UsageError("qfi parse comes first: its flags are its own", { hint: "qfi parse LOG\u2026 [--json] [--junit PATH] [--name NAME]" });
  const output = { quiet: values.quiet === true, summarizeLog: values["summarize-log"] === true };
  if (command === "reproduce") return reproduceCommand(rest, values, qemuArgs, output);
  const kind = command;
  if (rest.length && kind !== "merge" && kind !== "qtest") throw new UsageError(`unexpected argument "${rest[0]}"`, { hint: `flags take the form --name value; quote a value with spaces; QEMU arguments go after a bare \`${QEMU_ARGS_SEPARATOR}\`` });
  if (kind === "merge" && qemuArgs !== void 0) {
    throw new UsageError(`qfi merge runs no QEMU, so it takes no QEMU arguments after \`${QEMU_ARGS_SEPARATOR}\``, { hint: `drop \`${QEMU_ARGS_SEPARATOR}\` and what follows it: qfi merge DIR\u2026 [flags] merges the results folders it is given` });
  }
  if (kind === "plan" && output.summarizeLog) {
    throw new UsageError("qfi plan has no summary to print: its stdout is the matrix JSON alone", { hint: "drop --summarize-log here; qfi campaign and qfi merge print the campaign's summary with it" });
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
      throw new UsageError(`QEMU argument ${JSON.stringify(arg)} after \`${QEMU_ARGS_SEPARATOR}\` cannot be passed on as it is: qfi passes each one without blanks around it and without newlines`, {
        hint: "drop the blanks or newlines; an argument that needs them goes in qfi.toml as an item of `qemu.extra_args = [...]`, which QEMU gets exactly as written"
      });
    }
  }
  return args;
}
function parseCommand(argv) {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: parseOptions, allowPositionals: true, strict: true });
  } catch (err) {
    throw new UsageError(err.message.replace(/\. To specify a positional argument.*$/s, ""), { hint: "qfi parse LOG\u2026 [--json] [--junit PATH] [--name NAME]; run `qfi help` for more" });
  }
  const { values, positionals } = parsed;
  if (values.help) return { kind: "help" };
  if (positionals.length === 0) throw new UsageError("qfi parse needs at least one log", { hint: "qfi parse console.log [--json] [--junit junit.xml]; - reads standard input" });
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
  const rows = INPUTS.filter((i) => !("cli" in i && i.cli === false)).map((i) => `  --${i.name.padEnd(width)}${i.description}${i.default ? ` [default: ${i.default}]` : ""}`);
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

// src/adapters/cli/print-summary.ts
import { readFileSync as readFileSync5 } from "node:fs";
function printSummary(file, log) {
  let text;
  try {
    text = readFileSync5(file, "utf8");
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
  const host = localHost();
  try {
    const options = { inputs: command.inputs, cwd: process.cwd(), signal: controller.signal };
    let finished;
    if (command.kind === "run") finished = await runOne({ ...options, echoConsole: !command.quiet }, host);
    else if (command.kind === "reproduce") finished = await reproduceOne(command, options, host);
    else if (command.kind === "plan") finished = await planOnly(options, host);
    else if (command.kind === "qtest") finished = await qtestOnly(options, host);
    else finished = await campaignOrMerge(command.kind, options, host);
    if (command.summarizeLog && finished.summary) printSummary(finished.summary, host.log);
    if (interruptedBy) return signalExit[interruptedBy] ?? ExitCode.infra;
    return finished.code;
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
function parseOnly(command) {
  try {
    const outcome = parseLogs({ ...command, cwd: process.cwd(), readStdin: () => readFileSync6(0, "utf8") });
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
async function runOne(options, host) {
  const { config, run, reports } = await runPipeline(options, host);
  const dir = relative4(process.cwd(), config.report.dir) || ".";
  process.stdout.write(`${verdictLine("qfi", run)}
`);
  process.stdout.write(`results: ${dir}/ \u2014 ${relative4(config.report.dir, reports.junit)}, console.log, summary.md, reproducer.sh
`);
  return { code: exitCodeForVerdict(run.verdict, config.report.failOnVerdict), summary: reports.summaryMarkdown };
}
function verdictLine(prefix, run) {
  const r = run.record;
  const times = [r.bootMs !== void 0 ? `boot ${(r.bootMs / 1e3).toFixed(2)} s` : "", r.testMs !== void 0 ? `test ${(r.testMs / 1e3).toFixed(2)} s` : "", `wall ${(r.wallMs / 1e3).toFixed(2)} s`].filter(Boolean).join(", ");
  return `${prefix}: ${run.verdict} \u2014 ${run.reason} (${times})`;
}
async function reproduceOne(command, options, host) {
  const result = await reproduceRun({ path: command.path, scenario: command.scenario, overrides: command.inputs, cwd: options.cwd, signal: options.signal, echoConsole: !command.quiet }, host);
  const { config, run } = result.rerun;
  for (const warning of result.warnings) host.log.warn(warning);
  process.stdout.write(`${verdictLine("qfi reproduce: replay", run)}
`);
  for (const line of result.lines) process.stdout.write(`${line}
`);
  const dir = relative4(process.cwd(), config.report.dir) || ".";
  process.stdout.write(`results: ${dir}/ \u2014 ${relative4(config.report.dir, result.comparisonFile)}, junit.xml, console.log, summary.md${result.original.unpacked ? `, ${relative4(config.report.dir, result.original.dir)}/ (the run, unpacked from the zip)` : ""}
`);
  return { code: exitCodeForVerdict(run.verdict, config.report.failOnVerdict), summary: result.rerun.reports.summaryMarkdown };
}
async function planOnly(options, host) {
  const { plan, matrix } = await planCampaign(options, host);
  process.stdout.write(`${JSON.stringify(matrix)}
`);
  if (plan.probe && plan.probe.verdict !== "pass") {
    process.stderr.write(`qfi: the probe run without faults did not pass (${plan.probe.verdict}: ${plan.probe.reason}); make the test pass without faults first
`);
    return { code: exitCodeForVerdict(plan.probe.verdict, true) };
  }
  return { code: ExitCode.pass };
}
async function qtestOnly(options, host) {
  const { config, outcome, reports } = await runQtestPipeline(options, host);
  const dir = relative4(process.cwd(), config.report.dir) || ".";
  process.stdout.write(`qfi qtest: ${outcome.verdict} \u2014 ${outcome.reason}
`);
  process.stdout.write(`results: ${dir}/ \u2014 ${relative4(config.report.dir, reports.junit)}, summary.md, qtest-*.log
`);
  return { code: exitCodeForVerdict(outcome.verdict, config.report.failOnVerdict), summary: reports.summaryMarkdown };
}
async function campaignOrMerge(kind, options, host) {
  const { config, report, files } = kind === "campaign" ? await runCampaign(options, host) : await mergeCampaigns(options, host);
  const dir = relative4(process.cwd(), config.report.dir) || ".";
  process.stdout.write(`qfi ${kind}: ${report.verdict} \u2014 ${report.reason}
`);
  process.stdout.write(`results: ${dir}/ \u2014 ${relative4(config.report.dir, files.junit)}, campaign.json, summary.md, scenarios/
`);
  return { code: exitCodeForVerdict(report.verdict, config.report.failOnVerdict), summary: files.markdown };
}

// src/entry/cli.ts
process.exitCode = await runCli(process.argv.slice(2), qfiVersion);
