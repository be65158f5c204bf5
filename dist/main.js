import { createRequire as __qfiCreateRequire } from 'node:module'; const require = __qfiCreateRequire(import.meta.url);
import {
  runAction
} from "./chunks/chunk-TL6CSTVL.js";
import "./chunks/chunk-OB532DFH.js";

// src/entry/main.ts
await runAction();
