import { createRequire as __qfiCreateRequire } from 'node:module'; const require = __qfiCreateRequire(import.meta.url);
import {
  runAction
} from "./chunks/chunk-MPMZ2ZUP.js";
import "./chunks/chunk-RXW27ZER.js";

// src/entry/main.ts
await runAction();
