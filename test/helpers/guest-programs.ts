import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

/**
 * Static test programs for the built-in guest: each C file under test/fixtures/guests is compiled
 * with gcc -static, and handed to qfi's `files` input as /root/<name>.
 */
export function guestProgramFiles(sources: string[]): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'qfi-guest-programs-'));
  return sources.map((source) => {
    const name = basename(source, '.c');
    const program = join(dir, name);
    execFileSync('gcc', ['-static', '-O2', '-Wall', '-Wextra', '-Werror', '-o', program, new URL(`../fixtures/guests/${source}`, import.meta.url).pathname]);
    return `path=${program} dest=/root/${name} mode=0755`;
  });
}
