import type { Plan } from '../plan/types.js';
import type { Provisioned } from '../provision/types.js';
import type { PlannedDisk } from '../plan/host-plan.js';
import { archData } from '../plan/arch.js';
import { SNAPSHOT_STATE_FILE_NODE, SNAPSHOT_STATE_NODE } from './snapshot-jobs.js';
import { RESULTS_PORT } from '../protocol/guest-protocol.js';

export interface RunPaths {
  qmpSocket: string;
  /** Files of qfi's plugin for this run: its rule file, injection log and control socket. */
  qfiPlugin?: { rules: string; log: string; socket: string };
  /** fw_cfg name -> file holding its content (QEMU reads `file=`; `string=` would need comma escaping). */
  fwCfgFiles: Map<string, string>;
  /** Where QEMU's block trace goes (-D), when the run has block rules. */
  blockTrace?: string;
  /** qcow2 file the VM state of a snapshot campaign is saved in (a node no device uses). */
  snapshotState?: string;
  /** UNIX socket of the guest's qemu-guest-agent channel (agent: qemu-guest-agent). */
  guestAgentSocket?: string;
  /** Host file the built-in agent writes the command's results file into (`results-file`). */
  guestResults?: string;
}

/** The virtio-serial port name qemu-guest-agent opens in the guest. */
export const GUEST_AGENT_PORT = 'org.qemu.guest_agent.0';

/**
 * QEMU trace events that let the runner tell which guest request failed and why: the
 * format node each image opens as (its file name), the device request (sector) and its
 * completion (errno). See run/block-trace.ts.
 */
export const BLOCK_TRACE_EVENTS = [
  'bdrv_open_common',
  'blk_co_preadv',
  'blk_co_pwritev',
  'virtio_blk_handle_read',
  'virtio_blk_handle_write',
  'virtio_blk_rw_complete',
  'virtio_blk_req_complete',
] as const;

/** QEMU's option parser splits on commas; a literal comma in a value is written twice. */
export function escapeOptionValue(value: string): string {
  return value.replaceAll(',', ',,');
}

/**
 * The QEMU argv (argv[0] is the binary). Never a shell string: every item is passed as is.
 * -nodefaults and -serial stdio keep the machine minimal and the console on our pipe;
 * -no-reboot with panic=-1 turns a guest panic into a QEMU exit.
 */
export function buildQemuArgv(plan: Plan, provisioned: Provisioned, paths: RunPaths): string[] {
  const argv = [
    provisioned.qemuBinary,
    '-machine',
    plan.machineType,
    '-accel',
    provisioned.accel,
    '-nodefaults',
    '-display',
    'none',
    '-serial',
    'stdio',
    // vm.reset rules need the guest to reboot; the runner then ends a panicking guest itself.
    ...(plan.host.rebootOnReset ? [] : ['-no-reboot']),
    '-m',
    plan.memory,
    '-smp',
    String(plan.cpus),
  ];
  // Paused until the runner has put the rules counting from boot in place (it sends `cont`).
  if (plan.host.startPaused) argv.push('-S');
  const cpu = plan.cpu ?? (provisioned.accel === 'kvm' ? 'host' : archData[plan.arch].cpu);
  if (cpu) argv.push('-cpu', cpu);
  if (plan.rtcBase) argv.push('-rtc', `base=${plan.rtcBase}`);
  for (const dir of provisioned.firmwareDirs) argv.push('-L', dir);
  if (provisioned.bios) argv.push('-bios', provisioned.bios);
  if (plan.boot === 'kernel') {
    if (!provisioned.kernel) throw new Error('internal: direct kernel boot without a kernel');
    argv.push('-kernel', provisioned.kernel);
    if (provisioned.initrd) argv.push('-initrd', provisioned.initrd);
    argv.push('-append', plan.append);
  }
  argv.push(...exitDeviceArgs(plan));
  argv.push('-qmp', `unix:${escapeOptionValue(paths.qmpSocket)},server=on,wait=off`);
  for (const entry of plan.fwCfg) {
    const file = paths.fwCfgFiles.get(entry.name);
    if (!file) throw new Error(`internal: no file written for fw_cfg entry ${entry.name}`);
    argv.push('-fw_cfg', `name=${entry.name},file=${escapeOptionValue(file)}`);
  }
  // Repeatable runs: guest time follows instructions, and the RTC starts at a fixed date on
  // the VM clock (Linux reads it at boot; a host-clock RTC changes what the guest executes).
  if (plan.icount) argv.push('-icount', 'shift=0,sleep=off', '-rtc', 'base=2020-01-01T00:00:00,clock=vm');
  for (const plugin of provisioned.plugins) {
    const args = plugin.role === 'qfi' ? qfiPluginArgs(plan, paths) : plugin.args;
    argv.push('-plugin', [`file=${plugin.so}`, ...args].map(escapeOptionValue).join(','));
  }
  argv.push(...diskArgs(plan, provisioned));
  if (paths.snapshotState) {
    argv.push('-blockdev', JSON.stringify({ driver: 'file', 'node-name': SNAPSHOT_STATE_FILE_NODE, filename: paths.snapshotState }));
    argv.push('-blockdev', JSON.stringify({ driver: 'qcow2', 'node-name': SNAPSHOT_STATE_NODE, file: SNAPSHOT_STATE_FILE_NODE }));
  }
  argv.push(...serialPortArgs(paths));
  if (plan.host.nicId) argv.push('-netdev', 'user,id=qfi-net0', '-device', `virtio-net-pci,netdev=qfi-net0,id=${plan.host.nicId}`);
  if (paths.blockTrace) {
    for (const event of BLOCK_TRACE_EVENTS) argv.push('-trace', `enable=${event}`);
    argv.push('-D', paths.blockTrace, '-msg', 'timestamp=on');
  }
  argv.push(...plan.extraArgs);
  return argv;
}

