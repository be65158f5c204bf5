import { createRequire as __qfiCreateRequire } from 'node:module'; const require = __qfiCreateRequire(import.meta.url);
import {
  runPost
} from "./chunks/chunk-TL6CSTVL.js";
import "./chunks/chunk-OB532DFH.js";

// src/entry/post.ts
await runPost();
