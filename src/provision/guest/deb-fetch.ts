/**
 * Fetch and unpack .deb files with the host's own tools: `apt-get download` (no root needed; it
 * writes into its working folder) and `dpkg-deb -x` (no root needed; does not register the package).
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { InfraError } from '../../core/errors.js';
import { StaleAptListsError, type AptSource } from './apt-source.js';
import type { DebPackage } from './kernel-package.js';
import { runTool, toolFailed, type ToolOptions } from './run-tool.js';

const NOT_APT_HINT = 'the built-in guest needs apt-get and dpkg-deb (Debian or Ubuntu); elsewhere set guest.kernel and guest.initrd';

/**
 * Download the packages into a fresh temporary folder under `parentDir` and return it with the
 * .deb paths. The caller removes the folder.
 */
export async function downloadDebs(
  packages: readonly DebPackage[],
  parentDir: string,
  opts: ToolOptions & { apt?: AptSource } = {},
): Promise<{ dir: string; debs: string[] }> {
  const dir = await mkdtemp(join(parentDir, 'download-'));
  try {
    const args = [...(opts.apt?.options ?? []), 'download', ...packages.map((p) => `${p.name}=${p.version}`)];
    const r = await runTool('apt-get', args, { ...opts, cwd: dir, missingHint: NOT_APT_HINT });
    if (r.exitCode !== 0) {
      const failure = toolFailed('apt-get', args, r);
      if (/Unable to locate|Can't find a source|Version '[^']*' for '[^']*' was not found|404\s+Not Found|Failed to fetch/i.test(r.stderr)) {
        const hint = opts.apt?.privateRoot
          ? `qfi refreshes its own ${opts.apt.debArch} package lists in ${opts.apt.privateRoot} on this error; if it persists, check the host's apt sources`
          : 'run apt-get update (the package lists may be out of date), then retry';
        throw new StaleAptListsError(failure.message, { hint });
      }
      throw failure;
    }
    const debs = (await readdir(dir)).filter((n) => n.endsWith('.deb')).sort();
    if (debs.length !== packages.length) {
      throw new InfraError(`apt-get download gave ${debs.length} .deb files for ${packages.length} packages in ${dir}`);
    }
    return { dir, debs: debs.map((n) => join(dir, n)) };
  } catch (err) {
    await rm(dir, { recursive: true, force: true });
    throw err;
  }
}

export async function extractDeb(deb: string, destDir: string, opts: ToolOptions = {}): Promise<void> {
  const args = ['-x', deb, destDir];
  const r = await runTool('dpkg-deb', args, { ...opts, missingHint: NOT_APT_HINT });
  if (r.exitCode !== 0) throw toolFailed('dpkg-deb', args, r);
}
