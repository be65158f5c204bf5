import { createRequire as __qfiCreateRequire } from 'node:module'; const require = __qfiCreateRequire(import.meta.url);
import {
  runAction
} from "./chunks/chunk-RYYCFING.js";
import "./chunks/chunk-DSYARVYJ.js";

// src/entry/main.ts
await runAction();
