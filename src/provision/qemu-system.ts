import { existsSync, statSync } from 'node:fs';
import { delimiter, dirname, join, resolve } from 'node:path';
import { execa } from 'execa';
import { InfraError } from '../core/errors.js';
import type { Arch } from '../config/types.js';
import { archData } from '../plan/arch.js';

export interface QemuInstall {
  binary: string;
  /** Folders holding firmware (qboot.rom, linuxboot_dma.bin...) next to this QEMU. */
  dataDirs: string[];
}

function findOnPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, name);
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return undefined;
}

/**
 * Finds the QEMU to run: `auto`/`system` take qemu-system-<arch> from PATH; a path may be the
 * binary itself or an install prefix holding bin/qemu-system-<arch>.
 */
export function locateQemu(setting: string, arch: Arch): QemuInstall {
  const name = archData[arch].qemuBinaryName;
  let binary: string | undefined;
  if (setting === 'auto' || setting === 'system') {
    binary = findOnPath(name);
    if (!binary) {
      throw new InfraError(`${name} was not found on PATH`, {
        hint: `install it (Debian/Ubuntu: sudo apt-get install ${archData[arch].debianQemuPackage}) or set input qemu to a QEMU binary or install prefix`,
      });
    }
  } else {
    const path = resolve(setting);
    binary = existsSync(path) && statSync(path).isDirectory() ? join(path, 'bin', name) : path;
    if (!existsSync(binary)) {
      throw new InfraError(`QEMU binary ${binary} does not exist (from input qemu = ${setting})`, {
        hint: `point qemu at a qemu-system binary or an install prefix containing bin/${name}`,
      });
    }
  }
  const prefix = dirname(dirname(binary));
  const dataDirs = [join(prefix, 'share', 'qemu'), '/usr/share/qemu', '/usr/share/seabios', '/usr/lib/ipxe/qemu'].filter(
    (dir, i, all) => existsSync(dir) && all.indexOf(dir) === i,
  );
  return { binary, dataDirs };
}

/** `qemu-system-x86_64 --version` -> `7.2.22`. */
export async function readQemuVersion(binary: string): Promise<string> {
  const result = await execa(binary, ['--version'], { reject: false, timeout: 10_000, stdin: 'ignore' });
  const match = /QEMU emulator version (\d+\.\d+(?:\.\d+)?)/.exec(result.stdout);
  if (result.exitCode !== 0 || !match?.[1]) {
    throw new InfraError(
      `${binary} --version did not report a QEMU version (exit ${result.exitCode}): ${(result.stderr || result.stdout).trim().slice(0, 300)}`,
      {
        hint: 'check that the file is a working qemu-system binary',
      },
    );
  }
  return match[1];
}

/** The first data folder holding `file`, for -bios. */
export function findFirmware(install: QemuInstall, file: string): string | undefined {
  for (const dir of install.dataDirs) {
    const candidate = join(dir, file);
    if (existsSync(candidate)) return candidate;
  }
  return undefined;
}
