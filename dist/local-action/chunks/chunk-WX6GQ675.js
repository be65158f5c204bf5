import { createRequire as __qfiCreateRequire } from 'node:module'; const require = __qfiCreateRequire(import.meta.url);
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __require = /* @__PURE__ */ ((x) => typeof require !== "undefined" ? require : typeof Proxy !== "undefined" ? new Proxy(x, {
  get: (a, b) => (typeof require !== "undefined" ? require : a)[b]
}) : x)(function(x) {
  if (typeof require !== "undefined") return require.apply(this, arguments);
  throw Error('Dynamic require of "' + x + '" is not supported');
});
var __commonJS = (cb, mod) => function __require2() {
  try {
    return mod || (0, cb[__getOwnPropNames(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports;
  } catch (e) {
    throw mod = 0, e;
  }
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));

// src/adapters/action/action-host.ts
import * as core from "@actions/core";

// src/core/cache-dir.ts
import { homedir } from "node:os";
import { join } from "node:path";
function localCacheDir(env = process.env) {
  return join(env.XDG_CACHE_HOME || join(homedir(), ".cache"), "qfi");
}

// src/adapters/action/actions-cache.ts
import * as cache from "@actions/cache";
function cacheAvailable(env = process.env) {
  if (typeof cache.isFeatureAvailable === "function") return cache.isFeatureAvailable();
  return Boolean(env.LOCAL_ACTION_CACHE_PATH && env.LOCAL_ACTION_WORKSPACE);
}
var actionsRemoteCache = {
  async restore(key, dir) {
    if (!cacheAvailable()) return false;
    return await cache.restoreCache([dir], key, []) === key;
  },
  async save(key, dir) {
    if (!cacheAvailable()) return;
    await cache.saveCache([dir], key);
  }
};

// src/adapters/action/action-host.ts
var openGroups = 0;
var actionsLogger = {
  info: (m) => core.info(m),
  warn: (m) => core.warning(m),
  error: (m) => core.error(m),
  debug: (m) => core.debug(m),
  async group(title, fn) {
    if (openGroups > 0) {
      core.info(`\u25B8 ${title}`);
      return fn();
    }
    openGroups++;
    try {
      return await core.group(title, fn);
    } finally {
      openGroups--;
    }
  }
};
function actionHost() {
  return { log: actionsLogger, cacheDir: localCacheDir(), remoteCache: actionsRemoteCache };
}

// src/adapters/action/artifacts.ts
import { DefaultArtifactClient } from "@actions/artifact";
import { existsSync, mkdirSync, readdirSync, statSync } from "node:fs";
import { join as join2 } from "node:path";
import { randomBytes } from "node:crypto";
var badNameChars = /["<>|*?\\/:\r\n]/g;
function toArtifactName(name) {
  return name.replace(badNameChars, "-").slice(0, 200);
}
function defaultArtifactName(scenario, env = process.env) {
  const parts = scenario === "qfi" ? ["qfi"] : ["qfi", scenario];
  return toArtifactName([...parts, env.GITHUB_JOB].filter(Boolean).join("-"));
}
function listFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join2(dir, entry.name);
    if (entry.isDirectory()) return listFiles(path);
    return entry.isFile() && statSync(path).isFile() ? [path] : [];
  });
}
function artifactServiceProblem(env = process.env) {
  if (env.ACTIONS_RUNTIME_TOKEN || env.LOCAL_ACTION_ARTIFACT_PATH || env.LOCAL_ACTION_WORKSPACE) return void 0;
  return "no artifact service here (ACTIONS_RUNTIME_TOKEN is not set: this is not a GitHub Actions runner step; under @github/local-action, set LOCAL_ACTION_WORKSPACE and LOCAL_ACTION_ARTIFACT_PATH in the .env file to get the artifact as a zip in that folder)";
}
async function uploadResults(dir, name, log, env = process.env) {
  if (!existsSync(dir)) {
    log.warn(`no results folder at ${dir}; nothing to upload`);
    return false;
  }
  const files = listFiles(dir);
  if (!files.length) return false;
  const problem = artifactServiceProblem(env);
  if (problem) {
    log.warn(`could not upload the results as artifact ${name}: ${problem}; the results stay in ${dir}`);
    return false;
  }
  const localFolder = env.ACTIONS_RUNTIME_TOKEN ? void 0 : env.LOCAL_ACTION_ARTIFACT_PATH;
  const client = new DefaultArtifactClient();
  for (const candidate of [name, `${name}-${randomBytes(3).toString("hex")}`]) {
    try {
      if (localFolder) mkdirSync(localFolder, { recursive: true });
      const { id, size } = await client.uploadArtifact(candidate, files, dir);
      const where = localFolder ? `, written to ${join2(localFolder, `${candidate}.zip`)}` : "";
      log.info(`uploaded artifact ${candidate} (${files.length} files, ${size ?? "?"} bytes, id ${id ?? "?"}${where})`);
      return true;
    } catch (err) {
      const message = err.message;
      if (candidate === name && /already exists|conflict|409/i.test(message)) continue;
      log.warn(`could not upload the results as artifact ${candidate}: ${message}`);
      return false;
    }
  }
  return false;
}

export {
  __require,
  __commonJS,
  __toESM,
  actionHost,
  toArtifactName,
  defaultArtifactName,
  uploadResults
};
