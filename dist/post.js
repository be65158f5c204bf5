import { createRequire as __qfiCreateRequire } from 'node:module'; const require = __qfiCreateRequire(import.meta.url);
import {
  runPost
} from "./chunks/chunk-CZF4O7QE.js";
import "./chunks/chunk-EKAEA6UI.js";

// src/entry/post.ts
await runPost();
