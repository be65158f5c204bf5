/**
 * Which Debian mirror the built-in guest's packages come from: the user's (`debian-mirror`),
 * else the one a Debian host's apt already uses (a local mirror or proxy is often the only way
 * out of a company network), else Debian's public archive. An Ubuntu host's sources point at
 * Ubuntu's archive, which has no Debian packages: they are never used.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const DEBIAN_ARCHIVE = 'https://deb.debian.org/debian';

export interface MirrorChoice {
  /** Base URL without a trailing slash: `${url}/dists/…`, `${url}/pool/…`. */
  url: string;
  /** How it was chosen, for the log. */
  why: string;
}

export interface AptSourcesFile {
  path: string;
  text: string;
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

interface SourceEntry {
  types: string[];
  uris: string[];
  suites: string[];
  components: string[];
  enabled: boolean;
}

/** One-line `deb [options] URI suite component…` entries of a sources.list file. */
function oneLineEntries(text: string): SourceEntry[] {
  const entries: SourceEntry[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.replace(/#.*$/, '').trim();
    const m = /^(deb|deb-src)\s+(?:\[[^\]]*\]\s+)?(\S+)\s+(\S+)\s*(.*)$/.exec(line);
    if (m) entries.push({ types: [m[1]!], uris: [m[2]!], suites: [m[3]!], components: m[4]!.split(/\s+/).filter(Boolean), enabled: true });
  }
  return entries;
}

/** deb822 stanzas of a .sources file. */
function deb822Entries(text: string): SourceEntry[] {
  const entries: SourceEntry[] = [];
  for (const stanza of text.split(/\n\s*\n/)) {
    const fields = new Map<string, string>();
    let key: string | undefined;
    for (const raw of stanza.split('\n')) {
      if (raw.startsWith('#')) continue;
      if (/^\s/.test(raw) && key) {
        fields.set(key, `${fields.get(key)} ${raw.trim()}`);
        continue;
      }
      const colon = raw.indexOf(':');
      if (colon <= 0) continue;
      key = raw.slice(0, colon).trim().toLowerCase();
      fields.set(key, raw.slice(colon + 1).trim());
    }
    const words = (k: string) => (fields.get(k) ?? '').split(/\s+/).filter(Boolean);
    if (fields.size === 0) continue;
    entries.push({
      types: words('types'),
      uris: words('uris'),
      suites: words('suites'),
      components: words('components'),
      enabled: !/^(no|false)$/i.test(fields.get('enabled') ?? 'yes'),
    });
  }
  return entries;
}

/**
 * The main-archive URIs of Debian binary sources, in the order apt lists them. Security and
 * backports-only mirrors are left out: they do not carry the suite's own packages.
 */
export function debianMirrorsIn(files: readonly AptSourcesFile[]): string[] {
  const found: string[] = [];
  for (const file of files) {
    const entries = file.path.endsWith('.sources') ? deb822Entries(file.text) : oneLineEntries(file.text);
    for (const e of entries) {
      if (!e.enabled || !e.types.includes('deb') || !e.components.includes('main')) continue;
      if (!e.suites.some((s) => !/-(security|backports|updates|proposed-updates)$|\/updates$/.test(s))) continue;
      for (const uri of e.uris) {
        if (!/^https?:\/\//.test(uri) || /debian-security/.test(uri)) continue;
        const url = uri.replace(/\/+$/, '');
        if (!found.includes(url)) found.push(url);
      }
    }
  }
  return found;
}

/** The host's apt source files: /etc/apt/sources.list and sources.list.d/*.list|*.sources. */
export function readHostAptSources(etcApt = '/etc/apt'): AptSourcesFile[] {
  const files: AptSourcesFile[] = [];
  const add = (path: string) => {
    try {
      files.push({ path, text: readFileSync(path, 'utf8') });
    } catch {
      // unreadable: skip
    }
  };
  if (existsSync(join(etcApt, 'sources.list'))) add(join(etcApt, 'sources.list'));
  try {
    for (const name of readdirSync(join(etcApt, 'sources.list.d')).sort()) {
      if (name.endsWith('.list') || name.endsWith('.sources')) add(join(etcApt, 'sources.list.d', name));
    }
  } catch {
    // no sources.list.d
  }
  return files;
}

function readHostOsRelease(): Map<string, string> {
  for (const path of ['/etc/os-release', '/usr/lib/os-release']) {
    if (existsSync(path)) return parseOsRelease(readFileSync(path, 'utf8'));
  }
  return new Map();
}

export function chooseMirror(
  given: string | undefined,
  host: { osRelease: Map<string, string>; sources: () => AptSourcesFile[] } = { osRelease: readHostOsRelease(), sources: () => readHostAptSources() },
): MirrorChoice {
  if (given) return { url: given.replace(/\/+$/, ''), why: 'debian-mirror' };
  if (host.osRelease.get('ID') === 'debian') {
    const files = host.sources();
    const [first] = debianMirrorsIn(files);
    if (first) return { url: first, why: "this Debian host's apt sources" };
  }
  return { url: DEBIAN_ARCHIVE, why: "Debian's public archive" };
}
