/**
 * Just enough ELF reading for the guest: is it ELF, is it statically linked (busybox), and the
 * bytes of one named section (a kernel module's .modinfo), and which CPU it is for. 64-bit
 * little-endian only: the built-in guest is x86_64 or aarch64.
 */

const ELF_MAGIC = 0x7f454c46; // "\x7fELF" read big-endian
const ELFCLASS64 = 2;
const ELFDATA2LSB = 1;
const PT_INTERP = 3;

export class ElfFormatError extends Error {
  override name = 'ElfFormatError';
}

export function isElf(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && new DataView(bytes.buffer, bytes.byteOffset, 4).getUint32(0, false) === ELF_MAGIC;
}

/** A view of a 64-bit little-endian ELF file; ElfFormatError for anything else. */
export function elf64View(bytes: Uint8Array): DataView {
  if (!isElf(bytes)) throw new ElfFormatError('not an ELF file');
  if (bytes.length < 64 || bytes[4] !== ELFCLASS64 || bytes[5] !== ELFDATA2LSB) {
    throw new ElfFormatError('not a 64-bit little-endian ELF file');
  }
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function checkRange(bytes: Uint8Array, offset: number, length: number, what: string): void {
  if (offset < 0 || length < 0 || offset + length > bytes.length) throw new ElfFormatError(`${what} lies outside the file`);
}

/** ELF e_machine values of the architectures the built-in guest runs. */
export const ELF_MACHINE = { x86_64: 62, aarch64: 183 } as const;

/** The e_machine field: which CPU the file is for (62 x86-64, 183 AArch64). */
export function elfMachine(bytes: Uint8Array): number {
  return elf64View(bytes).getUint16(0x12, true);
}

/** True when the program headers include PT_INTERP, i.e. the binary needs a dynamic loader. */
export function hasProgramInterpreter(bytes: Uint8Array): boolean {
  const v = elf64View(bytes);
  const phoff = Number(v.getBigUint64(0x20, true));
  const phentsize = v.getUint16(0x36, true);
  const phnum = v.getUint16(0x38, true);
  checkRange(bytes, phoff, phentsize * phnum, 'program header table');
  for (let i = 0; i < phnum; i++) {
    if (v.getUint32(phoff + i * phentsize, true) === PT_INTERP) return true;
  }
  return false;
}

/** The contents of the section called `name`, or undefined when there is none. */
export function readElfSection(bytes: Uint8Array, name: string): Uint8Array | undefined {
  const v = elf64View(bytes);
  const shoff = Number(v.getBigUint64(0x28, true));
  const shentsize = v.getUint16(0x3a, true);
  const shnum = v.getUint16(0x3c, true);
  const shstrndx = v.getUint16(0x3e, true);
  if (shoff === 0 || shnum === 0) return undefined;
  checkRange(bytes, shoff, shentsize * shnum, 'section header table');
  const header = (i: number) => {
    const at = shoff + i * shentsize;
    return {
      name: v.getUint32(at, true),
      offset: Number(v.getBigUint64(at + 0x18, true)),
      size: Number(v.getBigUint64(at + 0x20, true)),
    };
  };
  if (shstrndx >= shnum) throw new ElfFormatError('section name table index out of range');
  const names = header(shstrndx);
  checkRange(bytes, names.offset, names.size, 'section name table');
  const wanted = Buffer.from(`${name}\0`, 'latin1');
  for (let i = 0; i < shnum; i++) {
    const h = header(i);
    const at = names.offset + h.name;
    if (at + wanted.length > names.offset + names.size) continue;
    if (Buffer.compare(bytes.subarray(at, at + wanted.length), wanted) !== 0) continue;
    checkRange(bytes, h.offset, h.size, `section ${name}`);
    return bytes.subarray(h.offset, h.offset + h.size);
  }
  return undefined;
}
