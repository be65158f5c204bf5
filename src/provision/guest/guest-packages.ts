/**
 * Which two Debian packages the built-in guest is made of — the cloud kernel and busybox-static
 * of one fixed suite — and getting their .deb files, checked by sha256.
 *
 * Resolved from the suite's index (InRelease -> Packages.gz -> the kernel meta package's
 * versioned image), remembered in `${cacheDir}/guest/index/` and asked again after a few hours
 * (the suite changes at point releases and security updates), or given as a **pin**: the pool
 * paths and sha256s a run recorded in summary.json, so a replay boots the same guest even after
 * the mirror moved on (from the cache, the mirror's pool, or snapshot.debian.org).
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Logger, RemoteCache } from '../../core/host.js';
import { ConfigError, InfraError } from '../../core/errors.js';
import type { GuestArch } from './guest-arch.js';
import { fetchPackagesIndex, fetchRelease, findPackageStanza, parseDepends, sha256Hex, snapshotStamp, type Release } from './debian-index.js';
import { DEBIAN_ARCHIVE, type MirrorChoice } from './debian-mirror.js';
import { fetchBytes, HttpStatusError } from './fetch-bytes.js';
import { privateTempPath } from '../../core/temp-path.js';

/** The suite the built-in guest comes from: Debian 12's kernel 6.1 (LTS) and busybox 1.35. */
export const GUEST_SUITE = 'bookworm';
/** Where old package versions stay downloadable by date. */
export const SNAPSHOT_ARCHIVE = 'https://snapshot.debian.org/archive/debian';
/** How long a resolved index is used before the mirror is asked again. */
export const INDEX_MAX_AGE_MS = 6 * 60 * 60 * 1000;

/** One .deb of the archive, as its index describes it. */
export interface DebRef {
  name: string;
  version: string;
  /** Path under the mirror: pool/main/l/…/name_version_arch.deb */
  filename: string;
  sha256: string;
  /** Bytes; 0 when unknown (a pin does not carry it). */
  size: number;
}

/** What makes a cache entry from one package: its .deb on demand, and where to keep the result. */
export interface PackageEntryOptions {
  cacheDir: string;
  arch: GuestArch;
  ref: DebRef;
  download: (ref: DebRef) => Promise<Uint8Array>;
  remoteCache?: RemoteCache | undefined;
  log: Logger;
  signal?: AbortSignal;
}

export interface GuestPackages {
  kernel: DebRef;
  busybox: DebRef;
  suite: string;
  /** The Release file's date (snapshot.debian.org timestamp form), when known. */
  snapshot: string | undefined;
  /** How the index was trusted, or `pinned`. */
  trust: string;
}

/** The kernel meta packages: each depends on the current versioned cloud kernel image. */
export const KERNEL_META_PACKAGE: Record<GuestArch['debArch'], string> = {
  amd64: 'linux-image-cloud-amd64',
  arm64: 'linux-image-cloud-arm64',
};
export const BUSYBOX_PACKAGE = 'busybox-static';

function debRefOf(stanza: Map<string, string>, what: string): DebRef {
  const name = stanza.get('Package');
  const version = stanza.get('Version');
  const filename = stanza.get('Filename');
  const sha256 = stanza.get('SHA256');
  if (!name || !version || !filename || !sha256 || !/^[0-9a-f]{64}$/.test(sha256)) {
    throw new InfraError(`the index entry of ${what} lacks Package, Version, Filename or SHA256`, { hint: 'set debian-mirror to another Debian mirror' });
  }
  return { name, version, filename, sha256, size: Number(stanza.get('Size') ?? 0) };
}

/** The kernel image and busybox-static named by one Packages index. */
export function packagesFromIndex(packages: string, arch: GuestArch): { kernel: DebRef; busybox: DebRef } {
  const meta = KERNEL_META_PACKAGE[arch.debArch];
  const metaStanza = findPackageStanza(packages, meta);
  if (!metaStanza) throw new InfraError(`the ${GUEST_SUITE} ${arch.debArch} index has no ${meta}`, { hint: 'check debian-mirror: it must carry Debian 12' });
  const image = parseDepends(metaStanza.get('Depends') ?? '').find((d) => /^linux-image-\d/.test(d.name));
  if (!image) throw new InfraError(`${meta} depends on no versioned linux-image package (Depends: ${metaStanza.get('Depends') ?? ''})`);
  const imageStanza = findPackageStanza(packages, image.name);
  if (!imageStanza)
    throw new InfraError(`the ${GUEST_SUITE} ${arch.debArch} index has no ${image.name}, which ${meta} depends on`, {
      hint: 'the mirror may be in the middle of an update: retry later',
    });
  const busybox = findPackageStanza(packages, BUSYBOX_PACKAGE);
  if (!busybox) throw new InfraError(`the ${GUEST_SUITE} ${arch.debArch} index has no ${BUSYBOX_PACKAGE}`);
  return { kernel: debRefOf(imageStanza, image.name), busybox: debRefOf(busybox, BUSYBOX_PACKAGE) };
}

