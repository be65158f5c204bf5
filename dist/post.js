import { createRequire as __qfiCreateRequire } from 'node:module'; const require = __qfiCreateRequire(import.meta.url);
import {
  runPost
} from "./chunks/chunk-TRD5ZLDR.js";
import "./chunks/chunk-JRE55JZN.js";

// src/entry/post.ts
await runPost();
