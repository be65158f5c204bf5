/**
 * Which guest a config describes, and the combinations of guest settings that cannot work.
 * Three kinds of guest: the built-in one (qfi's initramfs and agent, with qfi's kernel or
 * yours), your kernel with your initrd (or none), and a disk image the firmware boots.
 */
import { ConfigError, type SourceLocation } from '../core/errors.js';
import type { Arch, GuestAgent } from './types.js';
import type { DiskSpec } from './disk-spec.js';
import type { SettingValue } from './check-schema.js';
import type { InputName } from './inputs.js';
import type { ProblemList } from './problems.js';

export interface GuestChoice {
  agent: GuestAgent;
}

type Setting = (name: InputName) => SettingValue | undefined;

/** What every check of the guest's combination reads. */
interface Combination {
  setting: Setting;
  written: (name: InputName) => boolean;
  where: (name: InputName) => SourceLocation;
  problems: ProblemList;
}

export function checkGuestCombination(
  setting: Setting,
  written: (name: InputName) => boolean,
  arch: Arch,
  disks: readonly DiskSpec[],
  problems: ProblemList,
): GuestChoice {
  const c: Combination = { setting, written, where: (name) => setting(name)?.where ?? { input: name }, problems };
  const bootDisk = disks.find((d) => d.boot);
  checkBootSource(c, disks);
  const initrd = written('initrd');
  // The built-in initramfs (and so qfi's agent) is used unless an initrd or a boot disk replaces it.
  const builtinInitramfs = !initrd && !bootDisk;
  const asked = (setting('agent')?.value as GuestAgent | 'auto' | undefined) ?? 'auto';
  const agent: GuestAgent = asked === 'auto' ? (builtinInitramfs ? 'qfi' : 'none') : asked;
  checkAgentFits(c, agent, { builtinInitramfs, initrd, bootDisk });
  checkExitDevice(c, arch);
  return { agent };
}

/** One boot source: one boot disk, and no kernel or append beside it. */
function checkBootSource({ where, written, problems }: Combination, disks: readonly DiskSpec[]): void {
  const bootDisks = disks.filter((d) => d.boot);
  const bootDisk = bootDisks[0];
  const kernel = written('kernel');
  if (bootDisks.length > 1) {
    problems.add(
      new ConfigError(`${bootDisks.length} disks have boot=true (${bootDisks.map((d) => d.id).join(', ')})`, {
        location: where('disks'),
        hint: 'the firmware boots one disk: keep boot=true on one of them',
      }),
    );
  }
  if (bootDisk && kernel) {
    problems.add(
      new ConfigError(`disk ${bootDisk.id} has boot=true, but a kernel is given too`, {
        location: where('kernel'),
        hint: `either let the firmware boot the disk (drop kernel), or boot your kernel with the disk as its root (drop boot=true and add \`root=/dev/vda1\` to append)`,
      }),
    );
  }
  if (bootDisk && written('append') && !kernel) {
    problems.add(
      new ConfigError('append is given, but the guest boots from a disk', {
        location: where('append'),
        hint: "the disk's boot loader has its own kernel command line: change it in the image, or drop append",
      }),
    );
  }
}

/** The agent must live where the guest boots, and what it serves (command, results-file, files) needs one. */
function checkAgentFits(
  { where, written, problems }: Combination,
  agent: GuestAgent,
  guest: { builtinInitramfs: boolean; initrd: boolean; bootDisk: DiskSpec | undefined },
): void {
  const { builtinInitramfs, initrd, bootDisk } = guest;
  if (agent === 'qfi' && !builtinInitramfs) {
    problems.add(
      new ConfigError(`agent: qfi runs in the built-in initramfs, but ${initrd ? 'an initrd is given' : `disk ${bootDisk!.id} is booted`}`, {
        location: where('agent'),
        hint: 'use agent: qemu-guest-agent (installed and enabled in your image), agent: none (your kernel tests itself), or drop initrd / boot=true to use the built-in initramfs',
      }),
    );
  }
  if (agent === 'qemu-guest-agent' && builtinInitramfs) {
    problems.add(
      new ConfigError("agent: qemu-guest-agent runs inside your own image, but the guest would boot qfi's built-in initramfs", {
        location: where('agent'),
        hint: 'give a disk with boot=true (a distribution image with qemu-guest-agent), or kernel + initrd (+ a root disk), or use agent: qfi',
      }),
    );
  }
  if (agent === 'none' && written('command')) {
    problems.add(
      new ConfigError('a test command is given, but nothing in the guest would run it (agent: none)', {
        location: where('command'),
        hint: builtinInitramfs
          ? 'drop agent: none (the built-in agent runs the command)'
          : 'use agent: qemu-guest-agent if your image runs it, or drop the command and let the kernel test itself (success-marker, failure-marker, exit-device, KTAP)',
      }),
    );
  }
  if (agent === 'none' && written('results-file')) {
    problems.add(
      new ConfigError('results-file is given, but no agent in the guest would hand the file over (agent: none)', {
        location: where('results-file'),
        hint: 'print the KTAP/TAP results on the console instead (qfi reads them there), or run the tests through agent: qemu-guest-agent',
      }),
    );
  }
  if (written('files') && (agent !== 'qfi' || !builtinInitramfs)) {
    problems.add(
      new ConfigError('files go into the built-in initramfs, which this guest does not boot', {
        location: where('files'),
        hint: 'put the files into your own initrd or image, or drop initrd / boot=true',
      }),
    );
  }
}

/** The exit device must exist on the arch, and pass-exit-codes needs one. */
function checkExitDevice({ setting, where, written, problems }: Combination, arch: Arch): void {
  const exitDevice = setting('exit-device')?.value as string | undefined;
  if (exitDevice === 'isa-debug-exit' && arch !== 'x86_64') {
    problems.add(
      new ConfigError(`exit-device isa-debug-exit is an x86 ISA device, but arch is ${arch}`, {
        location: where('exit-device'),
        hint: 'on aarch64 use exit-device: semihosting (SYS_EXIT), or a success-marker',
      }),
    );
  }
  if (exitDevice === 'semihosting' && arch === 'x86_64') {
    problems.add(
      new ConfigError('exit-device semihosting does not exist on x86_64 in QEMU', {
        location: where('exit-device'),
        hint: 'on x86 use exit-device: isa-debug-exit (write the code to port 0xf4)',
      }),
    );
  }
  if (written('pass-exit-codes') && (exitDevice === undefined || exitDevice === 'none')) {
    problems.add(
      new ConfigError('pass-exit-codes is given, but no exit-device reports an exit code', {
        location: where('pass-exit-codes'),
        hint: 'set exit-device (isa-debug-exit on x86, semihosting on aarch64), or drop pass-exit-codes',
      }),
    );
  }
}
