import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { execa } from 'execa';
import { ConfigError, InfraError } from '../../core/errors.js';
import type { Logger } from '../../core/host.js';
import { releaseTarballUrl } from '../../plan/qemu-releases.js';
import { privateTempPath } from '../../core/temp-path.js';
import { diesWithParent } from '../../core/child-lifetime.js';

/** Where the source comes from, and the hash that goes into the cache key. */
export type QemuSourceOrigin =
  | { kind: 'download'; version: string; url: string; sha256: string }
  | { kind: 'tarball'; path: string; sha256: string }
  | { kind: 'folder'; path: string; treeHash: string };

export function sourceHashOf(origin: QemuSourceOrigin): string {
  return origin.kind === 'folder' ? `tree:${origin.treeHash}` : origin.sha256;
}

export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(path), hash);
  return hash.digest('hex');
}

/** Content hash of a source folder: relative paths and bytes of every file, in a fixed order. */
function treeHash(root: string): string {
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      if (name === '.git' || name === 'build') continue;
      const path = join(dir, name);
      const st = statSync(path);
      if (st.isDirectory()) walk(path);
      else if (st.isFile()) hash.update(`${relative(root, path)}\0${st.size}\0`).update(readFileSync(path));
    }
  };
  walk(root);
  return hash.digest('hex');
}

/**
 * Decides where the source comes from without downloading anything: a release's hash is
 * known up front, so a cache hit never touches the network.
 */
export async function resolveQemuSource(spec: { version: string; sha256: string | undefined; source: string | undefined }): Promise<QemuSourceOrigin> {
  if (spec.source) {
    if (statSync(spec.source).isDirectory()) return { kind: 'folder', path: spec.source, treeHash: treeHash(spec.source) };
    const sha256 = await sha256File(spec.source);
    if (spec.sha256 && spec.sha256 !== sha256) {
      throw new ConfigError(`the QEMU source tarball ${spec.source} has sha256 ${sha256}, not the ${spec.sha256} given in qemu-sha256`, {
        location: { input: 'qemu-sha256' },
        hint: 'check that the tarball is the one you meant, or correct qemu-sha256',
      });
    }
    return { kind: 'tarball', path: spec.source, sha256 };
  }
  // The plan decided the tarball's sha256 (qemu-sha256, or qfi's release table: chooseQemu).
  if (!spec.sha256) throw new Error(`internal: QEMU ${spec.version} is to be downloaded without a sha256; the plan gives one or refuses`);
  return { kind: 'download', version: spec.version, url: releaseTarballUrl(spec.version), sha256: spec.sha256 };
}

/** Downloads a release tarball into the cache (reused while its sha256 matches). A mismatch is an error. */
export async function downloadRelease(
  origin: Extract<QemuSourceOrigin, { kind: 'download' }>,
  downloadsDir: string,
  log: Logger,
  signal?: AbortSignal,
): Promise<string> {
  mkdirSync(downloadsDir, { recursive: true });
  const file = join(downloadsDir, basename(new URL(origin.url).pathname));
  if (existsSync(file) && (await sha256File(file)) === origin.sha256) return file;

  log.info(`downloading ${origin.url}`);
  const tmp = privateTempPath(file);
  let response: Response;
  try {
    response = await fetch(origin.url, signal ? { signal } : {});
  } catch (err) {
    throw new InfraError(`could not download ${origin.url}: ${(err as Error).message}`, {
      hint: 'without network access, give a local tarball or folder with qemu-source',
    });
  }
  if (!response.ok || !response.body) {
    throw new InfraError(`downloading ${origin.url} failed: HTTP ${response.status}`, { hint: 'check qemu-version, or give qemu-source' });
  }
  const total = Number(response.headers.get('content-length') ?? 0);
  let received = 0;
  let lastLog = Date.now();
  const body = Readable.fromWeb(response.body as import('node:stream/web').ReadableStream<Uint8Array>);
  body.on('data', (chunk: Buffer) => {
    received += chunk.length;
    if (Date.now() - lastLog > 5000) {
      lastLog = Date.now();
      log.info(`downloading QEMU ${origin.version}: ${(received / 2 ** 20).toFixed(0)} MiB${total ? ` of ${(total / 2 ** 20).toFixed(0)} MiB` : ''}`);
    }
  });
  await pipeline(body, createWriteStream(tmp));
  const actual = await sha256File(tmp);
  if (actual !== origin.sha256) {
    rmSync(tmp, { force: true });
    throw new InfraError(`${origin.url} has sha256 ${actual}, expected ${origin.sha256}; the download was discarded`, {
      hint: 'a changed or corrupted tarball is never built; retry, or build from a tarball you trust with qemu-source and qemu-sha256',
    });
  }
  renameSync(tmp, file);
  return file;
}

