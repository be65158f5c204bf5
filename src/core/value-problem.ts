/**
 * What is wrong with a value a user typed, and how to fix it; the caller knows where the
 * value came from and turns it into a located ConfigError. Config values and rule parameters
 * (durations) throw it.
 */
export class ValueProblem extends Error {
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'ValueProblem';
  }
}
