/**
 * Which distribution kernel package the built-in guest uses, asked of apt. Debian's cloud kernel
 * is the target (small, LZ4, virtio drivers as modules); Ubuntu's kvm/virtual kernels are the
 * fallback on Ubuntu hosts (GitHub's runners), where modules live in a separate linux-modules-*
 * package that the image package depends on.
 *
 * apt-cache takes ~0.4 s per call on hosts without a pkgcache.bin, so an answer is remembered
 * under a fingerprint of apt's package lists and reused until `apt-get update` changes them.
 */
import { readdir, readFile, stat, writeFile, mkdir, rename } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { InfraError } from '../../core/errors.js';
import { runTool, type ToolOptions } from './run-tool.js';

export interface DebPackage {
  name: string;
  version: string;
}

export interface KernelPackage {
  /** The versioned image package, e.g. linux-image-6.1.0-56-cloud-amd64 6.1.192-2. */
  image: DebPackage;
  /** Packages holding the modules when the image package does not (Ubuntu's linux-modules-*). */
  extra: DebPackage[];
}

/** Meta packages tried in order; each depends on the current versioned kernel image. */
export const KERNEL_META_PACKAGES = [
  'linux-image-cloud-amd64', // Debian
  'linux-image-kvm', // Ubuntu: minimal virtual-machine kernel
  'linux-image-virtual', // Ubuntu: generic kernel, virtual-machine set of modules
] as const;

const APT_LISTS_DIR = '/var/lib/apt/lists';
const NOT_APT_HINT =
  'the built-in guest downloads its kernel with apt (Debian or Ubuntu); elsewhere set guest.kernel and guest.initrd to a kernel and initramfs of your own';

/** Fields of one Debian control stanza (`apt-cache show` output); continuation lines joined. */
export function parseControlStanza(text: string): Map<string, string> {
  const fields = new Map<string, string>();
  let key: string | undefined;
  for (const line of text.split('\n')) {
    if (line.trim() === '') {
      if (fields.size > 0) break; // only the first stanza
      continue;
    }
    if ((line.startsWith(' ') || line.startsWith('\t')) && key) {
      fields.set(key, `${fields.get(key)}\n${line.trim()}`);
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    key = line.slice(0, colon);
    fields.set(key, line.slice(colon + 1).trim());
  }
  return fields;
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

/** Versioned image packages carry the kernel ABI: linux-image-6.1.0-56-cloud-amd64. */
const VERSIONED_IMAGE = /^linux-image-(?:unsigned-)?\d/;

export interface ResolveOptions extends ToolOptions {
  /** apt's package lists folder; the system's by default (tests point it at an empty one). */
  listsDir?: string;
}

async function aptShow(spec: string, opts: ResolveOptions): Promise<Map<string, string> | undefined> {
  const config = opts.listsDir ? ['-o', `Dir::State::Lists=${opts.listsDir}`] : [];
  const r = await runTool('apt-cache', [...config, 'show', '--no-all-versions', spec], { ...opts, missingHint: NOT_APT_HINT });
  if (r.exitCode !== 0 || r.stdout.trim() === '') return undefined;
  return parseControlStanza(r.stdout);
}

/** Follow a meta package down to the versioned image it depends on, and that image's modules package. */
async function resolveFromMeta(meta: string, opts: ResolveOptions): Promise<KernelPackage | undefined> {
  let spec = meta;
  for (let depth = 0; depth < 4; depth++) {
    const fields = await aptShow(spec, opts);
    if (!fields) return undefined;
    const name = fields.get('Package');
    const version = fields.get('Version');
    if (!name || !version) return undefined;
    const deps = parseDepends(`${fields.get('Pre-Depends') ?? ''},${fields.get('Depends') ?? ''}`);
    if (VERSIONED_IMAGE.test(name)) {
      const extra = deps
        .filter((d) => d.name.startsWith('linux-modules-') && d.exactVersion !== undefined)
        .map((d) => ({ name: d.name, version: d.exactVersion! }));
      return { image: { name, version }, extra };
    }
    const next = deps.find((d) => d.name.startsWith('linux-image-'));
    if (!next) return undefined;
    spec = next.exactVersion ? `${next.name}=${next.exactVersion}` : next.name;
  }
  return undefined;
}

/** Names, sizes and times of apt's package lists; empty when there are none. */
export async function aptListsFingerprint(listsDir = APT_LISTS_DIR): Promise<string> {
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

/** Ask apt for the kernel package (no cache). */
export async function resolveKernelPackage(opts: ResolveOptions = {}): Promise<KernelPackage> {
  for (const meta of KERNEL_META_PACKAGES) {
    const found = await resolveFromMeta(meta, opts);
    if (found) return found;
  }
  if ((await aptListsFingerprint(opts.listsDir)) === '') {
    throw new InfraError(`apt has no package lists, so the guest kernel package cannot be found`, {
      hint: 'run apt-get update',
    });
  }
  throw new InfraError(`apt knows none of the kernel packages the built-in guest uses (${KERNEL_META_PACKAGES.join(', ')})`, {
    hint: `run apt-get update; if this is not Debian or Ubuntu amd64, set guest.kernel and guest.initrd`,
  });
}

interface RememberedResolution {
  fingerprint: string;
  kernel: KernelPackage;
}

/**
 * resolveKernelPackage, remembered in `memoFile` while apt's lists stay the same. This is what
 * keeps a warm ensureBuiltinGuest free of apt-cache calls.
 */
export async function resolveKernelPackageCached(memoFile: string, opts: ToolOptions = {}): Promise<KernelPackage> {
  const fingerprint = `v1\n${KERNEL_META_PACKAGES.join(',')}\n${await aptListsFingerprint()}`;
  try {
    const memo = JSON.parse(await readFile(memoFile, 'utf8')) as RememberedResolution;
    if (memo.fingerprint === fingerprint && memo.kernel?.image?.name) return memo.kernel;
  } catch {
    // absent or unreadable: ask apt
  }
  const kernel = await resolveKernelPackage(opts);
  await mkdir(dirname(memoFile), { recursive: true });
  const tmp = `${memoFile}.${process.pid}.tmp`;
  await writeFile(tmp, `${JSON.stringify({ fingerprint, kernel } satisfies RememberedResolution, null, 2)}\n`);
  await rename(tmp, memoFile);
  return kernel;
}
