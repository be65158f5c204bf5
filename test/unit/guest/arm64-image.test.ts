import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { Arm64ImageError, extractArm64Image, isArm64Image } from '../../../src/provision/guest/arm64-image.js';
import { findCachedKernel, NO_CACHED_ARM64_KERNEL } from './real-kernel.js';

const real = findCachedKernel('arm64');

describe('the arm64 kernel Image', () => {
  it.skipIf(!real)(`takes Debian's plain Image as it is (${real ? real.vmlinuz : NO_CACHED_ARM64_KERNEL})`, async () => {
    const vmlinuz = readFileSync(real!.vmlinuz);
    expect(isArm64Image(vmlinuz)).toBe(true);
    const got = await extractArm64Image(vmlinuz);
    expect(got.compression).toBe('none');
    expect(got.image).toBe(vmlinuz);
    // The cache boots the package's file itself: no second copy.
    expect(real!.bootKernel).toBe(real!.vmlinuz);
  });

  it.skipIf(!real)("unpacks a gzip'd Image (other distributions ship one) to the same bytes", async () => {
    const image = readFileSync(real!.vmlinuz);
    const got = await extractArm64Image(gzipSync(image, { level: 1 }));
    expect(got.compression).toBe('gzip');
    expect(Buffer.from(got.image).equals(image)).toBe(true);
  });

  it.skipIf(!real)('refuses an EFI zboot image, saying why', async () => {
    // A zboot image starts with the PE "MZ" and "zimg" where a plain Image has code.
    const image = Buffer.from(readFileSync(real!.vmlinuz).subarray(0, 4096));
    image.write('MZ\0\0zimg', 0, 'latin1');
    await expect(extractArm64Image(image)).rejects.toThrow(/EFI zboot image .* QEMU cannot boot with -kernel before 9\.1/);
  });

  it('refuses what is neither (an x86 bzImage, gzip of something else)', async () => {
    const x86 = findCachedKernel('amd64');
    if (x86) await expect(extractArm64Image(readFileSync(x86.vmlinuz))).rejects.toThrow(Arm64ImageError);
    await expect(extractArm64Image(gzipSync(Buffer.alloc(4096, 7)))).rejects.toThrow(/did not decompress to an arm64 Image/);
    await expect(extractArm64Image(Buffer.alloc(16))).rejects.toThrow(/not an arm64 Image/);
  });
});
