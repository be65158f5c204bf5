import { accessSync, constants, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';

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

export async function probeKvm(qemuBinary: string, workDir: string, signal?: AbortSignal): Promise<KvmProbeResult> {
  try {
    accessSync('/dev/kvm', constants.R_OK | constants.W_OK);
  } catch {
    return { usable: false, reason: '/dev/kvm is missing or not accessible' };
  }
  const firmware = writeProbeFirmware(workDir);
  const result = await execa(
    qemuBinary,
    ['-accel', 'kvm', '-cpu', 'host', '-machine', 'q35', '-nodefaults', '-display', 'none', '-no-reboot', '-bios', firmware,
      '-device', 'isa-debug-exit,iobase=0xf4,iosize=0x04'],
    { reject: false, timeout: 10_000, stdin: 'ignore', ...(signal ? { cancelSignal: signal } : {}) },
  );
  if (result.exitCode === probeExitCode) return { usable: true, reason: 'KVM ran the probe code' };
  const detail = result.timedOut ? 'timed out' : `exit ${result.exitCode ?? result.signal}: ${result.stderr.trim().split('\n').pop() ?? ''}`;
  return { usable: false, reason: `KVM probe failed (${detail})` };
}

interface ProbeRecord extends KvmProbeResult {
  key: string;
}

/** What the answer depends on: this boot, this QEMU binary, and /dev/kvm's identity and permissions. */
function probeKey(qemuBinary: string): string {
  const parts = [qemuBinary];
  try {
    parts.push(readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim());
  } catch {
    parts.push(`no-boot-id-${Date.now()}`); // no stable boot identity: never reuse
  }
  for (const path of [qemuBinary, '/dev/kvm']) {
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
export async function probeKvmCached(qemuBinary: string, cacheDir: string, workDir: string, signal?: AbortSignal): Promise<KvmProbeResult> {
  const file = join(cacheDir, 'kvm-probe.json');
  const key = probeKey(qemuBinary);
  try {
    const saved = JSON.parse(readFileSync(file, 'utf8')) as ProbeRecord;
    if (saved.key === key) return { usable: saved.usable, reason: `${saved.reason} (probed earlier this boot)` };
  } catch {
    // no or unreadable record: probe
  }
  const result = await probeKvm(qemuBinary, workDir, signal);
  try {
    mkdirSync(cacheDir, { recursive: true });
    const tmp = `${file}.${process.pid}`;
    writeFileSync(tmp, JSON.stringify({ key, ...result } satisfies ProbeRecord));
    renameSync(tmp, file);
  } catch {
    // a cache we cannot write only costs the next run a probe
  }
  return result;
}
