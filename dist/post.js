import { createRequire as __qfiCreateRequire } from 'node:module'; const require = __qfiCreateRequire(import.meta.url);
import {
  runPost
} from "./chunks/chunk-YQNTUZUK.js";
import "./chunks/chunk-7BWATG24.js";

// src/entry/post.ts
await runPost();
