import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { InfraError } from '../../../src/core/errors.js';
import { findStaticBusybox } from '../../../src/provision/guest/busybox.js';
import { ELF_MACHINE, elfMachine, hasProgramInterpreter, isElf, readElfSection } from '../../../src/provision/guest/elf.js';
import { findCachedArm64Busybox } from './real-kernel.js';
import { makeElf64 } from './synthetic-elf.js';

const work = mkdtempSync(join(tmpdir(), 'qfi-busybox-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function file(name: string, bytes: Uint8Array): string {
  const path = join(work, name);
  writeFileSync(path, bytes);
  return path;
}

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

  it('sees that the host node binary is dynamic', async () => {
    const { readFileSync } = await import('node:fs');
    expect(hasProgramInterpreter(readFileSync(process.execPath))).toBe(true);
  });
});

describe('findStaticBusybox', () => {
  it.skipIf(!existsSync('/bin/busybox'))('accepts the host /bin/busybox (busybox-static)', async () => {
    const bb = await findStaticBusybox();
    expect(bb.path).toBe('/bin/busybox');
    expect(hasProgramInterpreter(bb.bytes)).toBe(false);
  });

  it.skipIf(!existsSync('/bin/busybox') || process.arch !== 'x64')("refuses the host's busybox for another CPU", async () => {
    expect(elfMachine((await findStaticBusybox(['/bin/busybox'], ELF_MACHINE.x86_64)).bytes)).toBe(ELF_MACHINE.x86_64);
    await expect(findStaticBusybox(['/bin/busybox'], ELF_MACHINE.aarch64)).rejects.toThrow(/is for ELF machine 62, not 183/);
  });

  const arm64 = findCachedArm64Busybox();
  it.skipIf(!arm64)(`accepts the arm64 busybox-static an aarch64 run unpacked (${arm64 ?? 'none cached yet'})`, async () => {
    const bb = await findStaticBusybox([arm64!], ELF_MACHINE.aarch64);
    expect(elfMachine(bb.bytes)).toBe(183);
    expect(hasProgramInterpreter(bb.bytes)).toBe(false);
  });

  it('skips a dynamic busybox for a static one further down the list', async () => {
    const dynamic = file('dyn', makeElf64({ interp: true }));
    const stat = file('static', makeElf64({}));
    expect((await findStaticBusybox([dynamic, stat])).path).toBe(stat);
  });

  it('says to install busybox-static when only a dynamic or no busybox exists', async () => {
    const dynamic = file('dyn2', makeElf64({ interp: true }));
    const err = await findStaticBusybox([dynamic, join(work, 'missing')]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InfraError);
    expect((err as InfraError).message).toContain('is dynamically linked');
    expect((err as InfraError).hint).toBe('apt-get install busybox-static');
    await expect(findStaticBusybox([join(work, 'missing')])).rejects.toMatchObject({ hint: 'apt-get install busybox-static' });
    await expect(findStaticBusybox([file('text', Buffer.from('hello'))])).rejects.toThrow(/not an ELF/);
  });
});
