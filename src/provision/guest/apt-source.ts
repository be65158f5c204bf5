/**
 * Which apt the built-in guest asks for its packages. A guest of the host's own architecture
 * uses the host's apt as it is. A guest of another architecture (aarch64 on an x86_64 host)
 * gets a private apt state under `${cacheDir}/guest/apt/<debArch>/`: its own package lists,
 * cache and an empty dpkg status, with that architecture as apt's only one. The host's apt
 * setup is never changed (no `dpkg --add-architecture`); the host's sources are reused.
 *
 * Private lists are refreshed with `apt-get update` into that folder when they are older than a
 * day (a full update of bookworm's arm64 lists fetches ~10 MB, about 2 s here), or when a
 * download says a package is gone.
 */
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import type { Logger } from '../../core/host.js';
import { InfraError } from '../../core/errors.js';
import { runTool, toolFailed, type ToolOptions } from './run-tool.js';

export interface AptSource {
  /** dpkg's architecture name: amd64, arm64. */
  debArch: string;
  /** `-o` options put before every apt-get / apt-cache command; empty for the host's apt. */
  options: string[];
  /** The package lists apt reads (their fingerprint keys remembered answers). */
  listsDir: string;
  /** The private state's folder; undefined for the host's apt. */
  privateRoot: string | undefined;
}

export const HOST_APT_LISTS_DIR = '/var/lib/apt/lists';
const NOT_APT_HINT =
  'the built-in guest downloads its kernel with apt (Debian or Ubuntu); elsewhere set guest.kernel and guest.initrd to a kernel and initramfs of your own';

/** Lists older than this are refreshed before they are used. */
export const PRIVATE_LISTS_MAX_AGE_MS = 24 * 60 * 60 * 1000;
/** How long an update waits for another process's update of the same lists. */
const LOCK_WAIT_MS = 120_000;
/** Written after each successful private `apt-get update`: its mtime is the lists' age. */
export const UPDATED_STAMP = 'updated';

/** dpkg's name for the architecture a Node.js process runs on (`process.arch`). */
export function debArchOfNode(nodeArch: string = process.arch): string | undefined {
  return ({ x64: 'amd64', arm64: 'arm64' } as Record<string, string>)[nodeArch];
}

export function hostAptSource(debArch: string): AptSource {
  return { debArch, options: [], listsDir: HOST_APT_LISTS_DIR, privateRoot: undefined };
}

/**
 * A private apt state for `debArch`. `sourcesFile`, when given, replaces the host's sources
 * (Ubuntu serves other architectures from another mirror); otherwise the host's are used.
 */
export function privateAptSource(cacheDir: string, debArch: string, sourcesFile?: string): AptSource {
  const root = join(cacheDir, 'guest', 'apt', debArch);
  const options = [
    `Dir::State::Lists=${join(root, 'lists')}`,
    `Dir::State::status=${join(root, 'status')}`,
    `Dir::Cache=${join(root, 'cache')}`,
    // Native and only architecture: plain package names mean the guest's packages.
    `APT::Architecture=${debArch}`,
    `APT::Architectures::=${debArch}`,
    // Only binary package lists: no translations, no deb-src Sources indices of the host's lists.
    'Acquire::Languages=none',
    'Acquire::IndexTargets::deb-src::Sources::DefaultEnabled=false',
    ...(sourcesFile ? [`Dir::Etc::SourceList=${sourcesFile}`, `Dir::Etc::SourceParts=${join(root, 'sources.list.d')}`] : []),
  ];
  return { debArch, options: options.flatMap((o) => ['-o', o]), listsDir: join(root, 'lists'), privateRoot: root };
}

