import { createRequire as __qfiCreateRequire } from 'node:module'; const require = __qfiCreateRequire(import.meta.url);
import {
  runAction
} from "./chunks/chunk-7BYIZYHY.js";
import "./chunks/chunk-BIIPSHPW.js";

// src/entry/main.ts
await runAction();
