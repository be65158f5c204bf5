import { createRequire as __qfiCreateRequire } from 'node:module'; const require = __qfiCreateRequire(import.meta.url);
import {
  runPost
} from "./chunks/chunk-RILTKUXG.js";
import "./chunks/chunk-KHWDS2YJ.js";

// src/entry/post.ts
await runPost();
