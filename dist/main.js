import { createRequire as __qfiCreateRequire } from 'node:module'; const require = __qfiCreateRequire(import.meta.url);
import {
  runAction
} from "./chunks/chunk-R4XXOIRO.js";
import "./chunks/chunk-4VSA4AHE.js";

// src/entry/main.ts
await runAction();
