// The assertions the tests use, named as in @std/assert (JSR is out of reach here),
// backed by node:assert's strict mode.
import nodeAssert from "node:assert/strict";

export function assert(value: unknown, message?: string): asserts value {
  nodeAssert.ok(value, message);
}

export function assertEquals<T>(actual: T, expected: T, message?: string): void {
  nodeAssert.deepStrictEqual(actual, expected, message);
}

export function assertMatch(actual: string, pattern: RegExp, message?: string): void {
  nodeAssert.match(actual, pattern, message);
}

export async function assertRejects(fn: () => Promise<unknown>, message?: string): Promise<Error> {
  try {
    await fn();
  } catch (error) {
    return error as Error;
  }
  throw new nodeAssert.AssertionError({ message: message ?? "Expected the promise to reject" });
}

export function assertThrows(fn: () => unknown, message?: string): Error {
  try {
    fn();
  } catch (error) {
    return error as Error;
  }
  throw new nodeAssert.AssertionError({ message: message ?? "Expected the function to throw" });
}
