import { existsSync, readFileSync } from 'node:fs';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { writeCpioNewc } from '../../../src/provision/guest/cpio-newc.js';
import { agentScriptPath, initramfsEntries, initramfsKey, MODULE_LIST_PATH } from '../../../src/provision/guest/initramfs.js';
import type { LoadedModule } from '../../../src/provision/guest/kernel-modules.js';
import { makeElf64, modinfoBytes } from './synthetic-elf.js';

function mod(name: string, relPath: string, raw = makeElf64({ sections: { '.modinfo': modinfoBytes({ name }) } })): LoadedModule {
  return { name, relPath, raw, elf: raw, info: { name, depends: [], vermagic: undefined } };
}

const inputs = {
  agent: Buffer.from('#!/bin/sh\necho agent\n'),
  faultHelper: Buffer.from('#!/bin/sh\nexit 1\n'),
  busybox: { path: '/bin/busybox', bytes: makeElf64({}) },
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
      '/lib/modules/6.1.0-99-cloud-amd64/kernel/drivers/virtio/virtio_ring.ko\n' +
        '/lib/modules/6.1.0-99-cloud-amd64/kernel/drivers/block/virtio_blk.ko\n',
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
    expect(initramfsKey({ ...inputs, busybox: { path: '/bin/busybox', bytes: makeElf64({ interp: true }) } })).not.toBe(key);
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
