import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { staticBusyboxProblem } from '../../../src/provision/guest/busybox.js';
import { ELF_MACHINE, elfMachine, hasProgramInterpreter, isElf, readElfSection } from '../../../src/provision/guest/elf.js';
import { findCachedBusybox } from './real-kernel.js';
import { makeElf64 } from './synthetic-elf.js';

describe('ELF reading', () => {
  it('tells static from dynamic and finds sections by name', () => {
    const dynamic = makeElf64({ interp: true, sections: { '.interp': Buffer.from('/lib64/ld-linux-x86-64.so.2\0') } });
    expect(isElf(dynamic)).toBe(true);
    expect(hasProgramInterpreter(dynamic)).toBe(true);
    expect(hasProgramInterpreter(makeElf64({}))).toBe(false);
    expect(Buffer.from(readElfSection(dynamic, '.interp')!).toString()).toBe('/lib64/ld-linux-x86-64.so.2\0');
    expect(readElfSection(dynamic, '.modinfo')).toBeUndefined();
    expect(readElfSection(dynamic, '.interpX')).toBeUndefined();
    expect(isElf(Buffer.from('#!/bin/sh\n'))).toBe(false);
  });

  it('sees that the host node binary is dynamic', () => {
    expect(hasProgramInterpreter(readFileSync(process.execPath))).toBe(true);
  });
});

describe('staticBusyboxProblem', () => {
  it('accepts a static executable for the CPU and says what is wrong with anything else', () => {
    expect(staticBusyboxProblem(makeElf64({}), ELF_MACHINE.x86_64)).toBeUndefined();
    expect(staticBusyboxProblem(makeElf64({ interp: true }), ELF_MACHINE.x86_64)).toBe('is dynamically linked');
    expect(staticBusyboxProblem(makeElf64({}), ELF_MACHINE.aarch64)).toBe('is for ELF machine 62, not 183');
    expect(staticBusyboxProblem(Buffer.from('hello'), ELF_MACHINE.x86_64)).toBe('is not an ELF executable');
  });

  for (const [debArch, machine] of [
    ['amd64', ELF_MACHINE.x86_64],
    ['arm64', ELF_MACHINE.aarch64],
  ] as const) {
    const cached = findCachedBusybox(debArch);
    it.skipIf(!cached)(`accepts the ${debArch} busybox-static an earlier run took from Debian's archive (${cached ?? 'none cached yet'})`, () => {
      const bytes = readFileSync(cached!);
      expect(staticBusyboxProblem(bytes, machine)).toBeUndefined();
      expect(elfMachine(bytes)).toBe(machine);
    });
  }
});
