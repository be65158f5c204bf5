import { createRequire as __qfiCreateRequire } from 'node:module'; const require = __qfiCreateRequire(import.meta.url);
import {
  runPost
} from "./chunks/chunk-CWRYH4ZO.js";
import "./chunks/chunk-ICMK2XR4.js";

// src/entry/post.ts
await runPost();