/** An empty bzip2 stream: what `bzip2 < /dev/null` writes. */
const EMPTY_BZIP2 = Buffer.from([0x42, 0x5a, 0x68, 0x39, 0x17, 0x72, 0x45, 0x38, 0x50, 0x90, 0x00, 0x00, 0x00, 0x00]);

/**
 * Debian's `+ds` tarballs drop the prebuilt firmware, but meson still unpacks the edk2
 * images whenever bzip2 exists. Empty stand-ins let configure pass; they are never
 * installed (--disable-install-blobs) and firmware comes from the distribution at run time.
 */
export function addFirmwareStandIns(srcDir: string): string[] {
  const mesonFile = join(srcDir, 'pc-bios', 'meson.build');
  if (!existsSync(mesonFile)) return [];
  const added: string[] = [];
  for (const m of readFileSync(mesonFile, 'utf8').matchAll(/'(edk2-[A-Za-z0-9_-]+\.fd)'/g)) {
    const file = join(srcDir, 'pc-bios', `${m[1]}.bz2`);
    if (!existsSync(file)) {
      writeFileSync(file, EMPTY_BZIP2);
      added.push(`${m[1]}.bz2`);
    }
  }
  return added;
}

/** Unpacks or copies the source into `dest` (a fresh folder): a user's tree is never written to. */
export async function unpackSource(origin: QemuSourceOrigin, archive: string | undefined, dest: string, signal?: AbortSignal): Promise<void> {
  mkdirSync(dest, { recursive: true });
  const opts = { stdin: 'ignore' as const, ...(signal ? { cancelSignal: signal } : {}) };
  if (origin.kind === 'folder') {
    await execa(...diesWithParent('cp', ['-a', `${origin.path}/.`, dest]), opts);
    rmSync(join(dest, 'build'), { recursive: true, force: true });
    return;
  }
  const tarball = origin.kind === 'tarball' ? origin.path : archive;
  if (!tarball) throw new Error('internal: a downloaded source needs its archive path');
  await execa(...diesWithParent('tar', ['-xf', tarball, '-C', dest, '--strip-components=1']), opts);
  if (!existsSync(join(dest, 'configure'))) {
    throw new InfraError(`${tarball} does not look like a QEMU source tarball (no configure at its top level)`, {
      hint: "give the release tarball (qemu-X.Y.Z.tar.xz) or Debian's qemu_X.Y.Z+ds.orig.tar.xz",
    });
  }
}

/** Applies the patches in order; the first that does not apply fails with its name and patch's own words. */
export async function applyPatches(srcDir: string, patches: string[], log: Logger, signal?: AbortSignal): Promise<void> {
  for (const patch of patches) {
    const args = ['-p1', '--forward', '--batch', '-d', srcDir, '-i', patch];
    const dry = await execa(...diesWithParent('patch', ['--dry-run', ...args]), {
      reject: false,
      stdin: 'ignore',
      all: true,
      ...(signal ? { cancelSignal: signal } : {}),
    });
    if (dry.exitCode !== 0) {
      throw new ConfigError(`patch ${basename(patch)} does not apply to the QEMU source:\n${(dry.all ?? '').trim().split('\n').slice(-8).join('\n')}`, {
        location: { input: 'qemu-patches', file: patch },
        hint: 'rebase the patch onto this QEMU version (qemu-version), or remove it from qemu-patches',
      });
    }
    await execa(...diesWithParent('patch', args), { stdin: 'ignore', ...(signal ? { cancelSignal: signal } : {}) });
    log.info(`applied patch ${basename(patch)}`);
  }
}
