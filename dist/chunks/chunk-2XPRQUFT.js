import { createRequire as __qfiCreateRequire } from 'node:module'; const require = __qfiCreateRequire(import.meta.url);

// src/core/cache-dir.ts
import { homedir } from "node:os";
import { join } from "node:path";
function localCacheDir(env = process.env) {
  return join(env.XDG_CACHE_HOME || join(homedir(), ".cache"), "qfi");
}

export {
  localCacheDir
};
