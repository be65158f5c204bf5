import { createRequire as __qfiCreateRequire } from 'node:module'; const require = __qfiCreateRequire(import.meta.url);
import {
  runPost
} from "./chunks/chunk-J5V2AU2X.js";
import "./chunks/chunk-N3IJ6XJV.js";

// src/entry/post.ts
await runPost();
