// Minimal assertions (no @std available) shared by this folder's tests.
export function assert(cond: unknown, msg = "assertion failed"): asserts cond {
  if (!cond) throw new Error(msg);
}

export function assertEquals(
  actual: unknown,
  expected: unknown,
  msg?: string,
): void {
  const a = JSON.stringify(actual), e = JSON.stringify(expected);
  if (a !== e) {
    throw new Error(
      `${msg ?? "not equal"}:\n  actual:   ${a}\n  expected: ${e}`,
    );
  }
}

export function assertThrows(fn: () => unknown, match: RegExp): void {
  try {
    fn();
  } catch (err) {
    assert(match.test(String(err)), `error ${err} does not match ${match}`);
    return;
  }
  throw new Error(`expected an error matching ${match}`);
}

export async function assertRejects(
  fn: () => Promise<unknown>,
  match: RegExp,
): Promise<unknown> {
  try {
    await fn();
  } catch (err) {
    assert(match.test(String(err)), `error ${err} does not match ${match}`);
    return err;
  }
  throw new Error(`expected a rejection matching ${match}`);
}

export const FIXTURE = new URL("./testdata/", import.meta.url);
