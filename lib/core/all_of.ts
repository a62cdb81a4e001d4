/** Waits for every promise of the object at once: the object of what each gave, by the same names. */
export async function allOf<T extends Record<string, unknown>>(
  promises: T,
): Promise<{ [K in keyof T]: Awaited<T[K]> }> {
  const entries = Object.entries(promises);
  const values = await Promise.all(entries.map(([, promise]) => promise));
  return Object.fromEntries(entries.map(([name], i) => [name, values[i]])) as {
    [K in keyof T]: Awaited<T[K]>;
  };
}
