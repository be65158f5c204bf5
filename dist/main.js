import { createRequire as __qfiCreateRequire } from 'node:module'; const require = __qfiCreateRequire(import.meta.url);
import {
  runAction
} from "./chunks/chunk-SWKAQ4GR.js";
import "./chunks/chunk-AIEQZNE3.js";

// src/entry/main.ts
await runAction();
