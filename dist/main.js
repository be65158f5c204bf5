import { createRequire as __qfiCreateRequire } from 'node:module'; const require = __qfiCreateRequire(import.meta.url);
import {
  runAction
} from "./chunks/chunk-2DDSMIPL.js";
import "./chunks/chunk-ELZ7HBWV.js";

// src/entry/main.ts
await runAction();
