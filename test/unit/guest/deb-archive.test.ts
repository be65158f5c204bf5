/**
 * The in-process .deb reader against dpkg-deb, the real producer: packages built here with
 * every compression dpkg-deb offers, holding what trips tar readers (names over 100 bytes,
 * a long symlink target, a hardlink, modes), read back and compared with `dpkg-deb -x`.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, linkSync, mkdirSync, mkdtempSync, readFileSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DebFormatError, debControl, debTar, readArMembers, tarEntries } from '../../../src/provision/guest/deb-archive.js';

const hasDpkgDeb = (() => {
  try {
    execFileSync('dpkg-deb', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

const work = mkdtempSync(join(tmpdir(), 'qfi-deb-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const longDir = `lib/modules/6.1.0-99-cloud-amd64/kernel/drivers/${'very-long-directory-name/'.repeat(5)}`;
const longFile = `${longDir}virtio_blk_with_a_long_name.ko`;

function buildDeb(compression: string): string {
  const root = join(work, `pkg-${compression}`);
  mkdirSync(join(root, 'DEBIAN'), { recursive: true });
  writeFileSync(
    join(root, 'DEBIAN', 'control'),
    'Package: qfi-test\nVersion: 1:2.3-4\nArchitecture: amd64\nMaintainer: qfi <qfi@example.org>\nDescription: test package\n second line\n',
  );
  mkdirSync(join(root, 'bin'), { recursive: true });
  mkdirSync(join(root, longDir), { recursive: true });
  writeFileSync(join(root, 'bin', 'busybox'), Buffer.alloc(70_000, 0xab));
  chmodSync(join(root, 'bin', 'busybox'), 0o755);
  writeFileSync(join(root, longFile), 'module bytes\n');
  symlinkSync(`../${longFile}`, join(root, 'bin', 'link-with-long-target'));
  linkSync(join(root, 'bin', 'busybox'), join(root, 'bin', 'sh'));
  const deb = join(work, `qfi-test-${compression}.deb`);
  execFileSync('dpkg-deb', ['--root-owner-group', `-Z${compression}`, '--build', root, deb], { stdio: 'ignore' });
  return deb;
}

describe.skipIf(!hasDpkgDeb)('a .deb built by dpkg-deb', () => {
  it.each(['xz', 'gzip', 'zstd', 'none'])('reads control and data (%s) as dpkg-deb -x unpacks them', async (compression) => {
    const deb = readFileSync(buildDeb(compression));
    expect([...readArMembers(deb).keys()][0]).toBe('debian-binary');
    const control = await debControl(deb);
    expect(control.get('Package')).toBe('qfi-test');
    expect(control.get('Version')).toBe('1:2.3-4');
    expect(control.get('Description')).toBe('test package\nsecond line');

    const entries = [...tarEntries(await debTar(deb, 'data'))];
    const byPath = new Map(entries.map((e) => [e.path, e]));
    const unpacked = join(work, `x-${compression}`);
    execFileSync('dpkg-deb', ['-x', join(work, `qfi-test-${compression}.deb`), unpacked]);
    const busybox = byPath.get('bin/busybox')!;
    expect(busybox.type).toBe('file');
    expect(busybox.mode).toBe(0o755);
    expect(Buffer.from(busybox.data).equals(readFileSync(join(unpacked, 'bin', 'busybox')))).toBe(true);
    expect(longFile.length).toBeGreaterThan(100);
    expect(Buffer.from(byPath.get(longFile)!.data).toString()).toBe(readFileSync(join(unpacked, longFile), 'utf8'));
    expect(byPath.get('bin/link-with-long-target')).toMatchObject({ type: 'symlink', link: readlinkSync(join(unpacked, 'bin', 'link-with-long-target')) });
    // A hardlink names the file it shares data with; which of the two holds the data is dpkg-deb's choice.
    const pair = [byPath.get('bin/sh')!, busybox];
    expect(pair.map((e) => e.type).sort()).toEqual(['file', 'hardlink']);
    expect(pair.find((e) => e.type === 'hardlink')!.link).toBe(pair.find((e) => e.type === 'file')!.path);
    expect(byPath.get(longDir.replace(/\/$/, ''))?.type).toBe('dir');
  });
});

describe('damaged input', () => {
  it('says what is wrong instead of reading garbage', async () => {
    expect(() => readArMembers(Buffer.from('not an archive'))).toThrow(DebFormatError);
    const ar = Buffer.concat([Buffer.from('!<arch>\n'), Buffer.from('debian-binary/  0           0     0     100644  4         `\n'), Buffer.from('2.0\n')]);
    await expect(debTar(ar, 'data')).rejects.toThrow(/no data\.tar member \(has debian-binary\)/);
    const cut = Buffer.concat([Buffer.from('!<arch>\n'), Buffer.from('data.tar/       0           0     0     100644  999       `\n'), Buffer.from('x')]);
    expect(() => readArMembers(cut)).toThrow(/data\.tar is cut off/);
    const badSum = Buffer.alloc(1024);
    badSum.write('file', 0);
    badSum.write('0000644\0', 100);
    badSum.write('00000000000\0', 124);
    badSum.write('0000001\0', 148);
    expect(() => [...tarEntries(badSum)]).toThrow(/bad checksum/);
  });
});
