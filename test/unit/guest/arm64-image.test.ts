import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { Arm64ImageError, extractArm64Image, isArm64Image } from '../../../src/provision/guest/arm64-image.js';
import { findCachedKernel, NO_CACHED_ARM64_KERNEL } from './real-kernel.js';

const real = findCachedKernel('arm64');

describe('the arm64 kernel Image', () => {
  it.skipIf(!real)(`takes Debian's plain Image as it is (${real ? real.bootKernel : NO_CACHED_ARM64_KERNEL})`, async () => {
    const image = readFileSync(real!.bootKernel);
    expect(isArm64Image(image)).toBe(true);
    const got = await extractArm64Image(image);
    expect(got.compression).toBe('none');
    expect(got.image).toBe(image);
    // Debian's boot/vmlinuz was that plain Image: the entry says nothing was unpacked.
    expect(real!.compression).toBe('none');
  });

  it.skipIf(!real)("unpacks a gzip'd Image (other distributions ship one) to the same bytes", async () => {
    const image = readFileSync(real!.bootKernel);
    const got = await extractArm64Image(gzipSync(image, { level: 1 }));
    expect(got.compression).toBe('gzip');
    expect(Buffer.from(got.image).equals(image)).toBe(true);
  });

  it.skipIf(!real)('refuses an EFI zboot image, saying why', async () => {
    // A zboot image starts with the PE "MZ" and "zimg" where a plain Image has code.
    const image = Buffer.from(readFileSync(real!.bootKernel).subarray(0, 4096));
    image.write('MZ\0\0zimg', 0, 'latin1');
    await expect(extractArm64Image(image)).rejects.toThrow(/EFI zboot image .* QEMU cannot boot with -kernel before 9\.1/);
  });

  it('refuses what is neither (an x86 bzImage, gzip of something else)', async () => {
    const x86 = findCachedKernel('amd64');
    if (x86) await expect(extractArm64Image(readFileSync(x86.bootKernel))).rejects.toThrow(Arm64ImageError);
    await expect(extractArm64Image(gzipSync(Buffer.alloc(4096, 7)))).rejects.toThrow(/did not decompress to an arm64 Image/);
    await expect(extractArm64Image(Buffer.alloc(16))).rejects.toThrow(/not an arm64 Image/);
  });
});
