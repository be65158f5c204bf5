/**
 * Reading Debian's index as the archive writes it: the InRelease file and Packages stanzas
 * recorded from deb.debian.org, and this Debian host's apt sources file
 * (scripts/record-debian-fixtures.sh). The signature is checked with the host's gpgv and
 * keyring where it has them.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../src/core/errors.js';
import { packageRoot } from '../../../src/core/package-root.js';
import {
  clearsignedText,
  DEBIAN_KEYRING,
  findPackageStanza,
  parseDepends,
  parseRelease,
  readInRelease,
  snapshotStamp,
} from '../../../src/provision/guest/debian-index.js';
import { chooseMirror, DEBIAN_ARCHIVE, debianMirrorsIn, parseOsRelease } from '../../../src/provision/guest/debian-mirror.js';
import { guestArch } from '../../../src/provision/guest/guest-arch.js';
import { packagesFromIndex, parseGuestPin, printGuestPin } from '../../../src/provision/guest/guest-packages.js';

const fixtures = join(packageRoot(), 'test', 'fixtures', 'debian');
const inRelease = readFileSync(join(fixtures, 'bookworm-InRelease'));
const canVerify = existsSync(DEBIAN_KEYRING) && existsSync('/usr/bin/gpgv');
const url = 'http://deb.debian.org/debian/dists/bookworm/InRelease';

describe('the bookworm InRelease file', () => {
  const release = parseRelease(clearsignedText(inRelease.toString()), 'test');

  it('gives the Packages indices by sha256 and size, and its date', () => {
    expect(release.codename).toBe('bookworm');
    expect(release.acquireByHash).toBe(true);
    for (const arch of ['amd64', 'arm64']) {
      const entry = release.files.get(`main/binary-${arch}/Packages.gz`);
      expect(entry?.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(entry?.size).toBeGreaterThan(1_000_000);
    }
    expect(snapshotStamp(release.date)).toMatch(/^\d{8}T\d{6}Z$/);
    expect(snapshotStamp('Sat, 11 Jul 2026 10:16:37 UTC')).toBe('20260711T101637Z');
    expect(clearsignedText(inRelease.toString())).not.toContain('PGP');
  });

  it.skipIf(!canVerify)(`checks out against ${DEBIAN_KEYRING}, and a changed byte does not`, async () => {
    const good = await readInRelease(inRelease, url, 'bookworm');
    expect(good.trust).toMatch(/^signature checked: Debian Archive Automatic Signing Key \(12\/bookworm\)/);
    const text = inRelease.toString();
    const at = text.indexOf('main/binary-amd64/Packages.gz') - 20;
    const forged = Buffer.from(text.slice(0, at) + (text[at] === '0' ? '1' : '0') + text.slice(at + 1));
    await expect(readInRelease(forged, url, 'bookworm')).rejects.toThrow(/signature of .* does not check out/);
  });

  it('says when it could not check the signature, and refuses another suite', async () => {
    const unchecked = await readInRelease(inRelease, url, 'bookworm', { keyring: '/nonexistent/keyring.gpg' });
    expect(unchecked.trust).toMatch(/^signature not checked .* trusted on the transport: http$/);
    await expect(readInRelease(inRelease, url, 'trixie', { keyring: '/nonexistent/keyring.gpg' })).rejects.toThrow(
      /is the Release file of bookworm, not trixie/,
    );
  });
});

describe.each(['amd64', 'arm64'] as const)('the %s Packages index', (debArch) => {
  const text = readFileSync(join(fixtures, `bookworm-${debArch}-Packages-excerpt`), 'utf8');
  const arch = debArch === 'amd64' ? guestArch.x86_64 : guestArch.aarch64;

  it('names the versioned cloud kernel its meta package depends on, and busybox-static (not busybox)', () => {
    const { kernel, busybox } = packagesFromIndex(text, arch);
    expect(kernel.name).toMatch(new RegExp(`^linux-image-\\d+\\.\\d+\\.\\d+-\\d+-cloud-${debArch}$`));
    const meta = findPackageStanza(text, `linux-image-cloud-${debArch}`)!;
    expect(parseDepends(meta.get('Depends')!)).toEqual([{ name: kernel.name, exactVersion: kernel.version }]);
    expect(kernel.filename).toBe(`pool/main/l/linux-signed-${debArch}/${kernel.name}_${kernel.version}_${debArch}.deb`);
    expect(kernel.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(kernel.size).toBeGreaterThan(10_000_000);
    expect(busybox.name).toBe('busybox-static');
    expect(busybox.filename).toMatch(new RegExp(`/busybox-static_[^/]+_${debArch}\\.deb$`));
    expect(findPackageStanza(text, 'busybox')!.get('Filename')).toMatch(/\/busybox_/);
  });

  it('round-trips a pin, which names the packages by pool path and sha256', () => {
    const { kernel, busybox } = packagesFromIndex(text, arch);
    const pin = printGuestPin({ kernel, busybox, suite: 'bookworm', snapshot: '20260711T101637Z', trust: 'x' });
    const back = parseGuestPin(pin, arch);
    expect(back).toMatchObject({
      suite: 'bookworm',
      snapshot: '20260711T101637Z',
      kernel: { name: kernel.name, filename: kernel.filename, sha256: kernel.sha256 },
      busybox: { name: 'busybox-static', sha256: busybox.sha256 },
    });
    const other = debArch === 'amd64' ? guestArch.aarch64 : guestArch.x86_64;
    expect(() => parseGuestPin(pin, other)).toThrow(new RegExp(`is not a ${other.debArch} package`));
  });
});

describe('guest-pin errors', () => {
  it('are located at the input and say where a pin comes from', () => {
    const err = (() => {
      try {
        parseGuestPin('kernel=linux.deb', guestArch.x86_64);
      } catch (e) {
        return e;
      }
    })() as ConfigError;
    expect(err).toBeInstanceOf(ConfigError);
    expect(err.location).toEqual({ input: 'guest-pin' });
    expect(err.message).toMatch(/kernel= must be a pool path and its sha256/);
    expect(err.hint).toMatch(/summary\.json/);
    expect(() => parseGuestPin('nonsense', guestArch.x86_64)).toThrow(/"nonsense" is not key=value/);
  });
});

describe('the mirror', () => {
  const hostSources = [{ path: '/etc/apt/sources.list.d/debian.sources', text: readFileSync(join(fixtures, 'host-debian.sources'), 'utf8') }];

  it("is a Debian host's own main archive (not its security mirror)", () => {
    expect(debianMirrorsIn(hostSources)).toEqual(['http://deb.debian.org/debian']);
    const debian = parseOsRelease('PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nID=debian\n');
    expect(chooseMirror(undefined, { osRelease: debian, sources: () => hostSources })).toEqual({
      url: 'http://deb.debian.org/debian',
      why: "this Debian host's apt sources",
    });
  });

  it("is Debian's archive on any other host, whose sources are never read", () => {
    const ubuntu = parseOsRelease('NAME="Ubuntu"\nID=ubuntu\nID_LIKE=debian\n');
    const sources = () => {
      throw new Error('read');
    };
    expect(chooseMirror(undefined, { osRelease: ubuntu, sources })).toEqual({ url: DEBIAN_ARCHIVE, why: "Debian's public archive" });
    expect(chooseMirror(undefined, { osRelease: new Map(), sources })).toEqual({ url: DEBIAN_ARCHIVE, why: "Debian's public archive" });
  });

  it('is the one given, whatever the host', () => {
    expect(chooseMirror('http://mirror.example/debian/', { osRelease: new Map([['ID', 'debian']]), sources: () => hostSources })).toEqual({
      url: 'http://mirror.example/debian',
      why: 'debian-mirror',
    });
  });
});
