import { createRequire as __qfiCreateRequire } from 'node:module'; const require = __qfiCreateRequire(import.meta.url);
import {
  runAction
} from "./chunks/chunk-ARSBFNVL.js";
import "./chunks/chunk-N7VAKNZF.js";

// src/entry/main.ts
await runAction();
