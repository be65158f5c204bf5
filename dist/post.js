import { createRequire as __qfiCreateRequire } from 'node:module'; const require = __qfiCreateRequire(import.meta.url);
import {
  runPost
} from "./chunks/chunk-OUPTO27D.js";
import "./chunks/chunk-ERC7RQLJ.js";

// src/entry/post.ts
await runPost();
