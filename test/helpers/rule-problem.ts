import { formatError } from '../../src/core/errors.js';
import { parseRule } from '../../src/rules/index.js';

/** The formatted error and caret column of a rule that must not parse. */
export function ruleProblem(text: string): { message: string; column: number } {
  try {
    parseRule(text, { input: 'faults', column: 1 });
  } catch (err) {
    return { message: formatError(err), column: (err as { location: { column: number } }).location.column };
  }
  throw new Error(`${text} parsed`);
}
