import { runAction } from '../adapters/action/run-action.js';

await runAction();
