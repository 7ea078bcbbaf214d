// The CPU time a synchronous call takes in this process, in milliseconds. The linear-time checks
// use it instead of wall time: other jobs on a busy machine delay the clock, not this process's CPU.
export function cpuTimed<T>(run: () => T): { value: T; ms: number } {
  const before = process.cpuUsage();
  const value = run();
  const spent = process.cpuUsage(before);
  return { value, ms: (spent.user + spent.system) / 1000 };
}
