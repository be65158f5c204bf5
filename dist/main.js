import { createRequire as __qfiCreateRequire } from 'node:module'; const require = __qfiCreateRequire(import.meta.url);
import {
  runAction
} from "./chunks/chunk-3WJQ3QPB.js";
import "./chunks/chunk-6M7IT53L.js";

// src/entry/main.ts
await runAction();
