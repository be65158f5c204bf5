import { randomBytes } from 'node:crypto';
import { lstatSync, mkdtempSync, readFileSync, readlinkSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { execa } from 'execa';
import { afterAll, describe, expect, it } from 'vitest';
import { CpioError, writeCpioNewc, type CpioEntry } from '../../../src/provision/guest/cpio-newc.js';

const hasCpio = (await execa('cpio', ['--version'], { reject: false })).exitCode === 0;

const entries: CpioEntry[] = [
  { type: 'dir', path: 'bin' },
  { type: 'file', path: '/bin/tool', data: randomBytes(4099), mode: 0o755 },
  { type: 'symlink', path: 'bin/sh', target: 'tool' },
  { type: 'dir', path: './etc', mode: 0o700 },
  { type: 'dir', path: 'etc/qfi' },
  { type: 'file', path: 'etc/qfi/empty', data: new Uint8Array(0) },
  { type: 'file', path: 'etc/qfi/odd', data: Buffer.from('a\nb\n\n'), mode: 0o600 },
  { type: 'file', path: 'etc/qfi/three', data: Buffer.from('xyz'), mode: 0o640 },
  { type: 'symlink', path: 'etc/abs', target: '/bin/tool' },
  { type: 'dir', path: 'tmp', mode: 0o1777 },
  { type: 'file', path: 'init', data: Buffer.from('#!/bin/sh\necho hi\n'), mode: 0o755 },
];

const work = mkdtempSync(join(tmpdir(), 'qfi-cpio-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('writeCpioNewc', () => {
  it('pads every record to 4 bytes and ends with TRAILER!!!', () => {
    const archive = writeCpioNewc(entries);
    expect(archive.length % 4).toBe(0);
    expect(archive.subarray(0, 6).toString('latin1')).toBe('070701');
    expect(archive.subarray(-124).toString('latin1')).toContain('TRAILER!!!\0');
  });

  it('gives byte-identical archives (and gzip) for the same inputs', () => {
    const a = writeCpioNewc(entries);
    const b = writeCpioNewc(entries.map((e) => ({ ...e })));
    expect(a.equals(b)).toBe(true);
    expect(gzipSync(a, { level: 9 }).equals(gzipSync(b, { level: 9 }))).toBe(true);
  });

  it('refuses a child before its directory, duplicates and .. paths', () => {
    expect(() => writeCpioNewc([{ type: 'file', path: 'a/b', data: new Uint8Array(1) }])).toThrow(/must be listed before/);
    expect(() =>
      writeCpioNewc([
        { type: 'dir', path: 'a' },
        { type: 'dir', path: '/a/' },
      ]),
    ).toThrow(/duplicate/);
    expect(() => writeCpioNewc([{ type: 'dir', path: '../x' }])).toThrow(CpioError);
    expect(() => writeCpioNewc([{ type: 'dir', path: '/' }])).toThrow(CpioError);
  });

  it.skipIf(!hasCpio)('lists as expected with GNU cpio -t', async () => {
    const r = await execa('cpio', ['-it', '--quiet'], { input: writeCpioNewc(entries) });
    expect(r.stdout.split('\n')).toEqual([
      'bin',
      'bin/tool',
      'bin/sh',
      'etc',
      'etc/qfi',
      'etc/qfi/empty',
      'etc/qfi/odd',
      'etc/qfi/three',
      'etc/abs',
      'tmp',
      'init',
    ]);
    const long = await execa('cpio', ['-itv', '--quiet'], { input: writeCpioNewc(entries) });
    expect(long.stdout).toMatch(/^lrwxrwxrwx .* bin\/sh -> tool$/m);
    expect(long.stdout).toMatch(/^-rwxr-xr-x .* 4099 .* bin\/tool$/m);
  });

  it.skipIf(!hasCpio)('extracts with GNU cpio -idv: same bytes, modes and link targets', async () => {
    const dest = mkdtempSync(join(work, 'x-'));
    const r = await execa('cpio', ['-idv', '--no-absolute-filenames'], { input: writeCpioNewc(entries), cwd: dest });
    expect(r.stderr).toMatch(/^init$/m);
    for (const e of entries) {
      const path = join(dest, e.path.replace(/^[./]+/, ''));
      const st = lstatSync(path);
      if (e.type === 'file') {
        expect(st.isFile(), e.path).toBe(true);
        expect(readFileSync(path).equals(Buffer.from(e.data)), e.path).toBe(true);
        expect(st.mode & 0o7777, e.path).toBe(e.mode ?? 0o644);
      } else if (e.type === 'dir') {
        expect(st.isDirectory(), e.path).toBe(true);
        expect(st.mode & 0o7777, e.path).toBe(e.mode ?? 0o755);
      } else {
        expect(st.isSymbolicLink(), e.path).toBe(true);
        expect(readlinkSync(path), e.path).toBe(e.target);
      }
    }
  });
});
