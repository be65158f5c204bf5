import { createRequire as __qfiCreateRequire } from 'node:module'; const require = __qfiCreateRequire(import.meta.url);
import {
  runPost
} from "./chunks/chunk-TS2BLLU7.js";
import "./chunks/chunk-GGT6NFFQ.js";

// src/entry/post.ts
await runPost();
