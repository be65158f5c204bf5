import { createRequire as __qfiCreateRequire } from 'node:module'; const require = __qfiCreateRequire(import.meta.url);
import {
  runAction
} from "./chunks/chunk-GWXESYUE.js";
import "./chunks/chunk-DVVO6GEJ.js";

// src/entry/main.ts
await runAction();
