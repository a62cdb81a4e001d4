// Work that takes turns: at most so many jobs run at once, the others wait in order.

/** A runner of jobs, `atOnce` at a time, the next waiting starting as one ends. */
export function turns(atOnce: number): <T>(job: () => Promise<T>) => Promise<T> {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async (job) => {
    if (running < atOnce) running++;
    else await new Promise<void>((start) => waiting.push(start));
    try {
      return await job();
    } finally {
      // The turn passes to the next waiting, if any.
      const next = waiting.shift();
      if (next) next();
      else running--;
    }
  };
}
