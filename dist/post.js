import { createRequire as __qfiCreateRequire } from 'node:module'; const require = __qfiCreateRequire(import.meta.url);
import {
  runPost
} from "./chunks/chunk-7CNNJ3I6.js";
import "./chunks/chunk-XBGY6GQP.js";

// src/entry/post.ts
await runPost();
