import { createRequire as __qfiCreateRequire } from 'node:module'; const require = __qfiCreateRequire(import.meta.url);
import {
  runPost
} from "./chunks/chunk-4E5EWYVB.js";
import "./chunks/chunk-OJFZV55M.js";

// src/entry/post.ts
await runPost();
