import { createRequire as __qfiCreateRequire } from 'node:module'; const require = __qfiCreateRequire(import.meta.url);
import {
  runPost
} from "./chunks/chunk-RYYCFING.js";
import "./chunks/chunk-DSYARVYJ.js";

// src/entry/post.ts
await runPost();
