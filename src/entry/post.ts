import { runPost } from '../adapters/action/run-action.js';

await runPost();