interface IndexMemo {
  mirror: string;
  packagesSha256: string;
  checkedAt: string;
  packages: GuestPackages;
}

function memoPath(cacheDir: string, arch: GuestArch): string {
  return join(cacheDir, 'guest', 'index', `${GUEST_SUITE}-${arch.debArch}.json`);
}

async function readMemo(path: string): Promise<IndexMemo | undefined> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as IndexMemo;
  } catch {
    return undefined;
  }
}

async function writeMemo(path: string, memo: IndexMemo): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = privateTempPath(path);
  await writeFile(tmp, `${JSON.stringify(memo, null, 2)}\n`);
  await rename(tmp, path);
}

interface ResolveOptions {
  cacheDir: string;
  arch: GuestArch;
  mirror: MirrorChoice;
  log: Logger;
  signal?: AbortSignal;
  /** For tests: the clock. */
  now?: number;
}

const NETWORK_HINT =
  'check the network, or set debian-mirror to a Debian mirror this machine reaches (or guest.kernel and guest.initrd to a guest of your own)';

async function fetchFreshRelease(mirror: MirrorChoice, opts: ResolveOptions): Promise<{ release: Release; mirror: string }> {
  try {
    return { release: await fetchRelease(mirror.url, GUEST_SUITE, { signal: opts.signal, hint: NETWORK_HINT }), mirror: mirror.url };
  } catch (err) {
    // A host's own mirror may not carry this suite (a partial mirror of its own release).
    if (mirror.why === 'debian-mirror' || mirror.url === DEBIAN_ARCHIVE || opts.signal?.aborted) throw err;
    opts.log.warn(`${mirror.url} (${mirror.why}) did not serve ${GUEST_SUITE}: ${(err as Error).message}; trying ${DEBIAN_ARCHIVE}`);
    return { release: await fetchRelease(DEBIAN_ARCHIVE, GUEST_SUITE, { signal: opts.signal, hint: NETWORK_HINT }), mirror: DEBIAN_ARCHIVE };
  }
}

/** The packages of the suite's current index (remembered for INDEX_MAX_AGE_MS; offline, the last one known). */
export async function resolveGuestPackages(opts: ResolveOptions): Promise<{ packages: GuestPackages; mirror: string }> {
  const path = memoPath(opts.cacheDir, opts.arch);
  const memo = await readMemo(path);
  const now = opts.now ?? Date.now();
  if (memo && memo.mirror === opts.mirror.url && now - Date.parse(memo.checkedAt) < INDEX_MAX_AGE_MS) return { packages: memo.packages, mirror: memo.mirror };

  let fresh: { release: Release; mirror: string };
  try {
    fresh = await fetchFreshRelease(opts.mirror, opts);
  } catch (err) {
    if (!memo || opts.signal?.aborted) throw err;
    opts.log.warn(
      `${(err as Error).message}; using the guest packages resolved at ${memo.checkedAt} (${memo.packages.kernel.name} ${memo.packages.kernel.version})`,
    );
    return { packages: memo.packages, mirror: memo.mirror };
  }
  const { release, mirror } = fresh;
  const want = release.files.get(`main/binary-${opts.arch.debArch}/Packages.gz`)?.sha256;
  let packages: GuestPackages;
  if (memo && want && memo.packagesSha256 === want) {
    packages = memo.packages;
  } else {
    const t = performance.now();
    const index = await fetchPackagesIndex(mirror, release, opts.arch.debArch, { signal: opts.signal, hint: NETWORK_HINT });
    packages = { ...packagesFromIndex(index.text, opts.arch), suite: GUEST_SUITE, snapshot: snapshotStamp(release.date), trust: release.trust };
    opts.log.info(
      `guest packages: ${GUEST_SUITE} index of ${release.date} from ${mirror} (${release.trust}) read in ${((performance.now() - t) / 1000).toFixed(1)} s`,
    );
  }
  await writeMemo(path, { mirror, packagesSha256: want ?? '', checkedAt: new Date(now).toISOString(), packages });
  return { packages, mirror };
}

// ---- pins ------------------------------------------------------------------------------------

/**
 * `suite=bookworm snapshot=20260711T101637Z kernel=pool/…/linux-image-…_amd64.deb@<sha256> busybox=pool/…@<sha256>`:
 * one line, what summary.json's `guest.pin` holds and `guest-pin` takes.
 */
