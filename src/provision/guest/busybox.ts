/**
 * The guest's userland is one static busybox from the host (Debian/Ubuntu `busybox-static`).
 * It must be static: the initramfs has no C library or dynamic loader for it.
 */
import { readFile } from 'node:fs/promises';
import { InfraError } from '../../core/errors.js';
import { hasProgramInterpreter, isElf } from './elf.js';

export const BUSYBOX_CANDIDATES = ['/bin/busybox', '/usr/bin/busybox'];
const HINT = 'apt-get install busybox-static';

export interface StaticBusybox {
  path: string;
  bytes: Uint8Array;
}

export async function findStaticBusybox(candidates: readonly string[] = BUSYBOX_CANDIDATES): Promise<StaticBusybox> {
  const problems: string[] = [];
  for (const path of candidates) {
    let bytes: Buffer;
    try {
      bytes = await readFile(path);
    } catch {
      continue;
    }
    let problem: string | undefined;
    try {
      if (!isElf(bytes)) problem = 'is not an ELF executable';
      else if (hasProgramInterpreter(bytes)) problem = 'is dynamically linked';
    } catch (err) {
      problem = `is not a 64-bit ELF executable (${(err as Error).message})`;
    }
    if (problem === undefined) return { path, bytes };
    problems.push(`${path} ${problem}`);
  }
  const found = problems.length > 0 ? `: ${problems.join('; ')}` : ` (looked at ${candidates.join(', ')})`;
  throw new InfraError(`no static busybox for the guest${found}`, { hint: HINT });
}
