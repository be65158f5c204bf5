import { createRequire as __qfiCreateRequire } from 'node:module'; const require = __qfiCreateRequire(import.meta.url);
import {
  runAction
} from "./chunks/chunk-BHC7SGZ2.js";
import "./chunks/chunk-CTGKBO67.js";

// src/entry/main.ts
await runAction();
