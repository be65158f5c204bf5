import { createRequire as __qfiCreateRequire } from 'node:module'; const require = __qfiCreateRequire(import.meta.url);
import {
  runAction
} from "./chunks/chunk-32R7LBBN.js";
import "./chunks/chunk-VRGXREWT.js";

// src/entry/main.ts
await runAction();
