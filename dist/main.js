import { createRequire as __qfiCreateRequire } from 'node:module'; const require = __qfiCreateRequire(import.meta.url);
import {
  runAction
} from "./chunks/chunk-ZR2RPU5Z.js";
import "./chunks/chunk-4SEEAMIA.js";

// src/entry/main.ts
await runAction();
