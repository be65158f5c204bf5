import { createRequire as __qfiCreateRequire } from 'node:module'; const require = __qfiCreateRequire(import.meta.url);
import {
  runPost
} from "./chunks/chunk-3WJQ3QPB.js";
import "./chunks/chunk-6M7IT53L.js";

// src/entry/post.ts
await runPost();
