import { createRequire as __qfiCreateRequire } from 'node:module'; const require = __qfiCreateRequire(import.meta.url);
import {
  runAction
} from "./chunks/chunk-CWRYH4ZO.js";
import "./chunks/chunk-ICMK2XR4.js";

// src/entry/main.ts
await runAction();
