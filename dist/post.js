import { createRequire as __qfiCreateRequire } from 'node:module'; const require = __qfiCreateRequire(import.meta.url);
import {
  runPost
} from "./chunks/chunk-6P4CUAJM.js";
import "./chunks/chunk-GS2LIIWK.js";

// src/entry/post.ts
await runPost();
