/**
 * What kind of kernel file the user gave, from its first bytes: qfi boots Linux on x86 through
 * qboot (fast, and what qfi's boots are tuned for); anything else gets QEMU's default firmware
 * (SeaBIOS), the firmware every -kernel boot protocol is documented against.
 */
import { open } from 'node:fs/promises';

/** `linux`: a bzImage, an ELF (x86 boots one only through Linux's PVH note) or an arm64 Image; `multiboot`: an ELF or binary with a multiboot header; `other`: anything else. */
export type KernelFormat = 'linux' | 'multiboot' | 'other';

const MULTIBOOT1_MAGIC = 0x1badb002;
const MULTIBOOT2_MAGIC = 0xe85250d6;

export function kernelFormatOf(head: Uint8Array): KernelFormat {
  const v = new DataView(head.buffer, head.byteOffset, head.byteLength);
  // Multiboot headers sit 4- (v1) or 8-byte (v2) aligned in the first 8 / 32 KiB; QEMU's loader
  // looks for v1 first, so a file carrying one is booted as multiboot even if it is also ELF.
  for (let at = 0; at + 12 <= Math.min(head.length, 8192); at += 4) {
    const magic = v.getUint32(at, true);
    if (magic === MULTIBOOT1_MAGIC && (magic + v.getUint32(at + 4, true) + v.getUint32(at + 8, true)) >>> 0 === 0) return 'multiboot';
  }
  for (let at = 0; at + 16 <= Math.min(head.length, 32768); at += 8) {
    if (
      v.getUint32(at, true) === MULTIBOOT2_MAGIC &&
      (MULTIBOOT2_MAGIC + v.getUint32(at + 4, true) + v.getUint32(at + 8, true) + v.getUint32(at + 12, true)) >>> 0 === 0
    )
      return 'multiboot';
  }
  const ascii = (at: number, text: string) => head.length >= at + text.length && Buffer.from(head.subarray(at, at + text.length)).toString('latin1') === text;
  if (ascii(0x202, 'HdrS')) return 'linux'; // x86 boot protocol header
  if (ascii(0x38, 'ARM\x64')) return 'linux'; // arm64 Image header
  // Without a multiboot header, x86's -kernel boots an ELF only through its PVH note: a vmlinux.
  if (ascii(0, '\x7fELF')) return 'linux';
  return 'other';
}

export async function detectKernelFormat(path: string): Promise<KernelFormat> {
  const file = await open(path, 'r');
  try {
    const head = new Uint8Array(32768);
    const { bytesRead } = await file.read(head, 0, head.length, 0);
    return kernelFormatOf(head.subarray(0, bytesRead));
  } finally {
    await file.close();
  }
}
