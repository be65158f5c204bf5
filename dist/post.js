import { createRequire as __qfiCreateRequire } from 'node:module'; const require = __qfiCreateRequire(import.meta.url);
import {
  runPost
} from "./chunks/chunk-32R7LBBN.js";
import "./chunks/chunk-VRGXREWT.js";

// src/entry/post.ts
await runPost();
