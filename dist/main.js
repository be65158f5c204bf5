import { createRequire as __qfiCreateRequire } from 'node:module'; const require = __qfiCreateRequire(import.meta.url);
import {
  runAction
} from "./chunks/chunk-7E2P5YY5.js";
import "./chunks/chunk-WIIY4ZSV.js";

// src/entry/main.ts
await runAction();
