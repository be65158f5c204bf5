/**
 * The run's disk images: given images are used in place (the guest's writes land in them)
 * unless `snapshot=true`, which gives the run its own copy; `size=` disks are created empty in
 * the run's private folder and removed with it.
 */
import { existsSync, openSync, closeSync, ftruncateSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { execa } from 'execa';
import { InfraError } from '../core/errors.js';
import type { PlannedDisk } from '../plan/host-plan.js';
import { diesWithParent } from '../core/child-lifetime.js';

export interface DiskImage {
  id: string;
  /** Absolute path of the image QEMU opens. */
  image: string;
}

/** qemu-img next to the QEMU in use (an install prefix), else the one on PATH. */
function qemuImg(qemuBinary: string): string {
  const beside = join(dirname(qemuBinary), 'qemu-img');
  return existsSync(beside) ? beside : 'qemu-img';
}

/**
 * `qemu-img create -q -f qcow2 ARGS…` with the QEMU in use; a failure says what was being made
 * (`the qcow2 disk data`) and how to get qemu-img.
 */
export async function createQcow2(qemuBinary: string, args: readonly string[], what: string, signal?: AbortSignal, hint?: string): Promise<void> {
  const tool = qemuImg(qemuBinary);
  const result = await execa(...diesWithParent(tool, ['create', '-q', '-f', 'qcow2', ...args]), { reject: false, ...(signal ? { cancelSignal: signal } : {}) });
  if (result.failed) {
    throw new InfraError(`could not create ${what} with ${tool}: ${result.stderr || result.message}`, {
      hint:
        tool === 'qemu-img'
          ? `install qemu-img (Debian/Ubuntu: apt-get install qemu-utils)${hint ? `, or ${hint}` : ''}`
          : 'check that the QEMU install is complete',
    });
  }
}

export async function provisionDisks(disks: readonly PlannedDisk[], qemuBinary: string, workDir: string, signal?: AbortSignal): Promise<DiskImage[]> {
  const images: DiskImage[] = [];
  for (const disk of disks) {
    if (disk.path !== undefined && disk.snapshot) {
      images.push({ id: disk.id, image: await copyForRun(disk.path, join(workDir, `disk-${disk.id}.${disk.format}`), signal) });
      continue;
    }
    if (disk.path !== undefined) {
      images.push({ id: disk.id, image: disk.path });
      continue;
    }
    const image = join(workDir, `disk-${disk.id}.${disk.format}`);
    const size = disk.sizeBytes!;
    if (disk.format === 'raw') {
      // Sparse: a 1G scratch disk costs nothing until the guest writes it.
      const fd = openSync(image, 'w', 0o600);
      try {
        ftruncateSync(fd, size);
      } finally {
        closeSync(fd);
      }
    } else {
      // Metadata preallocated: every cluster is allocated, so each guest read reaches the image
      // file (and blkdebug) instead of being answered as zeros by qcow2 itself.
      await createQcow2(
        qemuBinary,
        ['-o', 'preallocation=metadata', image, String(size)],
        `the qcow2 disk ${disk.id}`,
        signal,
        'use format=raw for a new disk',
      );
    }
    images.push({ id: disk.id, image });
  }
  return images;
}

/**
 * A private copy of an image the guest may write. A copy rather than a qcow2 overlay: block
 * rules then sit under every read of the guest (an overlay would answer unwritten clusters from
 * its backing image, past blkdebug). Holes stay holes, and a reflink costs nothing where the
 * file system has them.
 */
async function copyForRun(image: string, copy: string, signal?: AbortSignal): Promise<string> {
  const result = await execa(...diesWithParent('cp', ['--sparse=always', '--reflink=auto', '--', image, copy]), {
    reject: false,
    ...(signal ? { cancelSignal: signal } : {}),
  });
  if (result.failed) {
    throw new InfraError(`could not copy the disk image ${image} for the run (snapshot=true): ${result.stderr || result.message}`, {
      hint: "check the free space of the results folder's file system, or set snapshot=false to let the guest write the image itself",
    });
  }
  return copy;
}
