import { createRequire as __qfiCreateRequire } from 'node:module'; const require = __qfiCreateRequire(import.meta.url);
import {
  actionHost,
  uploadResults
} from "./chunks/chunk-WX6GQ675.js";

// src/adapters/action/post.ts
import * as core from "@actions/core";
async function run() {
  try {
    const dir = core.getState("results-dir" /* ResultsDir */);
    const uploaded = core.getState("uploaded" /* Uploaded */);
    if (!dir) core.info("qfi post: nothing to upload (the main step stopped before it had a results folder)");
    else if (core.getState("upload-enabled" /* UploadEnabled */) === "false") core.info("qfi post: nothing to upload (upload-artifacts is false)");
    else if (uploaded === "true") core.info("qfi post: the main step uploaded the results");
    else if (uploaded === "false") core.info("qfi post: the main step could not upload the results (see its warning); not trying again");
    else {
      core.info("qfi post: the main step did not upload the results (cancelled or failed); uploading them now");
      await uploadResults(dir, core.getState("artifact-name" /* ArtifactName */) || "qfi-results", actionHost().log);
    }
  } catch (err) {
    core.warning(`qfi post: ${err.message}`);
  }
}
export {
  run
};
