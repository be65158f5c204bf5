import { createRequire as __qfiCreateRequire } from 'node:module'; const require = __qfiCreateRequire(import.meta.url);
import {
  runAction
} from "./chunks/chunk-LQ2RQZ5N.js";
import "./chunks/chunk-LRW7D7ZE.js";

// src/entry/main.ts
await runAction();
