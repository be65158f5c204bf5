import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, describe, expect, it } from 'vitest';
import type { Logger } from '../../../src/core/host.js';
import { writeCpioNewc } from '../../../src/provision/guest/cpio-newc.js';
import { elfMachine } from '../../../src/provision/guest/elf.js';
import { guestArch } from '../../../src/provision/guest/guest-arch.js';
import { agentScriptPath, ensureInitramfs, initramfsEntries, initramfsKey, MODULE_LIST_PATH } from '../../../src/provision/guest/initramfs.js';
import type { LoadedModule } from '../../../src/provision/guest/kernel-modules.js';
import { findCachedBusybox, findCachedKernel, NO_CACHED_ARM64_KERNEL, NO_CACHED_KERNEL } from './real-kernel.js';
import { makeElf64, modinfoBytes } from './synthetic-elf.js';

const work = mkdtempSync(join(tmpdir(), 'qfi-initramfs-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const hasCpio = (await execa('cpio', ['--version'], { reject: false }).catch(() => ({ exitCode: 1 }))).exitCode === 0;

function mod(name: string, relPath: string, raw = makeElf64({ sections: { '.modinfo': modinfoBytes({ name }) } })): LoadedModule {
  return { name, relPath, raw, elf: raw, info: { name, depends: [], vermagic: undefined } };
}

const inputs = {
  agent: Buffer.from('#!/bin/sh\necho agent\n'),
  faultHelper: Buffer.from('#!/bin/sh\nexit 1\n'),
  busybox: { bytes: makeElf64({}) },
  kernelRelease: '6.1.0-99-cloud-amd64',
  modules: [mod('virtio_ring', 'kernel/drivers/virtio/virtio_ring.ko'), mod('virtio_blk', 'kernel/drivers/block/virtio_blk.ko.zst')],
};

describe('initramfs layout', () => {
  it('lists directories before their contents and modules in load order', () => {
    const entries = initramfsEntries(inputs);
    expect(() => writeCpioNewc(entries)).not.toThrow();
    const byPath = new Map(entries.map((e) => [e.path, e]));
    expect(byPath.get('init')).toMatchObject({ type: 'file', mode: 0o755 });
    expect(byPath.get('usr/bin/qfi-fault')).toMatchObject({ type: 'file', mode: 0o755 });
    expect(byPath.get('bin/sh')).toEqual({ type: 'symlink', path: 'bin/sh', target: 'busybox' });
    expect(byPath.get('tmp')).toMatchObject({ type: 'dir', mode: 0o1777 });
    const list = byPath.get(MODULE_LIST_PATH);
    expect(list?.type === 'file' && Buffer.from(list.data).toString()).toBe(
      '/lib/modules/6.1.0-99-cloud-amd64/kernel/drivers/virtio/virtio_ring.ko\n' + '/lib/modules/6.1.0-99-cloud-amd64/kernel/drivers/block/virtio_blk.ko\n',
    );
    expect(byPath.has('lib/modules/6.1.0-99-cloud-amd64/kernel/drivers/block/virtio_blk.ko')).toBe(true);
  });

  it('keys the cache on every input', () => {
    const key = initramfsKey(inputs);
    expect(key).toMatch(/^[0-9a-f]{32}$/);
    expect(initramfsKey({ ...inputs })).toBe(key);
    expect(initramfsKey({ ...inputs, agent: Buffer.from('#!/bin/sh\necho agent 2\n') })).not.toBe(key);
    expect(initramfsKey({ ...inputs, faultHelper: Buffer.from('#!/bin/sh\nexit 0\n') })).not.toBe(key);
    expect(initramfsKey({ ...inputs, kernelRelease: '6.1.0-100-cloud-amd64' })).not.toBe(key);
    expect(initramfsKey({ ...inputs, busybox: { bytes: makeElf64({ interp: true }) } })).not.toBe(key);
    expect(initramfsKey({ ...inputs, modules: inputs.modules.slice(0, 1) })).not.toBe(key);
  });
});

describe('the agent script (guest/qfi-init.sh)', () => {
  it('exists and starts with #!/bin/sh', () => {
    expect(readFileSync(agentScriptPath(), 'utf8').startsWith('#!/bin/sh\n')).toBe(true);
  });

  it.skipIf(!existsSync('/bin/busybox'))('parses with busybox sh -n', async () => {
    const r = await execa('/bin/busybox', ['sh', '-n', agentScriptPath()], { reject: false });
    expect(r.stderr).toBe('');
    expect(r.exitCode).toBe(0);
  });
});

const quiet: Logger = { info: () => {}, warn: () => {}, error: () => {}, debug: () => {}, group: (_t, fn) => fn() };

const perArch = [
  { name: 'x86_64', arch: guestArch.x86_64, kernel: findCachedKernel('amd64'), busybox: findCachedBusybox('amd64'), missing: NO_CACHED_KERNEL },
  { name: 'aarch64', arch: guestArch.aarch64, kernel: findCachedKernel('arm64'), busybox: findCachedBusybox('arm64'), missing: NO_CACHED_ARM64_KERNEL },
];

describe.each(perArch)('the real $name initramfs', ({ name, arch, kernel, busybox, missing }) => {
  it.skipIf(!kernel || !busybox || !hasCpio)(`holds a ${name} busybox, the agent and ${name} modules in load order (${kernel?.dir ?? missing})`, async () => {
    const cacheDir = join(work, name);
    const archive = await ensureInitramfs({
      cacheDir,
      kernel: kernel!,
      busybox: {
        path: busybox!,
        bytes: readFileSync(busybox!),
        description: 'busybox-static',
        package: { name: 'busybox-static', version: '', sha256: '', filename: '' },
      },
      modules: arch.modules,
      log: quiet,
    });
    expect(archive.path.startsWith(join(cacheDir, 'guest', 'initramfs'))).toBe(true);
    expect(archive.sha256).toMatch(/^[0-9a-f]{64}$/);
    // Unpacked by the real cpio, as the kernel would.
    const root = join(work, `${name}-root`);
    mkdirSync(root);
    await execa('cpio', ['-idm', '--quiet', '--no-absolute-filenames'], { cwd: root, input: readFileSync(archive.path) });
    expect(elfMachine(readFileSync(join(root, 'bin/busybox')))).toBe(arch.elfMachine);
    expect(readFileSync(join(root, 'init'))).toEqual(readFileSync(agentScriptPath()));
    const modules = readFileSync(join(root, MODULE_LIST_PATH), 'utf8').trim().split('\n');
    const loaded = modules.map((p) => p.slice(p.lastIndexOf('/') + 1, -'.ko'.length).replace(/-/g, '_'));
    for (const wanted of arch.modules) expect(loaded).toContain(wanted);
    expect(loaded.includes('virtio_mmio')).toBe(name === 'aarch64');
    for (const path of modules) {
      expect(path.startsWith(`/lib/modules/${kernel!.kernelRelease}/`)).toBe(true);
      expect(elfMachine(readFileSync(join(root, path))), path).toBe(arch.elfMachine);
    }
    // Dependencies first: virtio core before the transports and drivers.
    expect(loaded.indexOf('virtio')).toBeLessThan(loaded.indexOf('virtio_pci'));
    expect(loaded.indexOf('virtio_ring')).toBeLessThan(loaded.indexOf('virtio_blk'));
  });
});
