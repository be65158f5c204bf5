/**
 * Guest memory the host can give: QEMU allocates guest RAM in one mapping, and Linux's default
 * overcommit heuristic refuses a mapping larger than RAM + swap (QEMU then stops with `cannot set
 * up guest memory 'pc.ram': Cannot allocate memory`). Caught here, it is the user's setting, not
 * a broken machine.
 */
import { readFileSync } from 'node:fs';
import { totalmem } from 'node:os';
import { ConfigError } from '../core/errors.js';
import { formatBytes } from '../core/input-file.js';
import { memoryBytes } from '../plan/make-plan.js';

export function checkMemoryFitsHost(memory: string, host: { ramBytes: number; swapBytes: number } = hostMemory()): void {
  const want = memoryBytes(memory);
  const have = host.ramBytes + host.swapBytes;
  if (want <= BigInt(have)) return;
  throw new ConfigError(
    `memory ${memory} is more than this machine has (${formatBytes(host.ramBytes)} RAM + ${formatBytes(host.swapBytes)} swap): QEMU could not allocate it`,
    { location: { input: 'memory' }, hint: `give at most ${Math.floor(have / 1024 ** 2)}M; the default 256M suits the built-in guest` },
  );
}

function hostMemory(): { ramBytes: number; swapBytes: number } {
  let swapBytes = 0;
  try {
    const kib = /^SwapTotal:\s+(\d+) kB/m.exec(readFileSync('/proc/meminfo', 'utf8'))?.[1];
    if (kib) swapBytes = Number(kib) * 1024;
  } catch {
    // no /proc/meminfo (not Linux): RAM alone
  }
  return { ramBytes: totalmem(), swapBytes };
}
