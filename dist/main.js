import { createRequire as __qfiCreateRequire } from 'node:module'; const require = __qfiCreateRequire(import.meta.url);
import {
  runAction
} from "./chunks/chunk-OJTBTPK7.js";
import "./chunks/chunk-WIIY4ZSV.js";

// src/entry/main.ts
await runAction();
