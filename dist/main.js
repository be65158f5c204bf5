import { createRequire as __qfiCreateRequire } from 'node:module'; const require = __qfiCreateRequire(import.meta.url);
import {
  runAction
} from "./chunks/chunk-VNNRS57Q.js";
import "./chunks/chunk-6GGH3WDZ.js";

// src/entry/main.ts
await runAction();
