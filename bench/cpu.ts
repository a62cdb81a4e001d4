// CPU time from /proc: one process's, and the whole machine's.

/** Seconds of CPU (user + system) process `pid` has used so far, from /proc. */
export async function cpuSeconds(pid: number): Promise<number> {
  const stat = await Deno.readTextFile(`/proc/${pid}/stat`);
  // Fields after the command name, which may itself hold spaces: utime and stime are 14th and 15th.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
}

/** Seconds of CPU the whole machine has been busy and in all, summed over cores, from /proc/stat. */
export async function machineCpuSeconds(): Promise<{ busy: number; total: number }> {
  const [, ...ticks] = (await Deno.readTextFile("/proc/stat")).split("\n")[0]!.trim().split(/\s+/).map(
    Number,
  );
  const total = ticks.slice(0, 8).reduce((a, b) => a + b, 0);
  const idle = ticks[3]! + ticks[4]!; // idle + iowait
  return { busy: (total - idle) / CLOCK_TICKS, total: total / CLOCK_TICKS };
}

/** USER_HZ: Linux reports CPU time in 1/100 s on every architecture Deno runs on. */
const CLOCK_TICKS = 100;