export function printGuestPin(p: GuestPackages): string {
  return [
    `suite=${p.suite}`,
    ...(p.snapshot ? [`snapshot=${p.snapshot}`] : []),
    `kernel=${p.kernel.filename}@${p.kernel.sha256}`,
    `busybox=${p.busybox.filename}@${p.busybox.sha256}`,
  ].join(' ');
}

/** name_version_arch.deb -> name and version (the pool name drops a version's epoch). */
function refFromPool(filename: string, sha256: string): DebRef {
  const base = filename.slice(filename.lastIndexOf('/') + 1).replace(/\.deb$/, '');
  const [name = base, version = ''] = base.split('_');
  return { name, version: decodeURIComponent(version), filename, sha256, size: 0 };
}

export function parseGuestPin(text: string, arch: GuestArch): GuestPackages {
  const where = { input: 'guest-pin' };
  const fields = new Map<string, string>();
  for (const word of text.trim().split(/\s+/)) {
    const eq = word.indexOf('=');
    if (eq <= 0)
      throw new ConfigError(`guest-pin: "${word}" is not key=value`, { location: where, hint: "copy the pin from a run's summary.json (guest.pin)" });
    fields.set(word.slice(0, eq), word.slice(eq + 1));
  }
  const deb = (key: 'kernel' | 'busybox'): DebRef => {
    const value = fields.get(key);
    const m = value ? /^(pool\/[A-Za-z0-9._+~%/-]+\.deb)@([0-9a-f]{64})$/.exec(value) : null;
    if (!m)
      throw new ConfigError(`guest-pin: ${key}= must be a pool path and its sha256 (pool/…/NAME_VERSION_ARCH.deb@SHA256), got ${value ?? 'nothing'}`, {
        location: where,
        hint: "copy the pin from a run's summary.json (guest.pin)",
      });
    if (!m[1]!.endsWith(`_${arch.debArch}.deb`))
      throw new ConfigError(`guest-pin: ${key}= is not a ${arch.debArch} package (${m[1]})`, {
        location: where,
        hint: 'the pin belongs to a guest of another arch: set arch to match it',
      });
    return refFromPool(m[1]!, m[2]!);
  };
  const snapshot = fields.get('snapshot');
  if (snapshot !== undefined && !/^\d{8}T\d{6}Z$/.test(snapshot))
    throw new ConfigError(`guest-pin: snapshot=${snapshot} is not a timestamp like 20260711T101637Z`, { location: where });
  return { kernel: deb('kernel'), busybox: deb('busybox'), suite: fields.get('suite') ?? GUEST_SUITE, snapshot, trust: 'pinned by sha256' };
}

// ---- downloads -------------------------------------------------------------------------------

/**
 * The .deb's bytes, checked against its sha256 (and size): from the mirror's pool, and for a
 * pinned package the mirror no longer has, from snapshot.debian.org at the pin's date.
 */
export async function fetchDeb(ref: DebRef, opts: { mirror: string; snapshot: string | undefined; log: Logger; signal?: AbortSignal }): Promise<Buffer> {
  const urls = [`${opts.mirror}/${ref.filename}`];
  if (opts.snapshot) urls.push(`${SNAPSHOT_ARCHIVE}/${opts.snapshot}/${ref.filename}`);
  const size = ref.size ? ` (${(ref.size / 1048576).toFixed(1)} MiB)` : '';
  let lastError: unknown;
  for (const url of urls) {
    opts.log.info(`guest packages: downloading ${ref.name} ${ref.version}${size} from ${url}`);
    let bytes: Buffer;
    try {
      bytes = await fetchBytes(url, { signal: opts.signal, progress: { log: opts.log, label: `downloading ${ref.name}` }, hint: NETWORK_HINT });
    } catch (err) {
      if (opts.signal?.aborted) throw err;
      lastError = err;
      // Gone from the mirror (a newer version replaced it): the snapshot archive keeps it.
      if ((err instanceof HttpStatusError && err.status === 404) || url !== urls[0]) continue;
      throw err;
    }
    const got = sha256Hex(bytes);
    if (got !== ref.sha256 || (ref.size && bytes.length !== ref.size)) {
      throw new InfraError(
        `${url} has sha256 ${got} (${bytes.length} bytes), not the ${ref.sha256}${ref.size ? ` (${ref.size} bytes)` : ''} the index gives; it was not used`,
        {
          hint: 'retry (the mirror may be updating), or set debian-mirror to another Debian mirror',
        },
      );
    }
    return bytes;
  }
  throw new InfraError(`${ref.name} ${ref.version} is neither on ${opts.mirror} nor in ${SNAPSHOT_ARCHIVE}: ${(lastError as Error).message}`, {
    hint: 'a pinned guest that no archive keeps any more cannot be rebuilt: drop guest-pin to use the current guest',
  });
}