/**
 * virtio-serial ports: qemu-guest-agent's channel (a socket the runner talks on), and the port
 * the built-in agent writes the results file to (a file chardev: the bytes arrive exactly,
 * never mixed with kernel messages as on the console).
 */
function serialPortArgs(paths: RunPaths): string[] {
  const ports: string[] = [];
  if (paths.guestAgentSocket) {
    ports.push('-chardev', `socket,id=qfi-qga,path=${escapeOptionValue(paths.guestAgentSocket)},server=on,wait=off`);
    ports.push('-device', `virtserialport,chardev=qfi-qga,name=${GUEST_AGENT_PORT}`);
  }
  if (paths.guestResults) {
    ports.push('-chardev', `file,id=qfi-results,path=${escapeOptionValue(paths.guestResults)}`);
    ports.push('-device', `virtserialport,chardev=qfi-results,name=${RESULTS_PORT}`);
  }
  return ports.length > 0 ? ['-device', 'virtio-serial-pci,id=qfi-serial0', ...ports] : [];
}

/**
 * Each disk: file node -> format node -> virtio-blk. blkdebug goes between file and format
 * at run time (blockdev-add + blockdev-reopen). Errors are reported to the guest instead of
 * pausing the VM, and virtio-blk does not merge requests, so a guest request is a request.
 */
function diskArgs(plan: Plan, provisioned: Provisioned): string[] {
  const argv: string[] = [];
  plan.host.disks.forEach((disk, i) => {
    const image = provisioned.disks[i]?.image;
    if (image === undefined) throw new Error(`internal: disk ${disk.id} was not provisioned`);
    argv.push(...diskNodeArgs(disk, image));
    // The firmware boots the boot disk first (SeaBIOS and OVMF honour bootindex).
    const bootIndex = disk.boot ? ',bootindex=0' : '';
    argv.push(
      '-device',
      `virtio-blk-pci,drive=${disk.formatNode},id=${disk.deviceId},serial=${disk.id},rerror=report,werror=report,request-merging=off${bootIndex}`,
    );
  });
  return argv;
}

/** A disk's two block nodes (file, then format on it): devices attach to the format node. */
export function diskNodeArgs(disk: PlannedDisk, image: string): string[] {
  const readOnly = disk.readOnly ? { 'read-only': true } : {};
  return [
    '-blockdev',
    JSON.stringify({ driver: 'file', 'node-name': disk.fileNode, filename: image, ...readOnly }),
    '-blockdev',
    JSON.stringify({ driver: disk.format, 'node-name': disk.formatNode, file: disk.fileNode, ...readOnly }),
  ];
}

/**
 * The device a custom kernel ends QEMU through with an exit code: isa-debug-exit turns a write
 * of V to port 0xf4 into QEMU exit status (V << 1) | 1; semihosting's SYS_EXIT exits with the
 * code itself. Only the exit call is wanted, so semihosting stays off for user space.
 */
function exitDeviceArgs(plan: Plan): string[] {
  switch (plan.verdictSources.exitDevice) {
    case 'isa-debug-exit':
      return ['-device', 'isa-debug-exit,iobase=0xf4,iosize=0x04'];
    case 'semihosting':
      return ['-semihosting-config', 'enable=on,target=native'];
    case 'none':
      return [];
  }
}

function qfiPluginArgs(plan: Plan, paths: RunPaths): string[] {
  if (!paths.qfiPlugin) throw new Error('internal: qfi plugin loaded without its run files');
  const { rules, log, socket } = paths.qfiPlugin;
  return [`log=${log}`, `rules=${rules}`, `socket=${socket}`, `seed=${plan.seed}`];
}
