import { createRequire as __qfiCreateRequire } from 'node:module'; const require = __qfiCreateRequire(import.meta.url);
import {
  runPost
} from "./chunks/chunk-GWXESYUE.js";
import "./chunks/chunk-DVVO6GEJ.js";

// src/entry/post.ts
await runPost();
