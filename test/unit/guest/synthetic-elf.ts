/**
 * Minimal ELF64 little-endian files built in tests: named sections (e.g. a module's .modinfo) and
 * optionally a PT_INTERP program header, which is all the guest's ELF reader looks at.
 */
export function makeElf64(opts: { sections?: Record<string, Uint8Array>; interp?: boolean }): Buffer {
  const sections = Object.entries(opts.sections ?? {});
  const names = ['', ...sections.map(([n]) => n), '.shstrtab'];
  const shstrtab = Buffer.from(names.map((n) => `${n}\0`).join(''), 'latin1');
  const nameOffsets = names.map((_, i) => names.slice(0, i).reduce((at, n) => at + n.length + 1, 0));

  const phnum = opts.interp ? 1 : 0;
  let offset = 64 + phnum * 56;
  const bodies: { at: number; bytes: Uint8Array }[] = [];
  for (const [, bytes] of [...sections, ['.shstrtab', shstrtab] as const]) {
    bodies.push({ at: offset, bytes });
    offset += bytes.length;
  }
  const shoff = offset;
  const shnum = names.length;
  const file = Buffer.alloc(shoff + shnum * 64);
  file.set([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1], 0);
  file.writeUInt16LE(1, 0x10); // ET_REL
  file.writeUInt16LE(62, 0x12); // x86-64
  file.writeBigUInt64LE(BigInt(phnum ? 64 : 0), 0x20);
  file.writeBigUInt64LE(BigInt(shoff), 0x28);
  file.writeUInt16LE(64, 0x34);
  file.writeUInt16LE(56, 0x36);
  file.writeUInt16LE(phnum, 0x38);
  file.writeUInt16LE(64, 0x3a);
  file.writeUInt16LE(shnum, 0x3c);
  file.writeUInt16LE(shnum - 1, 0x3e);
  if (opts.interp) file.writeUInt32LE(3, 64); // PT_INTERP
  bodies.forEach(({ at, bytes }, i) => {
    file.set(bytes, at);
    const sh = shoff + (i + 1) * 64;
    file.writeUInt32LE(nameOffsets[i + 1]!, sh);
    file.writeUInt32LE(i === bodies.length - 1 ? 3 : 1, sh + 4); // SHT_STRTAB / SHT_PROGBITS
    file.writeBigUInt64LE(BigInt(at), sh + 0x18);
    file.writeBigUInt64LE(BigInt(bytes.length), sh + 0x20);
  });
  return file;
}

/** `.modinfo` bytes as the kernel build lays them out: NUL-terminated key=value strings, some padding. */
export function modinfoBytes(fields: Record<string, string>): Buffer {
  return Buffer.from(
    `${Object.entries(fields)
      .map(([k, v]) => `${k}=${v}\0\0`)
      .join('')}`,
    'latin1',
  );
}
