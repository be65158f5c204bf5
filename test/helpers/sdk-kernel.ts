/**
 * qfi's SDK example kernel (test/fixtures/guests/sdk-kernel: a freestanding kernel on the C guest
 * SDK, no Linux): building it per architecture into a temp folder, and the raw QEMU command
 * lines that boot it with fault rules in fw_cfg.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';

export const SDK_KERNEL_ARCHES = ['x86_64', 'aarch64', 'riscv64'] as const;
export type SdkKernelArch = (typeof SDK_KERNEL_ARCHES)[number];

/** The kernel's exit values (0 pass, 1 unrecovered failure, 2 rules error) as QEMU's exit status. */
export const SDK_KERNEL_STATUS: Record<SdkKernelArch, { pass: number; unrecovered: number; rulesError: number }> = {
  // isa-debug-exit: QEMU exits with (value << 1) | 1.
  x86_64: { pass: 1, unrecovered: 3, rulesError: 5 },
  // Semihosting SYS_EXIT's subcode.
  aarch64: { pass: 0, unrecovered: 1, rulesError: 2 },
  // sifive_test: 0x5555 (pass) or (value << 16) | 0x3333.
  riscv64: { pass: 0, unrecovered: 1, rulesError: 2 },
};

/** The kernels build.sh makes: one per architecture, and aarch64-mmio (fw_cfg without DMA). */
export type SdkKernelName = SdkKernelArch | 'aarch64-mmio';

export interface SdkKernels {
  dir: string;
  /** Kernel ELF per name that could be built here. */
  built: Partial<Record<SdkKernelName, string>>;
  /** Why the others were not (a cross compiler missing). */
  skipped: Partial<Record<SdkKernelName, string>>;
}

const buildScript = new URL('../fixtures/guests/sdk-kernel/build.sh', import.meta.url).pathname;

/** Builds the kernel for every architecture whose compiler is installed, into a new temp folder. */
export function buildSdkKernels(arches: readonly SdkKernelArch[] = SDK_KERNEL_ARCHES): SdkKernels {
  const dir = mkdtempSync(join(tmpdir(), 'qfi-sdk-kernel-'));
  const out = execFileSync('sh', [buildScript, dir, ...arches], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const kernels: SdkKernels = { dir, built: {}, skipped: {} };
  for (const line of out.split('\n')) {
    const built = /^built (\S+) (.+)$/.exec(line);
    if (built) kernels.built[built[1] as SdkKernelName] = built[2]!;
    const skipped = /^skipped (\S+): (.+)$/.exec(line);
    if (skipped) kernels.skipped[skipped[1] as SdkKernelName] = skipped[2]!;
  }
  return kernels;
}

/** The system QEMU per architecture; QFI_SDK_QEMU_<ARCH> (e.g. QFI_SDK_QEMU_RISCV64) names another binary. */
export const QEMU_BINARY: Record<SdkKernelArch, string> = {
  x86_64: process.env.QFI_SDK_QEMU_X86_64 || 'qemu-system-x86_64',
  aarch64: process.env.QFI_SDK_QEMU_AARCH64 || 'qemu-system-aarch64',
  riscv64: process.env.QFI_SDK_QEMU_RISCV64 || 'qemu-system-riscv64',
};

/** Machine, firmware and exit device per architecture (no fw_cfg files, no kernel). */
const MACHINE_ARGS: Record<SdkKernelArch, string[]> = {
  // qboot is qfi's x86 firmware; SeaBIOS (QEMU's default) boots the same multiboot image.
  x86_64: ['-machine', 'q35', '-m', '64', '-bios', '/usr/share/qemu/qboot.rom', '-device', 'isa-debug-exit,iobase=0xf4,iosize=0x04'],
  aarch64: ['-M', 'virt', '-cpu', 'cortex-a57', '-m', '128', '-semihosting-config', 'enable=on,target=native'],
  riscv64: ['-M', 'virt', '-bios', 'none', '-m', '128'],
};

export interface SdkKernelRun {
  /** Files for -fw_cfg name=opt/qfi/rules / opt/qfi/seed; absent: no such fw_cfg file. */
  rulesFile?: string;
  seedFile?: string;
  /** x86_64 only: QEMU's default firmware (SeaBIOS) instead of qboot. */
  defaultFirmware?: boolean;
  extraArgs?: string[];
}

/** The whole QEMU command line, binary first. */
export function sdkKernelArgv(arch: SdkKernelArch, kernel: string, run: SdkKernelRun = {}, qemu = QEMU_BINARY[arch]): string[] {
  let machine = MACHINE_ARGS[arch];
  if (run.defaultFirmware) machine = machine.filter((a, i) => a !== '-bios' && machine[i - 1] !== '-bios');
  return [
    qemu,
    ...machine,
    '-accel',
    'tcg',
    '-nodefaults',
    '-display',
    'none',
    '-serial',
    'stdio',
    '-no-reboot',
    '-kernel',
    kernel,
    ...(run.rulesFile !== undefined ? ['-fw_cfg', `name=opt/qfi/rules,file=${run.rulesFile}`] : []),
    ...(run.seedFile !== undefined ? ['-fw_cfg', `name=opt/qfi/seed,file=${run.seedFile}`] : []),
    ...(run.extraArgs ?? []),
  ];
}

export interface SdkKernelResult {
  exitCode: number;
  /** The serial console, with the kernel's CRLF line ends made LF. */
  console: string;
  stderr: string;
  ms: number;
}

/** Boots the kernel once; a kernel that does not end within `timeoutMs` is killed (and fails the caller). */
export async function runSdkKernel(argv: string[], timeoutMs = 60_000): Promise<SdkKernelResult> {
  const started = performance.now();
  const r = await execa(argv[0]!, argv.slice(1), { stdin: 'ignore', reject: false, timeout: timeoutMs });
  if (r.timedOut) throw new Error(`the SDK kernel did not end within ${timeoutMs} ms: ${argv.join(' ')}\n${r.stdout}`);
  return { exitCode: r.exitCode ?? -1, console: r.stdout.replace(/\r\n/g, '\n'), stderr: r.stderr, ms: performance.now() - started };
}

/** Whether a QEMU binary runs here. */
export function haveQemu(arch: SdkKernelArch, qemu = QEMU_BINARY[arch]): boolean {
  try {
    execFileSync(qemu, ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/**
 * Whether this QEMU takes `-fw_cfg name=...` for the machine. QEMU 7.2's riscv virt creates its
 * fw_cfg device only after the command line's files were handled, and refuses them
 * ("fw_cfg device not available"); later releases create it earlier.
 */
export function qemuTakesFwCfgFiles(arch: SdkKernelArch, qemu = QEMU_BINARY[arch]): boolean {
  try {
    execFileSync(
      qemu,
      [...MACHINE_ARGS[arch], '-accel', 'tcg', '-nodefaults', '-display', 'none', '-S', '-fw_cfg', 'name=opt/qfi/probe,string=1', '-qmp', 'stdio'],
      {
        input: '{"execute":"qmp_capabilities"}\n{"execute":"quit"}\n',
        stdio: ['pipe', 'ignore', 'pipe'],
        timeout: 20_000,
      },
    );
    return true;
  } catch {
    return false;
  }
}
