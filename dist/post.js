import { createRequire as __qfiCreateRequire } from 'node:module'; const require = __qfiCreateRequire(import.meta.url);
import {
  runPost
} from "./chunks/chunk-BHC7SGZ2.js";
import "./chunks/chunk-CTGKBO67.js";

// src/entry/post.ts
await runPost();
