import { createRequire as __qfiCreateRequire } from 'node:module'; const require = __qfiCreateRequire(import.meta.url);
import {
  runPost
} from "./chunks/chunk-SWKAQ4GR.js";
import "./chunks/chunk-AIEQZNE3.js";

// src/entry/post.ts
await runPost();
