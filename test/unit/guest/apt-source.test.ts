import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, describe, expect, it } from 'vitest';
import { InfraError } from '../../../src/core/errors.js';
import {
  aptListsFingerprint,
  aptSourceFor,
  aptStateFingerprint,
  debArchOfNode,
  ensurePrivateLists,
  hostAptSource,
  parseOsRelease,
  privateAptSource,
  privateSourcesText,
  StaleAptListsError,
  UPDATED_STAMP,
} from '../../../src/provision/guest/apt-source.js';
import { downloadDebs } from '../../../src/provision/guest/deb-fetch.js';
import { remembered } from '../../../src/provision/guest/remembered.js';
import type { Logger } from '../../../src/core/host.js';

const work = mkdtempSync(join(tmpdir(), 'qfi-apt-source-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const hasApt = (await execa('apt-config', ['--version'], { reject: false }).catch(() => ({ exitCode: 1 }))).exitCode === 0;
const hostHasBusybox =
  (await execa('apt-cache', ['show', '--no-all-versions', 'busybox-static'], { reject: false }).catch(() => ({ exitCode: 1 }))).exitCode === 0;

const logLines: string[] = [];
const log: Logger = {
  info: (m) => logLines.push(m),
  warn: (m) => logLines.push(`warn: ${m}`),
  error: (m) => logLines.push(`error: ${m}`),
  debug: () => {},
  group: (_t, fn) => fn(),
};

/** What apt itself makes of a set of -o options (`apt-config dump`), as lowercased key -> values. */
async function aptConfig(options: string[]): Promise<{ get(key: string): string | undefined; all(key: string): string[] }> {
  const r = await execa('apt-config', [...options, 'dump']);
  const config = new Map<string, string[]>();
  for (const line of r.stdout.split('\n')) {
    const m = /^(\S+) "(.*)";$/.exec(line);
    if (m) config.set(m[1]!.toLowerCase(), [...(config.get(m[1]!.toLowerCase()) ?? []), m[2]!]);
  }
  return { get: (key) => config.get(key.toLowerCase())?.[0], all: (key) => config.get(key.toLowerCase()) ?? [] };
}

describe('which apt a guest architecture uses', () => {
  it('maps Node.js architectures to dpkg ones', () => {
    expect(debArchOfNode('x64')).toBe('amd64');
    expect(debArchOfNode('arm64')).toBe('arm64');
    expect(debArchOfNode('s390x')).toBeUndefined();
  });

  it("uses the host's apt for the host's architecture and a private state under the cache otherwise", () => {
    expect(aptSourceFor(work, 'amd64', 'amd64')).toEqual(hostAptSource('amd64'));
    expect(hostAptSource('amd64')).toMatchObject({ options: [], listsDir: '/var/lib/apt/lists', privateRoot: undefined });
    const foreign = aptSourceFor(work, 'arm64', 'amd64');
    expect(foreign.privateRoot).toBe(join(work, 'guest', 'apt', 'arm64'));
    expect(foreign.listsDir).toBe(join(work, 'guest', 'apt', 'arm64', 'lists'));
    // An arm64 host builds an aarch64 guest from its own apt.
    expect(aptSourceFor(work, 'arm64', 'arm64').privateRoot).toBeUndefined();
  });

  it.skipIf(!hasApt)('gives apt private lists, cache and status, with the guest architecture as its only one', async () => {
    const apt = privateAptSource(work, 'arm64');
    const config = await aptConfig(apt.options);
    const root = join(work, 'guest', 'apt', 'arm64');
    expect(config.get('Dir::State::Lists')).toBe(join(root, 'lists'));
    expect(config.get('Dir::State::status')).toBe(join(root, 'status'));
    expect(config.get('Dir::Cache')).toBe(join(root, 'cache'));
    expect(config.get('APT::Architecture')).toBe('arm64');
    expect(config.all('APT::Architectures::')).toEqual(['arm64']);
    expect(config.get('Acquire::IndexTargets::deb-src::Sources::DefaultEnabled')).toBe('false');
    // The host's own settings are left as they are.
    expect((await aptConfig([])).get('APT::Architecture')).toBe(debArchOfNode());
  });
});

describe('private sources', () => {
  it("reads this host's os-release", () => {
    const text = readFileSync('/etc/os-release', 'utf8');
    const fields = parseOsRelease(text);
    expect(fields.get('ID')).toMatch(/^[a-z]+$/);
    expect(text).toContain(`ID=${fields.get('ID')}`);
  });

  it("reuses the host's sources on Debian (its mirrors carry every architecture)", () => {
    expect(privateSourcesText(new Map([['ID', 'debian'], ['VERSION_CODENAME', 'bookworm']]), 'arm64')).toBeUndefined();
  });

  it.skipIf(!hasApt)('points Ubuntu at ports.ubuntu.com for arm64, in sources apt accepts', async () => {
    const ubuntu = new Map([['ID', 'ubuntu'], ['VERSION_CODENAME', 'noble']]);
    expect(privateSourcesText(ubuntu, 'amd64')).toBeUndefined();
    const text = privateSourcesText(ubuntu, 'arm64')!;
    const root = join(work, 'ubuntu');
    mkdirSync(join(root, 'parts'), { recursive: true });
    mkdirSync(join(root, 'lists'), { recursive: true });
    writeFileSync(join(root, 'ubuntu.sources'), text);
    // What apt-get update would fetch from these sources (--print-uris: nothing is downloaded).
    const r = await execa('apt-get', [
      ...privateAptSource(root, 'arm64').options,
      '-o', `Dir::Etc::SourceList=${join(root, 'ubuntu.sources')}`,
      '-o', `Dir::Etc::SourceParts=${join(root, 'parts')}`,
      '--print-uris', 'update',
    ]);
    const packages = r.stdout.split('\n').filter((l) => l.includes('/Packages')).map((l) => l.split(' ')[0]!.replace(/'/g, ''));
    expect(packages.filter((u) => u.includes('binary-arm64'))).toEqual(
      ['noble', 'noble-updates', 'noble-security'].map((suite) => `http://ports.ubuntu.com/ubuntu-ports/dists/${suite}/main/binary-arm64/Packages.xz`),
    );
    expect(packages.filter((u) => u.includes('amd64'))).toEqual([]);
  });
});

describe('ensurePrivateLists', () => {
  function fakeState(name: string, ageMs: number | undefined): ReturnType<typeof privateAptSource> {
    const apt = privateAptSource(join(work, name), 'arm64');
    mkdirSync(apt.listsDir, { recursive: true });
    writeFileSync(join(apt.listsDir, 'deb.debian.org_debian_dists_bookworm_main_binary-arm64_Packages.lz4'), 'x');
    if (ageMs !== undefined) {
      const stamp = join(apt.privateRoot!, UPDATED_STAMP);
      writeFileSync(stamp, 'then\n');
      const t = (Date.now() - ageMs) / 1000;
      utimesSync(stamp, t, t);
    }
    return apt;
  }

  it('leaves lists younger than a day alone (no apt-get run)', async () => {
    const apt = fakeState('fresh', 60_000);
    const path = process.env.PATH;
    process.env.PATH = join(work, 'no-bin'); // any apt-get call would fail
    try {
      expect(await ensurePrivateLists(apt, { log })).toBe(false);
    } finally {
      process.env.PATH = path;
    }
  });

  /** A private state whose only source is a closed local port: apt-get update really runs and fails at once. */
  function unreachable(name: string, ageMs: number | undefined, withLists: boolean): ReturnType<typeof privateAptSource> {
    const root = join(work, name);
    mkdirSync(root, { recursive: true });
    const sources = join(root, 'unreachable.sources');
    writeFileSync(sources, 'Types: deb\nURIs: http://127.0.0.1:9/debian\nSuites: bookworm\nComponents: main\nTrusted: yes\n');
    const base = privateAptSource(root, 'arm64', sources);
    // No retries with back-off: the port is closed.
    const apt = { ...base, options: [...base.options, '-o', 'Acquire::Retries=0'] };
    if (withLists) {
      const faked = fakeState(name, ageMs);
      expect(faked.listsDir).toBe(apt.listsDir);
    }
    return apt;
  }
  const debian = new Map([['ID', 'debian']]);

  it.skipIf(!hasApt)('refreshes lists older than a day; when that fails, it warns, keeps the old lists and tries again a day later', async () => {
    const apt = unreachable('stale', 2 * 24 * 3600_000, true);
    logLines.length = 0;
    expect(await ensurePrivateLists(apt, { log, osRelease: debian })).toBe(true);
    expect(logLines.some((l) => l.includes('apt-get update') && l.includes('more than a day old'))).toBe(true);
    expect(logLines.some((l) => l.startsWith('warn: ') && l.includes('using the lists it has') && l.includes('127.0.0.1'))).toBe(true);
    // The old lists are still there, and the next try is a day away.
    expect(await aptListsFingerprint(apt.listsDir)).toContain('binary-arm64_Packages');
    expect(await ensurePrivateLists(apt, { log, osRelease: debian })).toBe(false);
  });

  it.skipIf(!hasApt)('is an error, with a hint, when there are no lists and none can be fetched', async () => {
    const apt = unreachable('empty', undefined, false);
    const err = await ensurePrivateLists(apt, { log, osRelease: debian }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InfraError);
    expect((err as InfraError).message).toMatch(/^apt-get .* update exited with/);
    expect((err as InfraError).hint).toContain('carry arm64');
  });

  it('keys remembered answers on the last update too, so a forced refresh never reuses a stale answer', async () => {
    const apt = fakeState('fingerprint', 1000);
    const before = await aptStateFingerprint(apt);
    const stamp = join(apt.privateRoot!, UPDATED_STAMP);
    utimesSync(stamp, Date.now() / 1000, Date.now() / 1000);
    expect(await aptStateFingerprint(apt)).not.toBe(before);
    // The host's fingerprint is its lists only, as it always was.
    expect(await aptStateFingerprint(hostAptSource('amd64'))).not.toContain('updated:');
  });
});

describe('remembered', () => {
  it('reuses a value while the fingerprint matches and recomputes when it changes', async () => {
    const memo = join(work, 'memo', 'resolved.json');
    let calls = 0;
    const compute = async () => ({ n: ++calls });
    expect(await remembered(memo, 'a', 'package', compute)).toEqual({ n: 1 });
    expect(await remembered(memo, 'a', 'package', compute)).toEqual({ n: 1 });
    expect(JSON.parse(readFileSync(memo, 'utf8'))).toEqual({ fingerprint: 'a', package: { n: 1 } });
    expect(await remembered(memo, 'b', 'package', compute)).toEqual({ n: 2 });
    expect(await remembered(memo, 'b', 'other', compute)).toEqual({ n: 3 });
  });
});

describe('downloadDebs', () => {
  it.skipIf(!hostHasBusybox)('tells a package version the lists do not have (a stale list) from other failures', async () => {
    const dir = join(work, 'dl');
    mkdirSync(dir);
    const err = await downloadDebs([{ name: 'busybox-static', version: '0.0-0qfi' }], dir).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StaleAptListsError);
    expect((err as StaleAptListsError).message).toContain("Version '0.0-0qfi' for 'busybox-static' was not found");
    expect((err as StaleAptListsError).hint).toBe('run apt-get update (the package lists may be out of date), then retry');
  });
});
