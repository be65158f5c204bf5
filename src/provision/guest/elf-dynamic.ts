/**
 * What a dynamic ELF program needs at run time, read from its own headers (no ldd: ldd runs
 * the program's loader, which cannot work for another architecture and should not run on
 * files a workflow hands us): the loader (PT_INTERP), its DT_NEEDED libraries and where it
 * asks to find them (DT_RUNPATH / DT_RPATH). 64-bit little-endian, like elf.ts.
 */
import { ElfFormatError, elf64View, elfMachine } from './elf.js';

const PT_LOAD = 1;
const PT_DYNAMIC = 2;
const PT_INTERP = 3;
const DT_NULL = 0n;
const DT_NEEDED = 1n;
const DT_STRTAB = 5n;
const DT_RPATH = 15n;
const DT_RUNPATH = 29n;

export interface ElfDynamicInfo {
  /** e_machine (62 x86-64, 183 AArch64). */
  machine: number;
  /** The loader's path, e.g. /lib64/ld-linux-x86-64.so.2; undefined for a static program. */
  interpreter: string | undefined;
  needed: string[];
  /** DT_RUNPATH, else DT_RPATH, split on `:` (`$ORIGIN` left for the caller). */
  searchPaths: string[];
}

interface Segment {
  type: number;
  offset: number;
  vaddr: bigint;
  filesz: number;
}

export function readElfDynamic(bytes: Uint8Array): ElfDynamicInfo {
  const v = elf64View(bytes);
  const machine = elfMachine(bytes);
  const phoff = Number(v.getBigUint64(0x20, true));
  const phentsize = v.getUint16(0x36, true);
  const phnum = v.getUint16(0x38, true);
  if (phoff + phentsize * phnum > bytes.length) throw new ElfFormatError('program header table lies outside the file');
  const segments: Segment[] = [];
  for (let i = 0; i < phnum; i++) {
    const at = phoff + i * phentsize;
    segments.push({
      type: v.getUint32(at, true),
      offset: Number(v.getBigUint64(at + 8, true)),
      vaddr: v.getBigUint64(at + 16, true),
      filesz: Number(v.getBigUint64(at + 32, true)),
    });
  }
  const cString = (offset: number): string => {
    if (offset < 0 || offset >= bytes.length) throw new ElfFormatError('string lies outside the file');
    const end = bytes.indexOf(0, offset);
    return Buffer.from(bytes.subarray(offset, end === -1 ? bytes.length : end)).toString('utf8');
  };

  const interp = segments.find((s) => s.type === PT_INTERP);
  const interpreter = interp ? cString(interp.offset) : undefined;
  const dynamic = segments.find((s) => s.type === PT_DYNAMIC);
  if (!dynamic) return { machine, interpreter, needed: [], searchPaths: [] };

  const entries: Array<[bigint, bigint]> = [];
  for (let at = dynamic.offset; at + 16 <= dynamic.offset + dynamic.filesz && at + 16 <= bytes.length; at += 16) {
    const tag = v.getBigInt64(at, true);
    if (tag === DT_NULL) break;
    entries.push([tag, v.getBigUint64(at + 8, true)]);
  }
  const strtab = entries.find(([tag]) => tag === DT_STRTAB)?.[1];
  if (strtab === undefined) throw new ElfFormatError('dynamic section without a string table');
  // DT_STRTAB is an address: find the file offset through the segment that loads it.
  const load = segments.find((s) => s.type === PT_LOAD && strtab >= s.vaddr && strtab < s.vaddr + BigInt(s.filesz));
  if (!load) throw new ElfFormatError('the dynamic string table is in no loaded segment');
  const strOffset = load.offset + Number(strtab - load.vaddr);
  const strings = (tag: bigint) => entries.filter(([t]) => t === tag).map(([, value]) => cString(strOffset + Number(value)));
  const runpath = strings(DT_RUNPATH);
  const rpath = strings(DT_RPATH);
  const searchPaths = (runpath.length > 0 ? runpath : rpath).flatMap((p) => p.split(':')).filter((p) => p !== '');
  return { machine, interpreter, needed: strings(DT_NEEDED), searchPaths };
}
