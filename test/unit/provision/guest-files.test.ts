/**
 * `files` dependency resolution on real host programs, checked against the host's own ldd
 * (which runs the loader: the reference for what a program needs).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../../../src/core/errors.js';
import { guestFileEntries, resolveGuestFiles } from '../../../src/provision/guest/guest-files.js';
import { readElfDynamic } from '../../../src/provision/guest/elf-dynamic.js';

const dir = mkdtempSync(join(tmpdir(), 'qfi-guest-files-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** ldd's `name => /path (0x…)` and loader lines -> real paths of everything loaded. */
function lddPaths(program: string): string[] {
  const out = execFileSync('ldd', [program], { encoding: 'utf8' });
  return out
    .split('\n')
    .flatMap((line) => /(?:=>\s*)?(\/\S+)\s+\(0x/.exec(line)?.[1] ?? [])
    .map((p) => realpathSync(p))
    .sort();
}

describe('resolveGuestFiles', () => {
  for (const program of ['/usr/bin/xmllint', '/bin/ls']) {
    it(`brings exactly what ldd says ${program} loads`, () => {
      const placed = resolveGuestFiles([{ path: program, dest: '/usr/bin/tool', mode: undefined }], 'x86_64');
      expect(placed[0]).toMatchObject({ dest: '/usr/bin/tool', source: program, neededBy: undefined });
      const libs = placed.slice(1);
      expect(libs.map((f) => realpathSync(f.source)).sort()).toEqual(lddPaths(program));
      // The loader lands where the program's PT_INTERP names it.
      expect(libs.map((f) => f.dest)).toContain(readElfDynamic(readFileSync(program)).interpreter);
    });
  }

  it('follows DT_RUNPATH with $ORIGIN, keeping the library beside the program in the guest', () => {
    mkdirSync(join(dir, 'lib'), { recursive: true });
    writeFileSync(join(dir, 'greet.c'), 'const char *greeting(void) { return "hello from a shared library"; }\n');
    writeFileSync(join(dir, 'main.c'), '#include <stdio.h>\nconst char *greeting(void);\nint main(void) { puts(greeting()); return 0; }\n');
    execFileSync('gcc', ['-shared', '-fPIC', '-o', join(dir, 'lib/libgreet.so'), join(dir, 'greet.c')]);
    execFileSync('gcc', ['-o', join(dir, 'greet'), join(dir, 'main.c'), `-L${join(dir, 'lib')}`, '-lgreet', '-Wl,--enable-new-dtags,-rpath,$ORIGIN/lib']);
    const placed = resolveGuestFiles([{ path: join(dir, 'greet'), dest: '/opt/greet/greet', mode: 0o700 }], 'x86_64');
    expect(placed[0]).toMatchObject({ dest: '/opt/greet/greet', mode: 0o700 });
    expect(placed).toContainEqual({ dest: '/opt/greet/lib/libgreet.so', source: join(dir, 'lib/libgreet.so'), mode: 0o755, neededBy: join(dir, 'greet') });
    expect(
      placed
        .map((f) => realpathSync(f.source))
        .slice(1)
        .sort(),
    ).toEqual(lddPaths(join(dir, 'greet')));
    // Every folder on the way is in the archive, before the files.
    const entries = guestFileEntries(placed);
    expect(entries.filter((e) => e.type === 'dir').map((e) => e.path)).toEqual(expect.arrayContaining(['/opt', '/opt/greet', '/opt/greet/lib']));
  });

  it('names the program and the library it cannot find', () => {
    mkdirSync(join(dir, 'gone'), { recursive: true });
    writeFileSync(join(dir, 'gone.c'), 'int gone(void) { return 1; }\n');
    writeFileSync(join(dir, 'uses.c'), 'int gone(void);\nint main(void) { return gone(); }\n');
    execFileSync('gcc', ['-shared', '-fPIC', '-o', join(dir, 'gone/libgone.so'), join(dir, 'gone.c')]);
    execFileSync('gcc', ['-o', join(dir, 'uses'), join(dir, 'uses.c'), `-L${join(dir, 'gone')}`, '-lgone']);
    let error: unknown;
    try {
      resolveGuestFiles([{ path: join(dir, 'uses'), dest: '/usr/bin/uses', mode: undefined }], 'x86_64');
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).message).toMatch(
      new RegExp(`^files: ${join(dir, 'uses')} needs libgone.so, which is not on this host \\(looked in /lib/x86_64-linux-gnu, `),
    );
  });

  it('refuses a program for another CPU', () => {
    let error: unknown;
    try {
      resolveGuestFiles([{ path: '/bin/ls', dest: '/usr/bin/ls', mode: undefined }], 'aarch64');
    } catch (err) {
      error = err;
    }
    expect((error as ConfigError).message).toBe('files: /bin/ls is a program for another CPU (ELF machine 62), but the guest is aarch64');
  });
});
