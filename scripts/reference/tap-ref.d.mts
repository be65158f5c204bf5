/** Types of tap-ref.mjs for the tests that import it. */
export interface TapRefTest {
  name: string;
  ok: boolean;
  skip: string | boolean;
  todo: string | boolean;
  id: number;
  tapError?: string;
  diag?: unknown;
  subtest?: TapRefResult & { name: string };
}
export interface TapRefResult {
  ok: boolean;
  count: number;
  pass: number;
  fail: number;
  skip: number;
  todo: number;
  bailout: string | boolean;
  plan: { start: number; end: number; skipAll: boolean; comment: string };
  failures: unknown[];
  tests: TapRefTest[];
  unclosedSubtests?: unknown[];
}
export function readTap(text: string, opts?: { strict?: boolean }): Promise<TapRefResult>;
