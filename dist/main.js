import { createRequire as __qfiCreateRequire } from 'node:module'; const require = __qfiCreateRequire(import.meta.url);
import {
  runAction
} from "./chunks/chunk-RILTKUXG.js";
import "./chunks/chunk-KHWDS2YJ.js";

// src/entry/main.ts
await runAction();
