/**
 * Which distribution kernel package the built-in guest uses, asked of apt. Debian's cloud kernel
 * is the target (small, LZ4, virtio drivers as modules); Ubuntu's kvm/virtual kernels are the
 * fallback on Ubuntu hosts (GitHub's runners), where modules live in a separate linux-modules-*
 * package that the image package depends on.
 *
 * apt-cache takes ~0.4 s per call on hosts without a pkgcache.bin, so an answer is remembered
 * under a fingerprint of apt's package lists and reused until `apt-get update` changes them.
 */
import { InfraError } from '../../core/errors.js';
import { aptListsFingerprint, aptShow, aptStateFingerprint, HOST_APT_LISTS_DIR, type AptSource } from './apt-source.js';
import { remembered } from './remembered.js';
import type { ToolOptions } from './run-tool.js';

export { aptListsFingerprint };

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

/** amd64 meta packages tried in order; each depends on the current versioned kernel image. */
export const KERNEL_META_PACKAGES = [
  'linux-image-cloud-amd64', // Debian
  'linux-image-kvm', // Ubuntu: minimal virtual-machine kernel
  'linux-image-virtual', // Ubuntu: generic kernel, virtual-machine set of modules
] as const;

/** arm64 meta packages: Debian's cloud kernel; Ubuntu has no arm64 kvm flavour, only the generic kernel. */
export const KERNEL_META_PACKAGES_ARM64 = ['linux-image-cloud-arm64', 'linux-image-virtual'] as const;

/** The meta packages for a Debian architecture. */
export function kernelMetaPackages(debArch: string): readonly string[] {
  switch (debArch) {
    case 'amd64':
      return KERNEL_META_PACKAGES;
    case 'arm64':
      return KERNEL_META_PACKAGES_ARM64;
    default:
      throw new InfraError(`the built-in guest has no kernel package for the ${debArch} architecture`, {
        hint: 'set guest.kernel and guest.initrd to a kernel and initramfs of your own',
      });
  }
}

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
  /** Which apt to ask; the host's (amd64) by default. */
  apt?: AptSource;
  /** apt's package lists folder, overriding the apt's (tests point it at an empty one). */
  listsDir?: string;
}

function aptOf(opts: ResolveOptions): AptSource {
  const apt = opts.apt ?? { debArch: 'amd64', options: [], listsDir: HOST_APT_LISTS_DIR, privateRoot: undefined };
  if (opts.listsDir === undefined) return apt;
  return { ...apt, options: [...apt.options, '-o', `Dir::State::Lists=${opts.listsDir}`], listsDir: opts.listsDir };
}

async function showFields(spec: string, opts: ResolveOptions): Promise<Map<string, string> | undefined> {
  const text = await aptShow(spec, aptOf(opts), opts);
  return text === undefined ? undefined : parseControlStanza(text);
}

/** Follow a meta package down to the versioned image it depends on, and that image's modules package. */
async function resolveFromMeta(meta: string, opts: ResolveOptions): Promise<KernelPackage | undefined> {
  let spec = meta;
  for (let depth = 0; depth < 4; depth++) {
    const fields = await showFields(spec, opts);
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

/** Ask apt for the kernel package (no cache). */
export async function resolveKernelPackage(opts: ResolveOptions = {}): Promise<KernelPackage> {
  const apt = aptOf(opts);
  const metas = kernelMetaPackages(apt.debArch);
  for (const meta of metas) {
    const found = await resolveFromMeta(meta, opts);
    if (found) return found;
  }
  if ((await aptListsFingerprint(apt.listsDir)) === '') {
    throw new InfraError(`apt has no package lists, so the guest kernel package cannot be found`, {
      hint: 'run apt-get update',
    });
  }
  throw new InfraError(`apt knows none of the ${apt.debArch} kernel packages the built-in guest uses (${metas.join(', ')})`, {
    hint: `run apt-get update; if this is not Debian or Ubuntu, set guest.kernel and guest.initrd`,
  });
}

/**
 * resolveKernelPackage, remembered in `memoFile` while apt's lists stay the same. This is what
 * keeps a warm ensureBuiltinGuest free of apt-cache calls. (The fingerprint's form is what the
 * amd64 memo has always used, so a warm x86_64 cache stays warm.)
 */
export async function resolveKernelPackageCached(memoFile: string, opts: ToolOptions & { apt?: AptSource } = {}): Promise<KernelPackage> {
  const apt = aptOf(opts);
  const fingerprint = `v1\n${kernelMetaPackages(apt.debArch).join(',')}\n${await aptStateFingerprint(apt)}`;
  return remembered(memoFile, fingerprint, 'kernel', () => resolveKernelPackage(opts));
}
