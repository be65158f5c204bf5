import { createRequire as __qfiCreateRequire } from 'node:module'; const require = __qfiCreateRequire(import.meta.url);
import {
  runPost
} from "./chunks/chunk-2DDSMIPL.js";
import "./chunks/chunk-ELZ7HBWV.js";

// src/entry/post.ts
await runPost();