/** Fields of /etc/os-release (`KEY=value`, values maybe quoted). */
export function parseOsRelease(text: string): Map<string, string> {
  const fields = new Map<string, string>();
  for (const line of text.split('\n')) {
    const m = /^([A-Z_]+)=(.*)$/.exec(line.trim());
    if (m) fields.set(m[1]!, m[2]!.replace(/^(["'])(.*)\1$/, '$2'));
  }
  return fields;
}

/**
 * The deb822 sources for a private apt state, when the host's cannot serve `debArch`: Ubuntu
 * keeps amd64 and i386 on archive.ubuntu.com and every other architecture on ports.ubuntu.com.
 * Undefined means "use the host's sources" (Debian mirrors carry every architecture).
 */
export function privateSourcesText(osRelease: Map<string, string>, debArch: string): string | undefined {
  if (osRelease.get('ID') !== 'ubuntu' || debArch === 'amd64' || debArch === 'i386') return undefined;
  const codename = osRelease.get('VERSION_CODENAME') ?? osRelease.get('UBUNTU_CODENAME');
  if (!codename) return undefined;
  return [
    '# qfi: Ubuntu serves this architecture from ports.ubuntu.com',
    'Types: deb',
    'URIs: http://ports.ubuntu.com/ubuntu-ports',
    `Suites: ${codename} ${codename}-updates ${codename}-security`,
    'Components: main',
    `Architectures: ${debArch}`,
    'Signed-By: /usr/share/keyrings/ubuntu-archive-keyring.gpg',
    '',
  ].join('\n');
}

function readHostOsRelease(): Map<string, string> {
  for (const path of ['/etc/os-release', '/usr/lib/os-release']) {
    if (existsSync(path)) return parseOsRelease(readFileSync(path, 'utf8'));
  }
  return new Map();
}

/**
 * The apt to ask for `debArch` packages: the host's when the host runs that architecture,
 * a private state under the cache otherwise.
 */
export function aptSourceFor(cacheDir: string, debArch: string, hostDebArch = debArchOfNode()): AptSource {
  if (debArch === hostDebArch) return hostAptSource(debArch);
  const sources = privateSourcesText(readHostOsRelease(), debArch);
  return privateAptSource(cacheDir, debArch, sources === undefined ? undefined : join(cacheDir, 'guest', 'apt', debArch, 'sources.list'));
}

/** Names, sizes and times of apt's package lists; empty when there are none. */
export async function aptListsFingerprint(listsDir = HOST_APT_LISTS_DIR): Promise<string> {
  let names: string[];
  try {
    names = (await readdir(listsDir)).filter((n) => n.includes('_Packages')).sort();
  } catch {
    return '';
  }
  const parts = await Promise.all(
    names.map(async (n) => {
      const s = await stat(join(listsDir, n));
      return `${n}:${s.size}:${s.mtimeMs}`;
    }),
  );
  return parts.join('\n');
}

/**
 * What answers remembered from this apt are keyed on: its lists, and for a private state also
 * the time of its last update. A refresh forced by a missing package thus never serves the
 * same stale answer again, even when the mirror's lists did not change.
 */
export async function aptStateFingerprint(apt: AptSource): Promise<string> {
  const lists = await aptListsFingerprint(apt.listsDir);
  if (apt.privateRoot === undefined) return lists;
  const updated = await stat(join(apt.privateRoot, UPDATED_STAMP)).then((s) => s.mtimeMs, () => 0);
  return `${lists}\nupdated:${updated}`;
}

/** `apt-cache show` of one package spec (`name` or `name=version`); undefined when apt has none. */
export async function aptShow(spec: string, apt: Pick<AptSource, 'options'>, opts: ToolOptions = {}): Promise<string | undefined> {
  const r = await runTool('apt-cache', [...apt.options, 'show', '--no-all-versions', spec], { ...opts, missingHint: NOT_APT_HINT });
  if (r.exitCode !== 0 || r.stdout.trim() === '') return undefined;
  return r.stdout;
}

async function listsAgeMs(root: string): Promise<number | undefined> {
  try {
    return Date.now() - (await stat(join(root, UPDATED_STAMP))).mtimeMs;
  } catch {
    return undefined;
  }
}

async function hasPackageLists(listsDir: string): Promise<boolean> {
  try {
    return (await readdir(listsDir)).some((n) => n.includes('_Packages'));
  } catch {
    return false;
  }
}

/**
 * Make sure a private apt state has package lists no older than `maxAgeMs` (`force`: refresh
 * now). A failed refresh with older lists present only warns (offline runs keep working from
 * the cache); with no lists at all it is an error. Returns true when it ran apt-get update.
 */
export async function ensurePrivateLists(
  apt: AptSource,
  opts: { log: Logger; signal?: AbortSignal; force?: boolean; maxAgeMs?: number; osRelease?: Map<string, string> },
): Promise<boolean> {
  const root = apt.privateRoot;
  if (root === undefined) return false;
  const age = await listsAgeMs(root);
  const haveLists = age !== undefined && (await hasPackageLists(apt.listsDir));
  if (haveLists && !opts.force && age < (opts.maxAgeMs ?? PRIVATE_LISTS_MAX_AGE_MS)) return false;

  await mkdir(join(apt.listsDir, 'partial'), { recursive: true });
  await mkdir(join(root, 'cache', 'archives', 'partial'), { recursive: true });
  await mkdir(join(root, 'sources.list.d'), { recursive: true });
  await writeFile(join(root, 'status'), ''); // no installed packages: this state only downloads
  const sources = privateSourcesText(opts.osRelease ?? readHostOsRelease(), apt.debArch);
  if (sources !== undefined) await writeFile(join(root, 'sources.list'), sources);

  const t = performance.now();
  const why = opts.force ? 'a package was not found' : haveLists ? 'they are more than a day old' : 'first use';
  opts.log.info(`guest packages (${apt.debArch}): apt-get update into ${apt.listsDir} (${why})`);
  const args = [...apt.options, 'update'];
  let r = await runTool('apt-get', args, { signal: opts.signal, missingHint: NOT_APT_HINT });
  // Another qfi run is updating the same lists (apt locks them): wait for it, then update again.
  for (let waited = 0; r.exitCode !== 0 && /Could not get lock/.test(r.stderr) && waited < LOCK_WAIT_MS; waited += 1000) {
    await delay(1000, undefined, { signal: opts.signal });
    r = await runTool('apt-get', args, { signal: opts.signal, missingHint: NOT_APT_HINT });
  }
  // One unreachable source (a host's third-party repository, or no network at all) fails the
  // update, but apt keeps what it had: only no lists at all is an error.
  const problems = r.exitCode !== 0 || /^(E:|W: Failed to fetch)/m.test(r.stderr);
  if (!(await hasPackageLists(apt.listsDir))) {
    throw toolFailed('apt-get', args, r, `check that this host reaches its apt mirrors and that they carry ${apt.debArch}`);
  }
  // Stamped even after problems: the next try is in a day, or when a download finds a package gone.
  await writeFile(join(root, UPDATED_STAMP), `${new Date().toISOString()}\n`);
  if (problems) {
    const err = toolFailed('apt-get', args, r);
    opts.log.warn(`guest packages (${apt.debArch}): apt-get update had problems, using the lists it has: ${err.message}`);
    return true;
  }
  opts.log.info(`guest packages (${apt.debArch}): package lists updated in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  return true;
}

/** Thrown when apt-get download cannot find a package or its file: the lists are out of date. */
export class StaleAptListsError extends InfraError {}

/**
 * Run `fetch`; when it fails because a private apt state's lists are out of date (the package
 * version they name is gone from the mirror), refresh them and run it once more. Answers
 * remembered from the old lists are not reused: the refreshed lists have another fingerprint.
 */
export async function retryWithFreshLists<T>(apt: AptSource, opts: { log: Logger; signal?: AbortSignal }, fetch: () => Promise<T>): Promise<T> {
  try {
    return await fetch();
  } catch (err) {
    if (!(err instanceof StaleAptListsError) || apt.privateRoot === undefined) throw err;
    opts.log.info(`guest packages (${apt.debArch}): ${err.message.split('\n')[0]}; refreshing the package lists`);
    await ensurePrivateLists(apt, { ...opts, force: true });
    return fetch();
  }
}
