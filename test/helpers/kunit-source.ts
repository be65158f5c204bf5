/**
 * The kernel's own KUnit parser and its test data (tools/testing/kunit: kunit_parser.py,
 * kunit_tool_test.py, test_data/*.log), from Debian's linux-source-6.12 package in
 * bookworm-security, fetched and unpacked with qfi's own archive code (no apt, no dpkg) into the
 * qfi cache. The version is whatever the archive has now (security updates replace it), so a
 * test reads it from the index, never pins it. Nothing of the kernel tree is committed.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { localCacheDir } from '../../src/core/cache-dir.js';
import { debTar, tarEntries } from '../../src/provision/guest/deb-archive.js';
import { fetchPackagesIndex, fetchRelease, findPackageStanza, sha256Hex } from '../../src/provision/guest/debian-index.js';
import { readHostAptSources } from '../../src/provision/guest/debian-mirror.js';
import { fetchBytes } from '../../src/provision/guest/fetch-bytes.js';

export const KUNIT_PACKAGE = 'linux-source-6.12';
const SUITE = 'bookworm-security';

export interface KunitTree {
  /** tools/testing/kunit of the unpacked source. */
  kunitDir: string;
  /** Documentation/dev-tools/ktap.rst. */
  ktapRst: string;
  /** linux-source-6.12's Debian version, e.g. 6.12.118-1~deb12u1. */
  version: string;
  mirror: string;
}

/** The security mirror this host's apt uses, else Debian's public one. */
function securityMirror(): string {
  for (const file of readHostAptSources()) {
    const m = /(https?:\/\/\S+\/debian-security)\/?(\s|$)/.exec(file.text);
    if (m) return m[1]!;
  }
  return 'https://deb.debian.org/debian-security';
}

/** The unpacked tree, downloading it once per version; a string says why it cannot be had. */
export async function kunitSource(log: (line: string) => void = () => {}): Promise<KunitTree | string> {
  const mirror = securityMirror();
  let stanza: Map<string, string> | undefined;
  try {
    const release = await fetchRelease(mirror, SUITE);
    stanza = findPackageStanza((await fetchPackagesIndex(mirror, release, 'amd64')).text, KUNIT_PACKAGE);
  } catch (err) {
    return `Debian's ${SUITE} archive at ${mirror} is not reachable (${(err as Error).message.split('\n')[0]}): the kernel's KUnit parser comes from it`;
  }
  if (!stanza) return `${mirror} ${SUITE} has no ${KUNIT_PACKAGE} any more: name the newer linux-source package in test/helpers/kunit-source.ts`;
  const version = stanza.get('Version')!;
  const root = join(localCacheDir(), 'test-data', 'kunit', version);
  const tree = (): KunitTree => ({
    kunitDir: join(root, `${KUNIT_PACKAGE}/tools/testing/kunit`),
    ktapRst: join(root, `${KUNIT_PACKAGE}/Documentation/dev-tools/ktap.rst`),
    version,
    mirror,
  });
  if (existsSync(join(tree().kunitDir, 'kunit_parser.py')) && existsSync(tree().ktapRst)) return tree();

  const url = `${mirror}/${stanza.get('Filename')}`;
  log(`downloading ${url} (${(Number(stanza.get('Size')) / 1048576).toFixed(0)} MiB) for the kernel's KUnit parser`);
  const deb = await fetchBytes(url);
  if (sha256Hex(deb) !== stanza.get('SHA256')) throw new Error(`${url}: sha256 ${sha256Hex(deb)} is not the index's ${stanza.get('SHA256')}`);
  const inner = [...tarEntries(Buffer.from(await debTar(deb, 'data')))].find((e) => e.path.endsWith(`usr/src/${KUNIT_PACKAGE}.tar.xz`));
  if (!inner) throw new Error(`${url} has no usr/src/${KUNIT_PACKAGE}.tar.xz`);
  const work = `${root}.partial-${process.pid}`;
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  writeFileSync(join(work, 'source.tar.xz'), inner.data);
  // One pass over the 1.5 GB stream for both paths (each pass takes about 11 s).
  execFileSync('tar', ['-xJf', 'source.tar.xz', '--wildcards', `${KUNIT_PACKAGE}/tools/testing/kunit/*`, `${KUNIT_PACKAGE}/Documentation/dev-tools/ktap.rst`], {
    cwd: work,
    stdio: 'ignore',
  });
  rmSync(join(work, 'source.tar.xz'));
  rmSync(root, { recursive: true, force: true });
  renameSync(work, root);
  return tree();
}

/** One line of scripts/reference/kunit-ref.py's output. */
export interface KunitReading {
  file: string;
  status: string;
  counts?: { passed: number; failed: number; crashed: number; skipped: number; errors: number };
  tests?: string[];
  errors?: string[];
}

/** The real kunit_parser's reading of each log (python3 scripts/reference/kunit-ref.py). */
export function kunitReadings(tree: KunitTree, logs: readonly string[]): KunitReading[] {
  const script = new URL('../../scripts/reference/kunit-ref.py', import.meta.url).pathname;
  const out = execFileSync('python3', [script, tree.kunitDir, ...logs], { encoding: 'utf8' });
  return out
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as KunitReading);
}

/** The logs kunit_tool_test.py opens by name (test_data_path('…')): the ones it asserts on. */
export function assertedLogs(tree: KunitTree): string[] {
  const source = readFileSync(join(tree.kunitDir, 'kunit_tool_test.py'), 'utf8');
  return [...new Set([...source.matchAll(/test_data_path\('([^']+\.log)'\)/g)].map((m) => m[1]!))].sort();
}

/** The kernel output kunit_tool_test.py writes inline (its multi-line strings and lists of lines with a version line). */
export function kunitInlineCases(tree: KunitTree): Array<{ case: string; text: string }> {
  const script = new URL('../../scripts/reference/kunit-ref.py', import.meta.url).pathname;
  const out = execFileSync('python3', [script, '--inline', tree.kunitDir], { encoding: 'utf8' });
  return out
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { case: string; text: string });
}
