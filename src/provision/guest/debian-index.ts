/**
 * A suite's package index, read the way apt reads it but with Node: the signed InRelease file
 * (checked with gpgv against Debian's archive keyring where the host has both), the sha256 it
 * gives for main/binary-<arch>/Packages.gz, and that index's stanzas. A host without the keyring
 * relies on the transport alone (HTTPS to Debian's archive); the log says which it was.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';
import { InfraError } from '../../core/errors.js';
import { decompressPayload } from './compression.js';
import { parseControlStanza } from './deb-archive.js';
import { fetchBytes, type FetchOptions } from './fetch-bytes.js';
import { runTool } from './run-tool.js';

export const DEBIAN_KEYRING = '/usr/share/keyrings/debian-archive-keyring.gpg';

export interface IndexFile {
  sha256: string;
  size: number;
}

export interface Release {
  suite: string;
  codename: string;
  /** The Date field as written (`Sat, 11 Jul 2026 10:16:37 UTC`). */
  date: string;
  acquireByHash: boolean;
  /** Path under dists/<suite>/ -> its sha256 and size. */
  files: Map<string, IndexFile>;
  /** Who signed it (gpgv's "Good signature from" names), or why it was not checked. */
  trust: string;
}

/** The signed text of a clearsigned message, dash-escaping undone (RFC 4880 §7). */
export function clearsignedText(message: string): string {
  const lines = message.split('\n');
  const start = lines.findIndex((l) => l.startsWith('-----BEGIN PGP SIGNED MESSAGE-----'));
  if (start === -1) return message; // a plain Release file
  let i = start + 1;
  while (i < lines.length && lines[i]!.trim() !== '') i++; // armor headers (Hash: …)
  const end = lines.findIndex((l, n) => n > i && l.startsWith('-----BEGIN PGP SIGNATURE-----'));
  return lines
    .slice(i + 1, end === -1 ? undefined : end)
    .map((l) => (l.startsWith('- ') ? l.slice(2) : l))
    .join('\n');
}

export function parseRelease(text: string, trust: string): Release {
  const fields = parseControlStanza(text);
  const files = new Map<string, IndexFile>();
  for (const line of (fields.get('SHA256') ?? '').split('\n')) {
    const m = /^([0-9a-f]{64})\s+(\d+)\s+(\S+)$/.exec(line.trim());
    if (m) files.set(m[3]!, { sha256: m[1]!, size: Number(m[2]) });
  }
  return {
    suite: fields.get('Suite') ?? '',
    codename: fields.get('Codename') ?? '',
    date: fields.get('Date') ?? '',
    acquireByHash: fields.get('Acquire-By-Hash') === 'yes',
    files,
    trust,
  };
}

/** `Sat, 11 Jul 2026 10:16:37 UTC` -> `20260711T101637Z`, snapshot.debian.org's timestamp form. */
export function snapshotStamp(releaseDate: string): string | undefined {
  const t = Date.parse(releaseDate.replace(/ UTC$/, ' GMT'));
  if (Number.isNaN(t)) return undefined;
  return new Date(t)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}Z$/, 'Z');
}

