import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { silentLogger } from '../../src/core/host.js';
import { localCacheDir } from '../../src/core/cache-dir.js';
import { writeCpioNewc, type CpioEntry } from '../../src/provision/guest/cpio-newc.js';
import { ensureBuiltinGuest } from '../../src/provision/guest/index.js';

/**
 * The built-in guest with extra static test programs in /root: each C file under
 * test/fixtures/guests is compiled with gcc -static and appended as a second cpio archive
 * (the kernel unpacks concatenated archives in order).
 */
export async function builtinGuestWithPrograms(sources: string[]): Promise<{ kernel: string; initrd: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'qfi-guest-programs-'));
  const entries: CpioEntry[] = [{ type: 'dir', path: 'root', mode: 0o700 }];
  for (const source of sources) {
    const name = basename(source, '.c');
    const program = join(dir, name);
    execFileSync('gcc', ['-static', '-O2', '-Wall', '-Wextra', '-Werror', '-o', program, new URL(`../fixtures/guests/${source}`, import.meta.url).pathname]);
    entries.push({ type: 'file', path: `root/${name}`, mode: 0o755, data: readFileSync(program) });
  }
  const guest = await ensureBuiltinGuest({ cacheDir: localCacheDir(), log: silentLogger });
  const initrd = join(dir, 'initrd.cpio.gz');
  writeFileSync(initrd, Buffer.concat([readFileSync(guest.initrd), gzipSync(writeCpioNewc(entries))]));
  return { kernel: guest.kernel, initrd };
}
