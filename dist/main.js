import { createRequire as __qfiCreateRequire } from 'node:module'; const require = __qfiCreateRequire(import.meta.url);
import {
  runAction
} from "./chunks/chunk-2E34MU6P.js";
import "./chunks/chunk-OB532DFH.js";

// src/entry/main.ts
await runAction();
