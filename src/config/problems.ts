/**
 * Collecting every config problem before stopping, so a user fixes them all in one round
 * instead of one per run. Several problems become one ConfigError listing each with its
 * own location; the error's own location (and caret) is the first one's.
 */
import { ConfigError, formatLocation } from '../core/errors.js';

export class ProblemList {
  private readonly problems: ConfigError[] = [];

  add(problem: ConfigError): void {
    this.problems.push(problem);
  }

  /** Runs `fn`; a ConfigError it throws is recorded and `undefined` returned. */
  attempt<T>(fn: () => T): T | undefined {
    try {
      return fn();
    } catch (err) {
      if (!(err instanceof ConfigError)) throw err;
      this.add(err);
      return undefined;
    }
  }

  get size(): number {
    return this.problems.length;
  }

  /** Throws the collected problems as one ConfigError, if there are any. */
  throwIfAny(): void {
    const error = combineProblems(this.problems);
    if (error) throw error;
  }
}

export function combineProblems(problems: readonly ConfigError[]): ConfigError | undefined {
  if (problems.length <= 1) return problems[0];
  // File order reads best: same file by line and column, inputs after files.
  const sorted = [...problems].sort((a, b) => {
    const la = a.location ?? {};
    const lb = b.location ?? {};
    if ((la.file ?? '\uffff') !== (lb.file ?? '\uffff')) return (la.file ?? '\uffff') < (lb.file ?? '\uffff') ? -1 : 1;
    return (la.line ?? 0) - (lb.line ?? 0) || (la.column ?? 0) - (lb.column ?? 0);
  });
  const first = sorted[0] as ConfigError;
  const lines = sorted.map((p) => {
    const where = p.location ? formatLocation(p.location) : '';
    const item = `  ${where ? `${where}: ` : ''}${p.message}`;
    return p.hint ? `${item}\n      hint: ${p.hint}` : item;
  });
  return new ConfigError(`${sorted.length} problems in the configuration:\n${lines.join('\n')}`, {
    ...(first.location ? { location: first.location } : {}),
    ...(first.hint ? { hint: first.hint } : {}),
  });
}
