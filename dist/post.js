import { createRequire as __qfiCreateRequire } from 'node:module'; const require = __qfiCreateRequire(import.meta.url);
import {
  runPost
} from "./chunks/chunk-M27QH65C.js";
import "./chunks/chunk-4HHSHGP6.js";

// src/entry/post.ts
await runPost();
