import { createRequire as __qfiCreateRequire } from 'node:module'; const require = __qfiCreateRequire(import.meta.url);
import {
  runPost
} from "./chunks/chunk-TWCNOLEO.js";
import "./chunks/chunk-PDP7ORX7.js";

// src/entry/post.ts
await runPost();
