import { createRequire as __qfiCreateRequire } from 'node:module'; const require = __qfiCreateRequire(import.meta.url);
import {
  runPost
} from "./chunks/chunk-42E4JX4T.js";
import "./chunks/chunk-3G2RQSCJ.js";

// src/entry/post.ts
await runPost();
