import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, describe, expect, it } from 'vitest';
import { findCachedArm64Apt } from './real-kernel.js';
import { InfraError } from '../../../src/core/errors.js';
import { privateAptSource } from '../../../src/provision/guest/apt-source.js';
import {
  aptListsFingerprint,
  KERNEL_META_PACKAGES,
  kernelMetaPackages,
  parseControlStanza,
  parseDepends,
  resolveKernelPackage,
  resolveKernelPackageCached,
} from '../../../src/provision/guest/kernel-package.js';

const work = mkdtempSync(join(tmpdir(), 'qfi-kpkg-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const hasAptCache = (await execa('apt-cache', ['--version'], { reject: false }).catch(() => ({ exitCode: 1 }))).exitCode === 0;
const hasDebianCloudKernel =
  (await execa('apt-cache', ['show', '--no-all-versions', 'linux-image-cloud-amd64'], { reject: false }).catch(() => ({ exitCode: 1 })))
    .exitCode === 0;

describe('apt output parsing', () => {
  it('reads the first stanza, joining continuation lines', () => {
    const f = parseControlStanza('Package: a\nVersion: 1:2.3-4\nDescription: one\n two\n\nPackage: b\n');
    expect(f.get('Package')).toBe('a');
    expect(f.get('Version')).toBe('1:2.3-4');
    expect(f.get('Description')).toBe('one\ntwo');
  });

  it('takes the first alternative and exact versions from Depends', () => {
    expect(parseDepends('kmod, linux-base (>= 4.3~), initramfs-tools (>= 0.120+deb8u2) | linux-initramfs-tool')).toEqual([
      { name: 'kmod', exactVersion: undefined },
      { name: 'linux-base', exactVersion: undefined },
      { name: 'initramfs-tools', exactVersion: undefined },
    ]);
    expect(parseDepends('linux-image-6.8.0-1020-kvm (= 6.8.0-1020.21), linux-modules-6.8.0-1020-kvm:amd64 (= 6.8.0-1020.21)')).toEqual([
      { name: 'linux-image-6.8.0-1020-kvm', exactVersion: '6.8.0-1020.21' },
      { name: 'linux-modules-6.8.0-1020-kvm', exactVersion: '6.8.0-1020.21' },
    ]);
  });
});

describe('resolveKernelPackage with the host apt', () => {
  it.skipIf(!hasDebianCloudKernel)('finds the versioned Debian cloud kernel behind linux-image-cloud-amd64', async () => {
    const k = await resolveKernelPackage();
    expect(k.image.name).toMatch(/^linux-image-\d+\.\d+\.\d+-\d+-cloud-amd64$/);
    expect(k.image.version).toMatch(/^\d/);
    expect(k.extra).toEqual([]);
    const meta = await execa('apt-cache', ['show', '--no-all-versions', KERNEL_META_PACKAGES[0]]);
    expect(parseControlStanza(meta.stdout).get('Depends')).toContain(`${k.image.name} (= ${k.image.version})`);
  });

  it('reuses a remembered answer while the apt lists are unchanged (no apt-cache call)', async () => {
    const memo = join(work, 'resolved.json');
    const fingerprint = `v1\n${KERNEL_META_PACKAGES.join(',')}\n${await aptListsFingerprint()}`;
    const kernel = { image: { name: 'linux-image-0.0.0-1-remembered', version: '0.0-1' }, extra: [] };
    writeFileSync(memo, JSON.stringify({ fingerprint, kernel }));
    expect(await resolveKernelPackageCached(memo)).toEqual(kernel);
  });

  it('fingerprints nothing when there are no lists', async () => {
    expect(await aptListsFingerprint(join(work, 'no-such-dir'))).toBe('');
  });

  it.skipIf(!hasAptCache)('says to run apt-get update when apt has no package lists', async () => {
    const empty = join(work, 'empty-lists');
    mkdirSync(empty);
    const err = await resolveKernelPackage({ listsDir: empty }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InfraError);
    expect((err as InfraError).hint).toBe('run apt-get update');
  });

  it('says to bring a kernel and initramfs when the host has no apt', async () => {
    const path = process.env.PATH;
    process.env.PATH = join(work, 'no-bin');
    try {
      const err = await resolveKernelPackage().catch((e: unknown) => e);
      expect(err).toBeInstanceOf(InfraError);
      expect((err as InfraError).message).toBe('apt-cache not found on this host');
      expect((err as InfraError).hint).toMatch(/set guest\.kernel and guest\.initrd/);
    } finally {
      process.env.PATH = path;
    }
  });
});

describe('kernel packages per architecture', () => {
  it('asks for the cloud kernel first on both, Ubuntu generic last', () => {
    expect(kernelMetaPackages('amd64')).toEqual(KERNEL_META_PACKAGES);
    expect(kernelMetaPackages('arm64')).toEqual(['linux-image-cloud-arm64', 'linux-image-virtual']);
    expect(() => kernelMetaPackages('riscv64')).toThrow(/no kernel package for the riscv64 architecture/);
  });

  const arm64Apt = findCachedArm64Apt();
  it.skipIf(!arm64Apt)(`finds the arm64 cloud kernel through the private arm64 apt state (${arm64Apt ?? 'none cached yet'})`, async () => {
    const apt = privateAptSource(join(arm64Apt!, '..', '..', '..'), 'arm64');
    expect(apt.privateRoot).toBe(arm64Apt);
    const k = await resolveKernelPackage({ apt });
    expect(k.image.name).toMatch(/^linux-image-\d+\.\d+\.\d+-\d+-cloud-arm64$/);
    expect(k.extra).toEqual([]);
    // The host's apt (amd64 only) does not know it.
    const host = await execa('apt-cache', ['show', '--no-all-versions', k.image.name], { reject: false });
    expect(host.exitCode === 0 && host.stdout.includes('Architecture: arm64')).toBe(false);
  });
});
