import { createRequire as __qfiCreateRequire } from 'node:module'; const require = __qfiCreateRequire(import.meta.url);
import {
  runAction
} from "./chunks/chunk-42E4JX4T.js";
import "./chunks/chunk-3G2RQSCJ.js";

// src/entry/main.ts
await runAction();
