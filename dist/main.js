import { createRequire as __qfiCreateRequire } from 'node:module'; const require = __qfiCreateRequire(import.meta.url);
import {
  runAction
} from "./chunks/chunk-TRD5ZLDR.js";
import "./chunks/chunk-JRE55JZN.js";

// src/entry/main.ts
await runAction();
