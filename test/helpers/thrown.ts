/** The error `fn` throws, which must be a `type`: another error fails the test as it is, none fails it here. */
export function thrownBy<T extends Error>(fn: () => unknown, type: abstract new (...args: never[]) => T): T {
  try {
    fn();
  } catch (err) {
    if (err instanceof type) return err;
    throw err;
  }
  throw new Error(`expected a ${type.name}`);
}
