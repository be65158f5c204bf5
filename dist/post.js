import { createRequire as __qfiCreateRequire } from 'node:module'; const require = __qfiCreateRequire(import.meta.url);
import {
  runPost
} from "./chunks/chunk-USJVSG5Z.js";
import "./chunks/chunk-VEI6N42Z.js";

// src/entry/post.ts
await runPost();
