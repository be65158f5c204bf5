import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../../src/config/index.js';
import type { RawInputs } from '../../../src/config/inputs.js';
import { formatError } from '../../../src/core/errors.js';
import { makePlan } from '../../../src/plan/make-plan.js';
import { tempDir } from './temp-files.js';

const files = { bzImage: 'k', 'rootfs.cpio': 'i', 'disk.qcow2': '', 'fw.bin': '', tool: '#!/bin/sh\n' };

async function resolved(inputs: RawInputs) {
  return resolveConfig({ inputs, cwd: tempDir(files) });
}
async function problem(inputs: RawInputs): Promise<string> {
  try {
    await resolved(inputs);
  } catch (err) {
    return formatError(err);
  }
  throw new Error('resolved without a problem');
}

describe('guest kinds and their agents', () => {
  it("runs the command with qfi's agent on the built-in initramfs, with qfi's kernel or yours", async () => {
    expect((await resolved({ command: 'x' })).config.guest.agent).toBe('qfi');
    expect((await resolved({ command: 'x', kernel: 'bzImage' })).config.guest.agent).toBe('qfi');
  });

  it('needs no command when your kernel and initrd test themselves, and warns without a verdict source', async () => {
    const { config, warnings } = await resolved({ kernel: 'bzImage', initrd: 'rootfs.cpio' });
    expect(config.guest.agent).toBe('none');
    expect(warnings.join('\n')).toMatch(/no success-marker, failure-marker or exit-device is set: only KTAP\/TAP results/);
    expect((await resolved({ kernel: 'bzImage', initrd: 'rootfs.cpio', 'success-marker': 'PASS' })).warnings).toEqual([]);
  });

  it('boots a disk through the firmware; its writes go to a copy by default', async () => {
    const { config } = await resolved({ command: 'uname -a', agent: 'qemu-guest-agent', disks: 'id=root path=disk.qcow2 boot=true' });
    expect(config.guest.disks[0]).toMatchObject({ id: 'root', boot: true, snapshot: true, format: 'qcow2' });
    expect(
      (await resolved({ command: 'x', agent: 'qemu-guest-agent', disks: 'id=root path=disk.qcow2 boot=true snapshot=false' })).config.guest.disks[0]?.snapshot,
    ).toBe(false);
  });

  it('refuses a command nothing would run, saying what would', async () => {
    expect(await problem({ command: 'make check', kernel: 'bzImage', initrd: 'rootfs.cpio' })).toMatch(
      /^input command: error: a test command is given, but nothing in the guest would run it \(agent: none\)\nhint: use agent: qemu-guest-agent/,
    );
    expect(await problem({ command: 'x', agent: 'none' })).toMatch(/hint: drop agent: none \(the built-in agent runs the command\)/);
  });

  it("refuses qfi's agent without its initramfs, and qemu-guest-agent on qfi's initramfs", async () => {
    expect(await problem({ command: 'x', kernel: 'bzImage', initrd: 'rootfs.cpio', agent: 'qfi' })).toMatch(
      /^input agent: error: agent: qfi runs in the built-in initramfs, but an initrd is given/,
    );
    expect(await problem({ command: 'x', agent: 'qfi', disks: 'path=disk.qcow2 boot=true' })).toMatch(/but disk disk0 is booted/);
    expect(await problem({ command: 'x', agent: 'qemu-guest-agent' })).toMatch(/^input agent: error: agent: qemu-guest-agent runs inside your own image/);
  });

  it('refuses two boot disks, a boot disk with a kernel, and append for a disk boot', async () => {
    const two = await problem({ command: 'x', agent: 'qemu-guest-agent', disks: 'id=a path=disk.qcow2 boot=true\nid=b path=fw.bin boot=true' });
    expect(two).toMatch(/2 disks have boot=true \(a, b\)/);
    expect(await problem({ agent: 'none', kernel: 'bzImage', disks: 'path=disk.qcow2 boot=true', 'success-marker': 'x' })).toMatch(
      /disk disk0 has boot=true, but a kernel is given too/,
    );
    expect(await problem({ command: 'x', agent: 'qemu-guest-agent', append: 'quiet', disks: 'path=disk.qcow2 boot=true' })).toMatch(
      /append is given, but the guest boots from a disk/,
    );
    expect(await problem({ command: 'x', disks: 'id=new size=1M boot=true' })).toMatch(/disk new: boot=true needs an image to boot/);
  });

  it('takes files only into the built-in initramfs', async () => {
    const { config } = await resolved({ command: 'x', files: 'path=tool dest=/usr/bin/tool mode=0755' });
    expect(config.guest.files).toEqual([{ path: expect.stringMatching(/\/tool$/), dest: '/usr/bin/tool', mode: 0o755 }]);
    expect(await problem({ kernel: 'bzImage', initrd: 'rootfs.cpio', files: 'path=tool dest=/usr/bin/tool', 'success-marker': 'ok' })).toMatch(
      /files go into the built-in initramfs, which this guest does not boot/,
    );
  });

  it('checks each file: exists, absolute guest path, not over the agent or a mounted folder', async () => {
    expect(await problem({ command: 'x', files: 'path=missing dest=/usr/bin/m' })).toMatch(/file "missing" does not exist/);
    expect(await problem({ command: 'x', files: 'path=tool dest=usr/bin/tool' })).toMatch(/dest "usr\/bin\/tool" is not an absolute guest path/);
    expect(await problem({ command: 'x', files: 'path=tool dest=/tmp/tool' })).toMatch(/dest \/tmp\/tool is under \/tmp, which the agent mounts over at boot/);
    expect(await problem({ command: 'x', files: 'path=tool dest=/init' })).toMatch(/would replace part of qfi's agent/);
    expect(await problem({ command: 'x', files: 'path=tool dest=/usr/bin/t mode=999' })).toMatch(/bad file mode "999"/);
    expect(await problem({ command: 'x', files: 'path=tool' })).toMatch(/a file needs both path= \(on the host\) and dest= \(in the guest\)/);
  });

  it('reads [[guest.files]] tables relative to the config file', async () => {
    const cwd = tempDir({ ...files, 'ci/qfi.toml': '[test]\ncommand = "x"\n[[guest.files]]\npath = "../tool"\ndest = "/opt/tool"\n' });
    const { config } = await resolveConfig({ inputs: { config: 'ci/qfi.toml' }, cwd });
    expect(config.guest.files).toEqual([{ path: `${cwd}/tool`, dest: '/opt/tool', mode: undefined }]);
  });
});

describe('verdict settings', () => {
  it('reads markers as regular expressions and exit codes as lists and ranges', async () => {
    const { config } = await resolved({
      kernel: 'bzImage',
      initrd: 'rootfs.cpio',
      'success-marker': '^ALL (\\d+) PASSED$',
      'failure-marker': 'FAIL|panic',
      'exit-device': 'isa-debug-exit',
      'pass-exit-codes': '0, 3-5',
    });
    expect(config.test).toMatchObject({
      successMarker: '^ALL (\\d+) PASSED$',
      failureMarker: 'FAIL|panic',
      exitDevice: 'isa-debug-exit',
      passExitCodes: [0, 3, 4, 5],
    });
  });

  it('says what is wrong with a marker or an exit code list', async () => {
    expect(await problem({ command: 'x', 'success-marker': 'ALL (PASSED' })).toMatch(
      /^input success-marker: error: bad regular expression "ALL \(PASSED": .*Unterminated group/,
    );
    expect(await problem({ command: 'x', 'exit-device': 'isa-debug-exit', 'pass-exit-codes': '0,300' })).toMatch(/bad exit code list "0,300" at "300"/);
    expect(await problem({ command: 'x', 'exit-device': 'isa-debug-exit', 'pass-exit-codes': '5-1' })).toMatch(/bad exit code list/);
  });

  it('takes a results file as an absolute guest path the agent hands to the runner through fw_cfg', async () => {
    const { config } = await resolved({ command: 'x', 'results-file': '/tmp/out/../results.tap' });
    expect(config.test.resultsFile).toBe('/tmp/results.tap');
    expect(makePlan(config, 'token').fwCfg).toContainEqual({ name: 'opt/qfi/results-file', content: '/tmp/results.tap' });
    expect(makePlan((await resolved({ command: 'x' })).config, 'token').fwCfg.map((e) => e.name)).not.toContain('opt/qfi/results-file');
    expect(await problem({ command: 'x', 'results-file': 'results.tap' })).toMatch(
      /^input results-file: error: results-file "results.tap" is not an absolute guest path/,
    );
    expect(await problem({ command: 'x', 'results-file': '/tmp/' })).toMatch(/results-file "\/tmp\/" names a folder, not a file/);
    expect(await problem({ command: 'x', 'results-file': '/tmp/a\tb' })).toMatch(/contains a control character/);
    expect(await problem({ kernel: 'bzImage', initrd: 'rootfs.cpio', 'success-marker': 'ok', 'results-file': '/tmp/r.tap' })).toMatch(
      /results-file is given, but no agent in the guest would hand the file over \(agent: none\)/,
    );
  });

  it('refuses exit devices the arch does not have, and exit codes without a device', async () => {
    expect(await problem({ command: 'x', arch: 'aarch64', 'exit-device': 'isa-debug-exit' })).toMatch(
      /exit-device isa-debug-exit is an x86 ISA device, but arch is aarch64/,
    );
    expect(await problem({ command: 'x', 'exit-device': 'semihosting' })).toMatch(/exit-device semihosting does not exist on x86_64/);
    expect(await problem({ command: 'x', 'pass-exit-codes': '0,1' })).toMatch(
      /^input pass-exit-codes: error: pass-exit-codes is given, but no exit-device reports an exit code/,
    );
  });

  it('checks machine types and CPU models as single QEMU option values', async () => {
    const { config } = await resolved({ command: 'x', 'machine-type': 'pc,accel=tcg', cpu: 'max' });
    expect(config.machine).toMatchObject({ type: 'pc,accel=tcg', cpu: 'max' });
    expect(await problem({ command: 'x', 'machine-type': 'q35 -device foo' })).toMatch(/bad machine type "q35 -device foo"/);
    expect(await problem({ command: 'x', cpu: '' + 'max;rm' })).toMatch(/bad CPU model/);
  });
});
