import { createRequire as __qfiCreateRequire } from 'node:module'; const require = __qfiCreateRequire(import.meta.url);
import {
  runAction
} from "./chunks/chunk-XRAVMTNM.js";
import "./chunks/chunk-Y3XVXWQG.js";

// src/entry/main.ts
await runAction();
