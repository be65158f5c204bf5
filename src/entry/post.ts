import { run } from '../adapters/action/post.js';

await run();
