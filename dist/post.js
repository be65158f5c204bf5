import { createRequire as __qfiCreateRequire } from 'node:module'; const require = __qfiCreateRequire(import.meta.url);
import {
  runPost
} from "./chunks/chunk-BRUPDTQG.js";
import "./chunks/chunk-5MBMROLK.js";

// src/entry/post.ts
await runPost();
