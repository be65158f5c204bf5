/**
 * The arm64 kernel QEMU boots: an `Image` (Documentation/arch/arm64/booting.rst). Debian ships
 * boot/vmlinuz as the plain Image; other distributions gzip it (QEMU's -kernel takes that too,
 * but then gunzips it at every start, so it is unpacked once here). An EFI zboot image ("MZ" +
 * "zimg") is a PE file QEMU 7.2 cannot boot directly, so it is refused with a hint.
 *
 * Header: code0/code1, text_offset, image_size, flags, res2-4, magic "ARM\x64" at 0x38.
 */
import { decompressPayload, type Compression } from './compression.js';

export class Arm64ImageError extends Error {
  override name = 'Arm64ImageError';
}

const ARM64_MAGIC = 0x644d5241; // "ARM\x64" read little-endian
const HEADER_SIZE = 64;

export function isArm64Image(bytes: Uint8Array): boolean {
  return bytes.length >= HEADER_SIZE && Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).readUInt32LE(0x38) === ARM64_MAGIC;
}

function isZboot(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && bytes[0] === 0x4d && bytes[1] === 0x5a && Buffer.from(bytes.subarray(4, 8)).toString('latin1') === 'zimg';
}

export interface ExtractedImage {
  image: Uint8Array;
  /** How the package's file was compressed. */
  compression: Compression | 'none';
}

/** The uncompressed Image from a package's boot/vmlinuz (plain or gzip'd). */
export async function extractArm64Image(vmlinuz: Uint8Array, signal?: AbortSignal): Promise<ExtractedImage> {
  // Checked first: a plain Image with an EFI stub starts with "MZ" too, but never with "zimg" after it.
  if (isZboot(vmlinuz)) {
    throw new Arm64ImageError('it is an EFI zboot image (CONFIG_EFI_ZBOOT), which QEMU cannot boot with -kernel before 9.1');
  }
  if (isArm64Image(vmlinuz)) return { image: vmlinuz, compression: 'none' };
  if (vmlinuz[0] === 0x1f && vmlinuz[1] === 0x8b) {
    const image = await decompressPayload(vmlinuz, 'gzip', signal);
    if (!isArm64Image(image)) throw new Arm64ImageError('the gzip data did not decompress to an arm64 Image (no "ARM\\x64" magic at 0x38)');
    return { image, compression: 'gzip' };
  }
  const magic = Buffer.from(vmlinuz.subarray(0, 4)).toString('hex');
  throw new Arm64ImageError(`not an arm64 Image, plain or gzip'd (starts with ${magic}, no "ARM\\x64" magic at 0x38)`);
}
