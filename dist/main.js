import { createRequire as __qfiCreateRequire } from 'node:module'; const require = __qfiCreateRequire(import.meta.url);
import {
  runAction
} from "./chunks/chunk-USJVSG5Z.js";
import "./chunks/chunk-VEI6N42Z.js";

// src/entry/main.ts
await runAction();
