/** Kernel files told apart by their first bytes, on real kernels: Debian's, and the SDK example's multiboot ELF. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectKernelFormat } from '../../../src/provision/kernel-format.js';
import { buildSdkKernels } from '../../helpers/sdk-kernel.js';
import { findCachedKernel, NO_CACHED_ARM64_KERNEL, NO_CACHED_KERNEL } from '../guest/real-kernel.js';

const amd64 = findCachedKernel('amd64');
const arm64 = findCachedKernel('arm64');

describe('detectKernelFormat', () => {
  it("finds the multiboot header of a freestanding kernel (qboot cannot start it: QEMU's default firmware does)", async () => {
    const kernels = buildSdkKernels(['x86_64']);
    expect(await detectKernelFormat(kernels.built.x86_64!)).toBe('multiboot');
    writeFileSync(join(kernels.dir, 'notes.txt'), 'not a kernel at all\n');
    expect(await detectKernelFormat(join(kernels.dir, 'notes.txt'))).toBe('other');
  });

  // Debian's bzImage itself is read in test/integration/guest-from-archive.test.ts (the cache keeps only the vmlinux).
  it.skipIf(!amd64)(`reads the vmlinux of Debian's bzImage as Linux${amd64 ? '' : ` (${NO_CACHED_KERNEL})`}`, async () => {
    expect(await detectKernelFormat(amd64!.bootKernel)).toBe('linux');
  });

  it.skipIf(!arm64)(`reads Debian's arm64 Image as Linux${arm64 ? '' : ` (${NO_CACHED_ARM64_KERNEL})`}`, async () => {
    expect(await detectKernelFormat(arm64!.bootKernel)).toBe('linux');
  });
});
