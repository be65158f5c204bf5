import { createRequire as __qfiCreateRequire } from 'node:module'; const require = __qfiCreateRequire(import.meta.url);
import {
  runAction
} from "./chunks/chunk-XR5WQ3VR.js";
import "./chunks/chunk-F4SIPJBH.js";

// src/entry/main.ts
await runAction();
