import { readFileSync } from 'node:fs';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { BzImageError, extractVmlinux, formatProtocol, parseSetupHeader } from '../../../src/provision/guest/bzimage.js';

/** A bzImage-shaped buffer: boot sector, setup header fields, `setupSects` sectors, then the payload. */
function fakeBzImage(payload: Uint8Array, opts: { protocol?: number; setupSects?: number; payloadOffset?: number } = {}): Buffer {
  const setupSects = opts.setupSects ?? 4;
  const payloadOffset = opts.payloadOffset ?? 0x100;
  const pm = ((setupSects || 4) + 1) * 512;
  const image = Buffer.alloc(pm + payloadOffset + payload.length);
  image.writeUInt8(opts.setupSects ?? 4, 0x1f1);
  image.writeUInt16LE(0xaa55, 0x1fe);
  image.write('HdrS', 0x202, 'latin1');
  image.writeUInt16LE(opts.protocol ?? 0x020f, 0x206);
  image.writeUInt32LE(payloadOffset, 0x248);
  image.writeUInt32LE(payload.length, 0x24c);
  image.set(payload, pm + payloadOffset);
  return image;
}

/** An "ELF" (magic + filler), LZ4-compressed with the CLI and followed by its size, as the kernel build does. */
async function lz4KernelPayload(): Promise<{ elf: Buffer; payload: Buffer }> {
  const elf = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46]), readFileSync(process.execPath).subarray(4, 500_000)]);
  const compressed = Buffer.from((await execa('lz4', ['-l', '-9', '-c'], { input: elf, encoding: 'buffer' })).stdout);
  const size = Buffer.alloc(4);
  size.writeUInt32LE(elf.length);
  return { elf, payload: Buffer.concat([compressed, size]) };
}

describe('parseSetupHeader on synthetic images', () => {
  it('finds the payload after the setup sectors', () => {
    const payload = Buffer.from('0123456789');
    const h = parseSetupHeader(fakeBzImage(payload, { setupSects: 27, payloadOffset: 0x2cc }));
    expect(h).toEqual({ protocolVersion: 0x020f, setupSects: 27, payloadOffset: 28 * 512 + 0x2cc, payloadLength: 10 });
    expect(formatProtocol(h.protocolVersion)).toBe('2.15');
  });

  it('reads setup_sects 0 as 4', () => {
    expect(parseSetupHeader(fakeBzImage(Buffer.from('x'), { setupSects: 0 })).setupSects).toBe(4);
  });

  it('rejects non-bzImages, old protocols and payloads outside the file', () => {
    expect(() => parseSetupHeader(Buffer.alloc(4096))).toThrow(/0xAA55/);
    const noMagic = fakeBzImage(Buffer.from('x'));
    noMagic.write('Nope', 0x202, 'latin1');
    expect(() => parseSetupHeader(noMagic)).toThrow(/HdrS/);
    expect(() => parseSetupHeader(fakeBzImage(Buffer.from('x'), { protocol: 0x0207 }))).toThrow(/2\.07 is older than 2\.08/);
    const short = fakeBzImage(Buffer.from('0123456789'));
    expect(() => parseSetupHeader(short.subarray(0, short.length - 1))).toThrow(BzImageError);
  });

  it('extracts an LZ4 payload and checks for an ELF', async () => {
    const { elf, payload } = await lz4KernelPayload();
    const got = await extractVmlinux(fakeBzImage(payload));
    expect(got.compression).toBe('lz4');
    expect(Buffer.from(got.vmlinux).equals(elf)).toBe(true);
    await expect(extractVmlinux(fakeBzImage(Buffer.from('BZh91AY&SY')))).rejects.toThrow(/bzip2 kernels are not supported/);
    await expect(extractVmlinux(fakeBzImage(Buffer.from('plain text')))).rejects.toThrow(/unknown kernel compression/);
  });
});

// Debian's real bzImage is taken apart in test/integration/guest-from-archive.test.ts, which has the package.
