import { createRequire as __qfiCreateRequire } from 'node:module'; const require = __qfiCreateRequire(import.meta.url);
import {
  runAction
} from "./chunks/chunk-YQNTUZUK.js";
import "./chunks/chunk-7BWATG24.js";

// src/entry/main.ts
await runAction();
