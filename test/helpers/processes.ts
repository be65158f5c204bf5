/** Safety net for tests that spawn QEMU themselves: kill whatever is still running, by PID. */
export function killAll(pids: Iterable<number>): void {
  for (const pid of pids) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}
