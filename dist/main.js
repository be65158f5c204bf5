import { createRequire as __qfiCreateRequire } from 'node:module'; const require = __qfiCreateRequire(import.meta.url);
import {
  runAction
} from "./chunks/chunk-OUPTO27D.js";
import "./chunks/chunk-ERC7RQLJ.js";

// src/entry/main.ts
await runAction();
