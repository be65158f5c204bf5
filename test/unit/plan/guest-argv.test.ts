/** The QEMU argv of bring-your-own guests: machine and CPU, firmware boot of a disk, exit devices, qemu-guest-agent. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveConfig, type RawInputs } from '../../../src/config/index.js';
import { formatError } from '../../../src/core/errors.js';
import type { Provisioned } from '../../../src/provision/types.js';
import { makePlan } from '../../../src/plan/make-plan.js';
import { buildQemuArgv } from '../../../src/run/qemu-argv.js';

const cwd = mkdtempSync(join(tmpdir(), 'qfi-guest-argv-'));
for (const name of ['kernel.elf', 'rootfs.cpio', 'debian.qcow2', 'OVMF.fd']) writeFileSync(join(cwd, name), '');

async function argvFor(inputs: RawInputs, provisioned: Partial<Provisioned> = {}, guestAgentSocket?: string) {
  const { config } = await resolveConfig({ inputs, cwd });
  const plan = makePlan(config, 'token');
  const base = {
    qemuBinary: 'qemu',
    accel: 'tcg',
    firmwareDirs: [],
    bios: undefined,
    kernel: 'k',
    initrd: 'i',
    plugins: [],
    disks: config.guest.disks.map((d) => ({ id: d.id, image: d.path ?? `/x/${d.id}` })),
  };
  const argv = buildQemuArgv(plan, { ...base, ...provisioned } as Provisioned, {
    qmpSocket: '/q',
    fwCfgFiles: new Map(plan.fwCfg.map((e) => [e.name, `/f/${e.name}`])),
    ...(guestAgentSocket ? { guestAgentSocket } : {}),
  });
  return { plan, argv, text: argv.join(' ') };
}
const after = (argv: string[], flag: string) => argv[argv.indexOf(flag) + 1];

describe('QEMU argv for your own guest', () => {
  it("uses the arch's machine and CPU unless given, and `host` only under KVM", async () => {
    expect(after((await argvFor({ command: 'x' })).argv, '-machine')).toBe('q35');
    expect((await argvFor({ command: 'x' })).argv).not.toContain('-cpu');
    expect(after((await argvFor({ command: 'x' }, { accel: 'kvm' })).argv, '-cpu')).toBe('host');
    const own = await argvFor({ command: 'x', 'machine-type': 'pc', cpu: 'Skylake-Client' }, { accel: 'kvm' });
    expect([after(own.argv, '-machine'), after(own.argv, '-cpu')]).toEqual(['pc', 'Skylake-Client']);
    const arm = await argvFor({ command: 'x', arch: 'aarch64' });
    expect([after(arm.argv, '-machine'), after(arm.argv, '-cpu')]).toEqual(['virt,gic-version=3', 'cortex-a57']);
  });

  it('sets the guest clock with -rtc base= only when rtc-base is given, and refuses what QEMU would not take', async () => {
    expect(after((await argvFor({ command: 'x', 'rtc-base': '2024-01-01' })).argv, '-rtc')).toBe('base=2024-01-01');
    expect(after((await argvFor({ command: 'x', 'rtc-base': 'localtime' })).argv, '-rtc')).toBe('base=localtime');
    expect((await argvFor({ command: 'x' })).argv).not.toContain('-rtc');
    for (const bad of ['2024-13-01', '2023-02-29T00:00:00', '2024-01-01 08:00', '1969-12-31', 'yesterday']) {
      await expect(argvFor({ command: 'x', 'rtc-base': bad })).rejects.toThrow(`bad rtc-base ${JSON.stringify(bad)}`);
    }
  });

  it('adds isa-debug-exit or semihosting for the exit device, nothing otherwise', async () => {
    const x86 = await argvFor({ kernel: 'kernel.elf', agent: 'none', 'exit-device': 'isa-debug-exit' });
    expect(x86.text).toContain('-device isa-debug-exit,iobase=0xf4,iosize=0x04');
    expect(x86.plan.verdictSources).toEqual({ successMarker: undefined, failureMarker: undefined, exitDevice: 'isa-debug-exit', passExitCodes: [0] });
    const arm = await argvFor({ kernel: 'kernel.elf', agent: 'none', arch: 'aarch64', 'exit-device': 'semihosting', 'pass-exit-codes': '0,7' });
    expect(arm.text).toContain('-semihosting-config enable=on,target=native');
    expect(arm.plan.verdictSources.passExitCodes).toEqual([0, 7]);
    expect((await argvFor({ command: 'x' })).text).not.toMatch(/isa-debug-exit|semihosting/);
  });

  it('boots a boot=true disk through the firmware: no -kernel, -initrd or -append, bootindex on its device', async () => {
    const { argv, text, plan } = await argvFor(
      { command: 'uname -a', agent: 'qemu-guest-agent', disks: `id=root path=${join(cwd, 'debian.qcow2')} boot=true` },
      { kernel: undefined, initrd: undefined, bios: join(cwd, 'OVMF.fd') },
      '/p/qga.sock',
    );
    expect(plan.boot).toBe('disk');
    for (const flag of ['-kernel', '-initrd', '-append']) expect(argv).not.toContain(flag);
    expect(after(argv, '-bios')).toBe(join(cwd, 'OVMF.fd'));
    expect(text).toContain('serial=root,rerror=report,werror=report,request-merging=off,bootindex=0');
    expect(text).toContain(
      '-device virtio-serial-pci,id=qfi-serial0 -chardev socket,id=qfi-qga,path=/p/qga.sock,server=on,wait=off -device virtserialport,chardev=qfi-qga,name=org.qemu.guest_agent.0',
    );
  });

  /** The formatted error planning `inputs` gives (planning must fail). */
  const refusal = async (inputs: RawInputs) => {
    try {
      await argvFor(inputs);
    } catch (err) {
      return formatError(err);
    }
    throw new Error('planned');
  };

  it("refuses plugin rules and snapshot campaigns where qfi's plugin cannot serve them", async () => {
    expect(await refusal({ command: 'x', arch: 'aarch64', faults: 'mem.flip[at=insn:1000]=fail' })).toMatch(
      /^input arch: error: plugin rules \(mem\.\*, reg\.\*, insn\.\*\) need qfi's plugin, which qfi builds and knows RAM and registers for on x86_64 only; arch is aarch64/,
    );
  });

  it('refuses an explicit accel = kvm that plugin rules or icount would silently turn into TCG', async () => {
    expect(await refusal({ command: 'x', accel: 'kvm', faults: 'mem.flip[at=insn:1000]=fail' })).toMatch(
      /^input accel: error: accel = kvm was asked for, but plugin rules \(mem\.\*, reg\.\*, insn\.\*\) run in qfi's TCG plugin: KVM cannot run it\nhint: use accel = auto/,
    );
    expect(await refusal({ command: 'x', accel: 'kvm', icount: 'true' })).toMatch(/^input accel: error: accel = kvm was asked for, but icount is a TCG option/);
    expect((await argvFor({ command: 'x', accel: 'auto', icount: 'true' })).plan.accel).toEqual({ want: 'tcg', reason: 'icount is a TCG option' });
  });
});
