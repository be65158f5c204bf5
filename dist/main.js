import { createRequire as __qfiCreateRequire } from 'node:module'; const require = __qfiCreateRequire(import.meta.url);
import {
  runAction
} from "./chunks/chunk-M27QH65C.js";
import "./chunks/chunk-4HHSHGP6.js";

// src/entry/main.ts
await runAction();
