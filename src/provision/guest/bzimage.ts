/**
 * Turn an x86 bzImage (`boot/vmlinuz-*`) into the uncompressed vmlinux ELF inside it.
 * Why: QEMU boots a vmlinux through its PVH entry note, skipping the real-mode setup and the
 * in-guest decompressor, which under TCG is the slowest part of a boot (see FACTS.md).
 *
 * The setup header (Documentation/arch/x86/boot.rst) says where the compressed payload is:
 * it starts payload_offset bytes into the protected-mode code, which follows the
 * (setup_sects + 1) 512-byte setup sectors. Those fields exist from boot protocol 2.08.
 */
import { decompressPayload, detectCompression, type Compression } from './compression.js';
import { isElf } from './elf.js';

export class BzImageError extends Error {
  override name = 'BzImageError';
}

export interface SetupHeader {
  /** e.g. 0x020f for 2.15. */
  protocolVersion: number;
  setupSects: number;
  /** Absolute file offset of the compressed kernel. */
  payloadOffset: number;
  payloadLength: number;
}

const MIN_PROTOCOL = 0x0208;

export function formatProtocol(version: number): string {
  return `${version >> 8}.${(version & 0xff).toString().padStart(2, '0')}`;
}

export function parseSetupHeader(image: Uint8Array): SetupHeader {
  if (image.length < 0x250) throw new BzImageError(`too small for a bzImage (${image.length} bytes)`);
  const v = new DataView(image.buffer, image.byteOffset, image.byteLength);
  if (v.getUint16(0x1fe, true) !== 0xaa55) throw new BzImageError('no boot sector signature 0xAA55 at 0x1FE');
  if (v.getUint32(0x202, true) !== 0x53726448) throw new BzImageError('no "HdrS" setup header magic at 0x202');
  const protocolVersion = v.getUint16(0x206, true);
  if (protocolVersion < MIN_PROTOCOL) {
    throw new BzImageError(`boot protocol ${formatProtocol(protocolVersion)} is older than 2.08 (no payload fields)`);
  }
  // setup_sects 0 means 4, for compatibility with ancient images.
  const setupSects = v.getUint8(0x1f1) || 4;
  const payloadOffset = (setupSects + 1) * 512 + v.getUint32(0x248, true);
  const payloadLength = v.getUint32(0x24c, true);
  if (payloadLength === 0 || payloadOffset + payloadLength > image.length) {
    throw new BzImageError(`payload ${payloadOffset}+${payloadLength} lies outside the ${image.length}-byte image`);
  }
  return { protocolVersion, setupSects, payloadOffset, payloadLength };
}

export interface ExtractedVmlinux {
  vmlinux: Uint8Array;
  compression: Compression;
  header: SetupHeader;
}

export async function extractVmlinux(image: Uint8Array, signal?: AbortSignal): Promise<ExtractedVmlinux> {
  const header = parseSetupHeader(image);
  const payload = image.subarray(header.payloadOffset, header.payloadOffset + header.payloadLength);
  const compression = detectCompression(payload);
  if (!compression) {
    const magic = Buffer.from(payload.subarray(0, 4)).toString('hex');
    throw new BzImageError(`unknown kernel compression (payload starts with ${magic})`);
  }
  const vmlinux = await decompressPayload(payload, compression, signal);
  if (!isElf(vmlinux)) throw new BzImageError(`the ${compression} payload did not decompress to an ELF file`);
  return { vmlinux, compression, header };
}
