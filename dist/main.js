import { createRequire as __qfiCreateRequire } from 'node:module'; const require = __qfiCreateRequire(import.meta.url);
import {
  runAction
} from "./chunks/chunk-J5V2AU2X.js";
import "./chunks/chunk-N3IJ6XJV.js";

// src/entry/main.ts
await runAction();
