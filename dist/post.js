import { createRequire as __qfiCreateRequire } from 'node:module'; const require = __qfiCreateRequire(import.meta.url);
import {
  runPost
} from "./chunks/chunk-DIRJHDJP.js";
import "./chunks/chunk-R4QDGHI5.js";

// src/entry/post.ts
await runPost();
