import { createRequire as __qfiCreateRequire } from 'node:module'; const require = __qfiCreateRequire(import.meta.url);
import {
  runPost
} from "./chunks/chunk-MPMZ2ZUP.js";
import "./chunks/chunk-RXW27ZER.js";

// src/entry/post.ts
await runPost();
