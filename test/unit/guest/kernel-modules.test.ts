import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { execa } from 'execa';
import { afterAll, describe, expect, it } from 'vitest';
import { GUEST_MODULES } from '../../../src/provision/guest/initramfs.js';
import { elfMachine, readElfSection } from '../../../src/provision/guest/elf.js';
import { guestArch } from '../../../src/provision/guest/guest-arch.js';
import {
  indexModuleFiles,
  moduleNameOfPath,
  ModuleTree,
  orderModules,
  parseModinfo,
  parseModulesBuiltin,
  type ModuleGraph,
} from '../../../src/provision/guest/kernel-modules.js';
import { findCachedKernel, NO_CACHED_ARM64_KERNEL, NO_CACHED_KERNEL } from './real-kernel.js';
import { makeElf64, modinfoBytes } from './synthetic-elf.js';

/** A graph from a plain table: name -> depends (undefined = no such module). */
function graph(table: Record<string, string[]>, builtin: string[] = []): ModuleGraph {
  return {
    isBuiltin: (n) => builtin.includes(n),
    dependsOf: async (n) => table[n],
  };
}

const work = mkdtempSync(join(tmpdir(), 'qfi-modules-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('parseModinfo', () => {
  it('reads name, depends and vermagic from NUL-separated strings with padding', () => {
    const info = parseModinfo(modinfoBytes({ license: 'GPL', depends: 'virtio_ring,virtio,net-failover', name: 'virtio_net', vermagic: '6.1.0 SMP' }));
    expect(info).toEqual({ name: 'virtio_net', depends: ['virtio_ring', 'virtio', 'net_failover'], vermagic: '6.1.0 SMP' });
  });

  it('gives no dependencies for an empty depends=', () => {
    expect(parseModinfo(modinfoBytes({ depends: '', name: 'qemu_fw_cfg' })).depends).toEqual([]);
  });
});

describe('orderModules', () => {
  const table = {
    virtio_ring: [],
    virtio: ['virtio_ring'],
    virtio_pci: ['virtio_ring', 'virtio_pci_modern_dev', 'virtio_pci_legacy_dev', 'virtio'],
    virtio_pci_modern_dev: [],
    virtio_pci_legacy_dev: [],
    virtio_net: ['virtio_ring', 'virtio', 'net_failover'],
    net_failover: ['failover'],
    failover: [],
    qemu_fw_cfg: [],
  };

  it('puts dependencies first, each module once, keeping the wanted order', async () => {
    expect(await orderModules(['qemu_fw_cfg', 'virtio_pci', 'virtio_net'], graph(table))).toEqual([
      'qemu_fw_cfg',
      'virtio_ring',
      'virtio_pci_modern_dev',
      'virtio_pci_legacy_dev',
      'virtio',
      'virtio_pci',
      'failover',
      'net_failover',
      'virtio_net',
    ]);
  });

  it('skips built-in modules and what only they would need', async () => {
    expect(await orderModules(['qemu_fw_cfg', 'virtio_net'], graph(table, ['virtio_net', 'qemu_fw_cfg']))).toEqual([]);
    expect(await orderModules(['virtio-net'], graph(table, ['virtio', 'virtio_ring']))).toEqual(['failover', 'net_failover', 'virtio_net']);
  });

  it('names a missing module and who needs it, and refuses cycles', async () => {
    await expect(orderModules(['virtio_net'], graph({ virtio_net: ['virtio'] }))).rejects.toThrow(
      'the kernel has no module virtio (needed by virtio_net), and it is not built in',
    );
    await expect(orderModules(['a'], graph({ a: ['b'], b: ['a'] }))).rejects.toThrow('module dependency cycle: a -> b -> a');
  });
});

