import { createRequire as __qfiCreateRequire } from 'node:module'; const require = __qfiCreateRequire(import.meta.url);
import {
  runPost
} from "./chunks/chunk-TS36ZUIH.js";
import "./chunks/chunk-P4NBAIQ7.js";

// src/entry/post.ts
await runPost();
