import { createRequire as __qfiCreateRequire } from 'node:module'; const require = __qfiCreateRequire(import.meta.url);
import {
  runPost
} from "./chunks/chunk-ARSBFNVL.js";
import "./chunks/chunk-N7VAKNZF.js";

// src/entry/post.ts
await runPost();