describe('module files', () => {
  it('names modules from their paths, compressed or not', () => {
    expect(moduleNameOfPath('kernel/drivers/virtio/virtio_pci.ko')).toBe('virtio_pci');
    expect(moduleNameOfPath('kernel/arch/x86/events/amd/amd-uncore.ko.zst')).toBe('amd_uncore');
    expect(moduleNameOfPath('modules.order')).toBeUndefined();
    expect([...parseModulesBuiltin('kernel/fs/binfmt_script.ko\nkernel/arch/x86/crypto/libblake2s-x86_64.ko\n')]).toEqual([
      'binfmt_script',
      'libblake2s_x86_64',
    ]);
  });

  it('reads .modinfo from module ELF files, decompressing .ko.xz, and orders them', async () => {
    const dir = join(work, 'lib/modules/9.9.9-test');
    const put = (rel: string, bytes: Buffer) => {
      mkdirSync(dirname(join(dir, rel)), { recursive: true });
      writeFileSync(join(dir, rel), bytes);
    };
    put('kernel/a/base.ko', makeElf64({ sections: { '.text': Buffer.alloc(16), '.modinfo': modinfoBytes({ depends: '', name: 'base' }) } }));
    const top = makeElf64({ sections: { '.modinfo': modinfoBytes({ depends: 'base', name: 'top-mod' }) } });
    put('kernel/b/top-mod.ko.xz', Buffer.from((await execa('xz', ['-c', '--check=crc32'], { input: top, encoding: 'buffer' })).stdout));
    const index = await indexModuleFiles(dir);
    expect(index).toEqual({ base: 'kernel/a/base.ko', top_mod: 'kernel/b/top-mod.ko.xz' });
    const tree = new ModuleTree(dir, index, new Set());
    expect(await orderModules(['top_mod'], tree)).toEqual(['base', 'top_mod']);
    const loaded = await tree.load('top_mod');
    expect(Buffer.from(loaded!.elf).equals(top)).toBe(true);
    expect(loaded!.raw.length).not.toBe(top.length);
  });
});

const realKernels = [
  { arch: guestArch.x86_64, real: findCachedKernel('amd64'), missing: NO_CACHED_KERNEL },
  { arch: guestArch.aarch64, real: findCachedKernel('arm64'), missing: NO_CACHED_ARM64_KERNEL },
];

describe.each(realKernels)('the real $arch.debArch kernel package modules', ({ arch, real, missing }) => {
  it.skipIf(!real)(`orders ${arch.modules.join(', ')} from their .modinfo (${real ? real.modulesDir : missing})`, async () => {
    const builtin = parseModulesBuiltin(readFileSync(join(real!.modulesDir, 'modules.builtin'), 'utf8'));
    const tree = new ModuleTree(real!.modulesDir, real!.moduleFiles, builtin);
    const order = await orderModules(arch.modules, tree);
    for (const name of arch.modules) if (!builtin.has(name)) expect(order).toContain(name);
    for (const [i, name] of order.entries()) {
      const mod = (await tree.load(name))!;
      expect(mod.info.name).toBe(name);
      expect(mod.info.vermagic?.split(' ')[0]).toBe(real!.kernelRelease);
      expect(elfMachine(mod.elf), `${name} is built for the guest's CPU`).toBe(arch.elfMachine);
      for (const dep of mod.info.depends) {
        if (!builtin.has(dep)) expect(order.indexOf(dep), `${dep} before ${name}`).toBeLessThan(i);
      }
    }
    // The section reader sees the same bytes the depends= came from.
    const raw = readFileSync(join(real!.modulesDir, real!.moduleFiles.virtio_pci!));
    expect(Buffer.from(readElfSection(raw, '.modinfo')!).toString('latin1')).toContain('depends=');
  });
});

it('keeps the x86_64 module list it always had (the cached initramfs keys depend on it)', () => {
  expect(GUEST_MODULES).toEqual(['qemu_fw_cfg', 'virtio_pci', 'virtio_blk', 'virtio_net', 'virtio_console']);
  expect(guestArch.x86_64.modules).toEqual(GUEST_MODULES);
  expect(guestArch.aarch64.modules).toContain('virtio_mmio');
});
