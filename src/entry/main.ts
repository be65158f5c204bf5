import { run } from '../adapters/action/main.js';

await run();