/** gpgv's verdict on an InRelease file: the signers, or an error naming what gpgv said. */
async function verifySignature(bytes: Uint8Array, keyring: string, url: string, signal?: AbortSignal): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'qfi-inrelease-'));
  try {
    const file = join(dir, 'InRelease');
    await writeFile(file, bytes);
    const r = await runTool('gpgv', ['--keyring', keyring, file], { signal, missingHint: 'install gpgv' });
    const signers = [...r.stderr.matchAll(/Good signature from "([^"]+)"/g)].map((m) => m[1]!);
    if (r.exitCode !== 0 || signers.length === 0) {
      throw new InfraError(`the signature of ${url} does not check out against ${keyring}: ${r.stderr.trim().split('\n').slice(-3).join(' | ')}`, {
        hint: 'the mirror may be serving damaged or forged files; set debian-mirror to another Debian mirror',
      });
    }
    // Debian signs with several keys; the first names the suite's own.
    return `signature checked: ${signers[0]!.replace(/\s*<[^>]*>$/, '')}${signers.length > 1 ? ` and ${signers.length - 1} more` : ''}`;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Whether this host can check Debian's signatures (gpgv and the archive keyring). */
async function canVerify(keyring: string): Promise<boolean> {
  if (!existsSync(keyring)) return false;
  const r = await runTool('gpgv', ['--version']).catch(() => undefined);
  return r?.exitCode === 0;
}

export async function fetchRelease(mirror: string, suite: string, opts: FetchOptions & { keyring?: string } = {}): Promise<Release> {
  const url = `${mirror}/dists/${suite}/InRelease`;
  return readInRelease(await fetchBytes(url, opts), url, suite, opts);
}

/** An InRelease file's Release, its signature checked where the host can (see canVerify). */
export async function readInRelease(bytes: Uint8Array, url: string, suite: string, opts: { keyring?: string; signal?: AbortSignal } = {}): Promise<Release> {
  const keyring = opts.keyring ?? DEBIAN_KEYRING;
  const trust = (await canVerify(keyring))
    ? await verifySignature(bytes, keyring, url, opts.signal)
    : `signature not checked (no gpgv or no ${keyring} on this host); trusted on the transport: ${new URL(url).protocol.replace(':', '')}`;
  const release = parseRelease(clearsignedText(Buffer.from(bytes).toString('utf8')), trust);
  if (release.codename !== suite && release.suite !== suite) {
    throw new InfraError(`${url} is the Release file of ${release.codename || release.suite || 'an unknown suite'}, not ${suite}`, {
      hint: 'check debian-mirror',
    });
  }
  return release;
}

export const sha256Hex = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

const gunzipAsync = promisify(gunzip);

/**
 * main/binary-<arch>/Packages of a Release (.gz where listed, else .xz, as debian-security has
 * it), fetched by its hash where the mirror allows, checked, unpacked.
 */
export async function fetchPackagesIndex(
  mirror: string,
  release: Release,
  debArch: string,
  opts: FetchOptions = {},
): Promise<{ text: string; sha256: string }> {
  const listed = ['gz', 'xz'].map((ext) => `main/binary-${debArch}/Packages.${ext}`).filter((p) => release.files.has(p));
  const path = listed[0];
  if (!path)
    throw new InfraError(`the ${release.codename} Release file lists no main/binary-${debArch}/Packages.gz or .xz`, {
      hint: `check that the mirror carries ${debArch}`,
    });
  const want = release.files.get(path)!;
  const base = `${mirror}/dists/${release.codename}`;
  // By hash: a mirror that updates between our two requests still serves the file we checked.
  const url = release.acquireByHash ? `${base}/main/binary-${debArch}/by-hash/SHA256/${want.sha256}` : `${base}/${path}`;
  const gz = await fetchBytes(url, opts);
  const got = sha256Hex(gz);
  if (got !== want.sha256 || gz.length !== want.size) {
    throw new InfraError(`${url} has sha256 ${got} (${gz.length} bytes), but the Release file says ${want.sha256} (${want.size} bytes)`, {
      hint: 'the mirror may be in the middle of an update: retry, or set debian-mirror to another mirror',
    });
  }
  const text = path.endsWith('.gz') ? await gunzipAsync(gz) : await decompressPayload(gz, 'xz', opts.signal);
  return { text: Buffer.from(text).toString('utf8'), sha256: want.sha256 };
}

/** The stanza of `name` in a Packages index; undefined when the index has none. */
export function findPackageStanza(packages: string, name: string): Map<string, string> | undefined {
  const needle = `Package: ${name}\n`;
  let at = packages.startsWith(needle) ? 0 : packages.indexOf(`\n${needle}`);
  if (at === -1) return undefined;
  if (at > 0) at += 1;
  const end = packages.indexOf('\n\n', at);
  return parseControlStanza(packages.slice(at, end === -1 ? undefined : end));
}

export interface Dependency {
  name: string;
  /** Present for `name (= version)`. */
  exactVersion: string | undefined;
}

/** A Depends field: the first alternative of each comma-separated item. */
export function parseDepends(field: string): Dependency[] {
  const deps: Dependency[] = [];
  for (const item of field.split(',')) {
    const first = item.split('|')[0]!.trim();
    const m = /^([a-z0-9][a-z0-9+.-]*)(?::[a-z0-9-]+)?\s*(?:\(\s*([<>=]+)\s*([^)\s]+)\s*\))?/.exec(first);
    if (!m) continue;
    deps.push({ name: m[1]!, exactVersion: m[2] === '=' ? m[3] : undefined });
  }
  return deps;
}
