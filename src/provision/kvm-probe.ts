import { accessSync, constants, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { privateTempPath } from '../core/temp-path.js';
import { diesWithParent } from '../core/child-lifetime.js';

/** Exit code QEMU gives when the probe's code wrote 0x31 to isa-debug-exit: (0x31 << 1) | 1. */
const probeExitCode = 99;

/**
 * A 64 KiB firmware image whose reset vector (the last 16 bytes, run first in real mode)
 * does `mov al, 0x31; out 0xf4, al; hlt`. If QEMU exits with 99 under `-accel kvm`, KVM
 * really executed guest code: opening /dev/kvm or creating a VM is not proof
 * (some machines accept both and still cannot run a guest). The probe uses the same
 * `-cpu host` as a KVM run: on such machines setting the host CPU's MSRs is what fails,
 * while the default CPU model runs this code but then hangs a Linux boot.
 */
export function writeProbeFirmware(dir: string): string {
  const image = Buffer.alloc(64 * 1024, 0xf4); // hlt everywhere else
  Buffer.from([0xb0, 0x31, 0xe6, 0xf4, 0xf4]).copy(image, 0xfff0);
  const path = join(dir, 'kvm-probe.bin');
  writeFileSync(path, image);
  return path;
}

export interface KvmProbeResult {
  usable: boolean;
  reason: string;
}

/** What the run will boot under KVM: the probe boots the same kernel. */
export interface KvmProbeTarget {
  qemuBinary: string;
  /** Kernel to boot in the second stage (undefined: firmware stage only). */
  kernel: string | undefined;
  bios: string | undefined;
  /** Extra -L folders the run uses. */
  firmwareDirs: string[];
}

/** A Linux boot under working KVM reaches its root-mount panic in well under a second. */
const kernelProbeTimeoutMs = 8000;

/**
 * Two stages. The firmware stage is cheap and rules out machines without KVM. Some machines
 * pass it and still hang a Linux boot (seen here: real-mode code runs, Linux spins forever),
 * so the second stage boots the run's own kernel with no initramfs: it must print its
 * "unable to mount root" panic and end QEMU (panic=-1, -no-reboot) within 8 s.
 */
export async function probeKvm(target: KvmProbeTarget, workDir: string, signal?: AbortSignal): Promise<KvmProbeResult> {
  try {
    accessSync('/dev/kvm', constants.R_OK | constants.W_OK);
  } catch {
    return { usable: false, reason: '/dev/kvm is missing or not accessible' };
  }
  const common = [
    '-accel',
    'kvm',
    '-cpu',
    'host',
    '-machine',
    'q35',
    '-nodefaults',
    '-display',
    'none',
    '-no-reboot',
    ...target.firmwareDirs.flatMap((d) => ['-L', d]),
  ];
  const cancel = signal ? { cancelSignal: signal } : {};
  const firmware = writeProbeFirmware(workDir);
  const result = await execa(...diesWithParent(target.qemuBinary, [...common, '-bios', firmware, '-device', 'isa-debug-exit,iobase=0xf4,iosize=0x04']), {
    reject: false,
    timeout: 10_000,
    stdin: 'ignore',
    ...cancel,
  });
  if (result.exitCode !== probeExitCode) {
    const detail = result.timedOut ? 'timed out' : `exit ${result.exitCode ?? result.signal}: ${result.stderr.trim().split('\n').pop() ?? ''}`;
    return { usable: false, reason: `KVM probe failed (${detail})` };
  }
  if (!target.kernel) return { usable: true, reason: 'KVM ran the probe code' };

  const boot = await execa(
    ...diesWithParent(target.qemuBinary, [
      ...common,
      '-m',
      '256',
      '-serial',
      'stdio',
      ...(target.bios ? ['-bios', target.bios] : []),
      '-kernel',
      target.kernel,
      '-append',
      'console=ttyS0 panic=-1 loglevel=4',
    ]),
    { reject: false, timeout: kernelProbeTimeoutMs, stdin: 'ignore', ...cancel },
  );
  if (/Kernel panic/.test(boot.stdout) && boot.exitCode === 0) return { usable: true, reason: 'KVM booted the guest kernel' };
  const why = boot.timedOut
    ? `the guest kernel did not get to its root-mount panic within ${kernelProbeTimeoutMs / 1000} s`
    : `QEMU exited with ${boot.exitCode ?? boot.signal}`;
  return { usable: false, reason: `KVM runs probe code but not the guest kernel (${why})` };
}

/** kvm-probe.json: one answer per probe key (QEMU binary, kernel, boot, /dev/kvm). */
type ProbeRecords = Record<string, KvmProbeResult>;

/** What the answer depends on: this boot, this QEMU binary and kernel, and /dev/kvm's identity and permissions. */
function probeKey(target: KvmProbeTarget): string {
  const parts = [target.qemuBinary, target.kernel ?? 'no-kernel'];
  try {
    parts.push(readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim());
  } catch {
    parts.push(`no-boot-id-${Date.now()}`); // no stable boot identity: never reuse
  }
  for (const path of [target.qemuBinary, target.kernel ?? '/dev/null', '/dev/kvm']) {
    try {
      const s = statSync(path);
      parts.push(`${s.ino}:${s.size}:${s.mode}:${s.uid}:${s.gid}:${s.mtimeMs}:${s.ctimeMs}`);
    } catch {
      parts.push(`${path}:missing`);
    }
  }
  return parts.join('|');
}

/**
 * probeKvm, remembered in the cache folder for the rest of this boot: whether KVM can run a
 * guest does not change between runs, and each probe costs a QEMU start.
 */
export async function probeKvmCached(target: KvmProbeTarget, cacheDir: string, workDir: string, signal?: AbortSignal): Promise<KvmProbeResult> {
  const file = join(cacheDir, 'kvm-probe.json');
  const key = probeKey(target);
  let records: ProbeRecords = {};
  try {
    records = JSON.parse(readFileSync(file, 'utf8')) as ProbeRecords;
  } catch {
    // no or unreadable record: probe
  }
  const saved = records[key];
  if (saved) return { usable: saved.usable, reason: `${saved.reason} (probed earlier this boot)` };
  const result = await probeKvm(target, workDir, signal);
  try {
    mkdirSync(cacheDir, { recursive: true });
    const tmp = privateTempPath(file);
    // Keep only this boot's answers: the boot id is part of every key.
    const bootId = key.split('|')[2] ?? '';
    const kept = Object.fromEntries(Object.entries(records).filter(([k]) => k.split('|')[2] === bootId));
    writeFileSync(tmp, JSON.stringify({ ...kept, [key]: result }));
    renameSync(tmp, file);
  } catch {
    // a cache we cannot write only costs the next run a probe
  }
  return result;
}
