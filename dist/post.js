import { createRequire as __qfiCreateRequire } from 'node:module'; const require = __qfiCreateRequire(import.meta.url);
import {
  actionHost,
  getState,
  info,
  uploadResults,
  warning
} from "./chunks/chunk-HGN6JVXV.js";
import "./chunks/chunk-2XPRQUFT.js";
import "./chunks/chunk-E3KAXV6J.js";

// src/adapters/action/post.ts
async function run() {
  try {
    const dir = getState("results-dir" /* ResultsDir */);
    const uploaded = getState("uploaded" /* Uploaded */);
    if (!dir) info("qfi post: nothing to upload (the main step stopped before it had a results folder)");
    else if (getState("upload-enabled" /* UploadEnabled */) === "false") info("qfi post: nothing to upload (upload-artifacts is false)");
    else if (uploaded === "true") info("qfi post: the main step uploaded the results");
    else if (uploaded === "false") info("qfi post: the main step could not upload the results (see its warning); not trying again");
    else {
      info("qfi post: the main step did not upload the results (cancelled or failed); uploading them now");
      await uploadResults(dir, getState("artifact-name" /* ArtifactName */) || "qfi-results", actionHost().log);
    }
  } catch (err) {
    warning(`qfi post: ${err.message}`);
  }
}

// src/entry/post.ts
await run();
