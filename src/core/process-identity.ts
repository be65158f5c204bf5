/**
 * A process known by its pid and its start time (field 22 of /proc/PID/stat, in clock ticks
 * since boot): a pid alone may be reused by an unrelated process once its owner is gone, the
 * pair is not. Where there is no /proc the start is empty and the pid alone is compared.
 */
import { readFileSync } from 'node:fs';

export interface ProcessIdentity {
  pid: number;
  start: string;
}

/** The start time of `pid`, '' where /proc cannot tell, undefined when there is no such process. */
export function processStart(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and parentheses: count from its last `)`.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return fields[19] ?? '';
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return existsByKill(pid) ? '' : undefined;
    return '';
  }
}

function existsByKill(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function identityOf(pid: number): ProcessIdentity | undefined {
  const start = processStart(pid);
  return start === undefined ? undefined : { pid, start };
}

let self: ProcessIdentity | undefined;
export function selfIdentity(): ProcessIdentity {
  return (self ??= identityOf(process.pid) ?? { pid: process.pid, start: '' });
}

/** Whether the process is still the one that was recorded (not gone, not a reused pid). */
export function isRunning(id: ProcessIdentity): boolean {
  const start = processStart(id.pid);
  return start !== undefined && (id.start === '' || start === '' || start === id.start);
}

/** `PID.START` (or `PID` alone), as it appears in the names of a process's temporary folders. */
export function ownerTag(id: ProcessIdentity = selfIdentity()): string {
  return id.start ? `${id.pid}.${id.start}` : String(id.pid);
}

export function parseOwnerTag(text: string): ProcessIdentity | undefined {
  const m = /^(\d+)(?:\.(\d+))?$/.exec(text);
  return m ? { pid: Number(m[1]), start: m[2] ?? '' } : undefined;
}
