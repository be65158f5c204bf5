import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

export interface QemuBuildInputs {
  version: string;
  targets: string[];
  /** The full configure argv qfi will pass (minimal set + user flags), without the prefix. */
  configureFlags: string[];
  /** Patch files, in order. */
  patches: string[];
  /** sha256 of the source tarball (or of the source tree). */
  sourceHash: string;
  /** Bumped when qfi changes how it prepares or builds a tree. */
  recipeVersion: number;
}

export interface QemuCacheKey {
  key: string;
  /** Each part, printed so a miss can be explained. */
  parts: Record<string, string>;
}

/** `debian12`, `ubuntu24.04`: a prefix links against the system's libraries, so the OS release is part of the key. */
export function osReleaseId(osRelease = readOsRelease()): string {
  const id = /^ID="?([^"\n]+)"?$/m.exec(osRelease)?.[1] ?? 'linux';
  const version = /^VERSION_ID="?([^"\n]+)"?$/m.exec(osRelease)?.[1] ?? '';
  return `${id}${version}`.replace(/[^A-Za-z0-9.]/g, '');
}

function readOsRelease(): string {
  try {
    return readFileSync('/etc/os-release', 'utf8');
  } catch {
    return '';
  }
}

/**
 * `qfi-qemu-v1-<os>-<arch>-<version>-<targets>-<hash>`: exact-match only. The hash covers the
 * configure flags, every patch's bytes and the source, so any change rebuilds.
 */
export function qemuCacheKey(inputs: QemuBuildInputs, hostArch: string = process.arch, os = osReleaseId()): QemuCacheKey {
  const h = createHash('sha256');
  h.update(`recipe ${inputs.recipeVersion}\n`);
  h.update(`flags ${JSON.stringify(inputs.configureFlags)}\n`);
  for (const patch of inputs.patches) h.update(`patch ${createHash('sha256').update(readFileSync(patch)).digest('hex')}\n`);
  h.update(`source ${inputs.sourceHash}\n`);
  const digest = h.digest('hex').slice(0, 16);
  const arch = hostArch === 'x64' ? 'x86_64' : hostArch === 'arm64' ? 'aarch64' : hostArch;
  const targets = inputs.targets.map((t) => t.replace(/-softmmu$/, '')).join('+');
  const parts = { os, arch, version: inputs.version, targets, hash: digest };
  return { key: `qfi-qemu-v1-${os}-${arch}-${inputs.version}-${targets}-${digest}`, parts };
}
