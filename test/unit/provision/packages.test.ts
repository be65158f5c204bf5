/**
 * src/provision/packages.json is the one list of host packages: scripts/install-deps.sh and the
 * QEMU build check (build-deps.ts) both take theirs from it, and the archive has them all.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findMissingBuildDeps, pythonDeps } from '../../../src/provision/qemu-build/build-deps.js';
import { packageGroup, type HostPackage, type PackageGroup } from '../../../src/provision/qemu-build/package-list.js';
import { pythonRequirements, satisfies } from '../../../src/provision/qemu-build/python-deps.js';

const repo = new URL('../../../', import.meta.url).pathname;
const installDeps = join(repo, 'scripts/install-deps.sh');
const groups: PackageGroup[] = ['demo', 'test', 'build'];
const all = groups.flatMap((g) => packageGroup(g).map((p) => ({ ...p, group: g })));
const buildNames = new Set(packageGroup('build').map((p) => p.name));

function osRelease(): Record<string, string> {
  if (!existsSync('/etc/os-release')) return {};
  return Object.fromEntries([...readFileSync('/etc/os-release', 'utf8').matchAll(/^(\w+)="?([^"\n]*)"?$/gm)].map((m) => [m[1]!, m[2]!]));
}
const os = osRelease();
const isDebian12 = os.ID === 'debian' && os.VERSION_ID === '12';
const isUbuntu2404 = os.ID === 'ubuntu' && os.VERSION_ID === '24.04';

describe('src/provision/packages.json', () => {
  it('lists each package once, with why it is needed', () => {
    expect(new Set(all.map((p) => p.name)).size).toBe(all.length);
    for (const p of all) expect(p.why.length, p.name).toBeGreaterThan(10);
    expect(packageGroup('demo').map((p) => p.name)).toEqual(['qemu-system-x86', 'qemu-system-data', 'libxml2-utils']);
  });

  it('has in its build group every package build-deps.ts can name', async () => {
    // Statically: every package name the module passes to buildPackage() or dep().
    const code = readFileSync(join(repo, 'src/provision/qemu-build/build-deps.ts'), 'utf8');
    const named = [...code.matchAll(/buildPackage\('([^']+)'\)|dep\(\s*'[^']*',\s*'([^']+)'/g)].map((m) => m[1] ?? m[2]!);
    expect(named.length).toBeGreaterThanOrEqual(15);
    for (const name of named) expect(buildNames.has(name), `${name} (build-deps.ts) is not in the build group`).toBe(true);

    // And from what it reports: a source that needs everything, on a host with nothing.
    const src = mkdtempSync(join(tmpdir(), 'qfi-pkgs-'));
    writeFileSync(join(src, 'meson.build'), "project('qemu', ['c'], meson_version: '>=1.5.0',\n");
    writeFileSync(join(src, 'configure'), 'pythondeps.toml meson\npythondeps.toml tooling\n');
    writeFileSync(
      join(src, 'pythondeps.toml'),
      '[meson]\nmeson = { accepted = ">=1.5.0" }\npycotap = { accepted = ">=1.1.0" }\n[tooling]\nsetuptools = { accepted = ">=44.1.1" }\nwheel = { accepted = ">=0.34.2" }\npip = { accepted = ">=20.3.4" }\n',
    );
    mkdirSync(join(src, 'pc-bios', 'dtb'), { recursive: true });
    writeFileSync(join(src, 'pc-bios', 'dtb', 'meson.build'), "dtbs = ['bamboo.dtb']\n");
    const reported = new Set<string | undefined>();
    const path = process.env.PATH;
    process.env.PATH = join(src, 'empty');
    try {
      for (const m of await findMissingBuildDeps(src, { fdt: true, slirp: true, patches: true, python: join(src, 'no-python') })) reported.add(m.debianPackage);
    } finally {
      process.env.PATH = path;
    }
    const bare = { version: '3.10', distributions: {}, ensurepip: false, pip: false, setuptools: false, tomllib: false };
    for (const d of pythonDeps('/usr/bin/python3', bare, pythonRequirements(src), { hasDepsFile: true, hasWheels: false })) reported.add(d.pkg?.name);
    expect(reported.size).toBeGreaterThan(18);
    for (const name of reported) expect(name !== undefined && buildNames.has(name), `${name} is reported but not in the build group`).toBe(true);
  });
});

describe('scripts/install-deps.sh', () => {
  const list = (script: string, ...flags: string[]) =>
    execFileSync('bash', [script, '--list', ...flags], { encoding: 'utf8' })
      .trim()
      .split('\n');
  /** What the script should install here, from the file: the skip rules applied. */
  const expected = (wanted: PackageGroup[]) =>
    all
      .filter((p) => wanted.includes(p.group))
      .filter((p) => !(p.backports && os.ID !== 'debian'))
      .filter(
        (p) =>
          !p.skipIfCommand?.some(
            (c) => spawnSync('sh', ['-c', `command -v ${c.replace(/^~/, '"$HOME"')} || [ -x ${c.replace(/^~/, '"$HOME"')} ]`]).status === 0,
          ),
      )
      .filter(
        (p) =>
          !(
            p.skipIfPythonModule &&
            spawnSync(existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3', ['-c', `import ${p.skipIfPythonModule}`]).status === 0
          ),
      )
      .map((p) => p.name);

  it('installs the demo group with no flag, and adds --test and --build', () => {
    expect(list(installDeps)).toEqual(expected(['demo']));
    expect(list(installDeps, '--test')).toEqual(expected(['demo', 'test']));
    expect(list(installDeps, '--build')).toEqual(expected(['demo', 'build']));
    expect(list(installDeps, '--test', '--build')).toEqual(expected(['demo', 'test', 'build']));
  });

  it('has no package list of its own: given another packages.json, it lists that one', () => {
    const tree = mkdtempSync(join(tmpdir(), 'qfi-install-deps-'));
    mkdirSync(join(tree, 'scripts'));
    mkdirSync(join(tree, 'src', 'provision'), { recursive: true });
    copyFileSync(installDeps, join(tree, 'scripts', 'install-deps.sh'));
    const pkg = (name: string, extra: Partial<HostPackage> = {}) => ({ name, why: 'a test entry', ...extra });
    const other = {
      groups: {
        demo: { about: '', packages: [pkg('qfi-demo-only')] },
        test: { about: '', packages: [pkg('qfi-test-only'), pkg('qfi-skipped', { skipIfCommand: ['sh'] }), pkg('qfi-demo-only')] },
        build: { about: '', packages: [pkg('qfi-from-backports', { backports: true, minVersion: '1.0' })] },
      },
    };
    writeFileSync(join(tree, 'src', 'provision', 'packages.json'), JSON.stringify(other));
    const got = list(join(tree, 'scripts', 'install-deps.sh'), '--test', '--build');
    expect(got).toEqual(['qfi-demo-only', 'qfi-test-only', ...(os.ID === 'debian' ? ['qfi-from-backports'] : [])]);
    // No line of code names a package; python3 is the one name that is also the interpreter it runs.
    const code = readFileSync(installDeps, 'utf8')
      .split('\n')
      .filter((l) => !/^\s*#/.test(l))
      .join('\n');
    for (const p of all.filter((p) => p.name !== 'python3'))
      expect(new RegExp(`(^|[\\s"'(])${p.name.replace(/[.+]/g, '\\$&')}([\\s"')]|$)`).test(code), p.name).toBe(false);
  });

  it('refuses an unknown flag', () => {
    const r = spawnSync('bash', [installDeps, '--everything'], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('usage: install-deps.sh [--test] [--build] [--list]');
  });
});

/** apt-cache policy for many packages: name -> the versions its version table offers. */
function archiveVersions(names: string[]): Map<string, string[]> {
  const out = execFileSync('apt-cache', ['policy', ...names], { encoding: 'utf8' });
  const found = new Map<string, string[]>();
  for (const block of out.split(/^(?=\S)/m)) {
    const name = /^(\S+):/.exec(block)?.[1];
    const table = block.split('Version table:')[1] ?? '';
    if (name)
      found.set(
        name,
        [...table.matchAll(/^\s+(?:\*\*\* )?(\S+) -?\d+$/gm)].map((m) => m[1]!),
      );
  }
  return found;
}

const aptLists = spawnSync('apt-cache', ['policy', 'dpkg'], { encoding: 'utf8' }).stdout?.includes('Candidate: ') ?? false;
const backportsSuite = isDebian12 && aptLists && spawnSync('apt-cache', ['policy'], { encoding: 'utf8' }).stdout.includes('bookworm-backports');

describe("the archive of this host's release has every package under that name", () => {
  it.skipIf(!(isDebian12 || isUbuntu2404) || !aptLists)(
    `on Debian 12 (or Ubuntu 24.04): apt-cache knows each one (here: ${os.PRETTY_NAME ?? 'no os-release'}${aptLists ? '' : ', no apt lists: run apt-get update'})`,
    (ctx) => {
      const names = all.filter((p) => !(p.backports && !isDebian12)).map((p) => p.name);
      const found = archiveVersions(names);
      for (const p of all.filter((p) => names.includes(p.name) && !p.backports))
        expect(found.get(p.name)?.length ?? 0, `${p.name} (${p.group}) is not in the archive`).toBeGreaterThan(0);
      if (!backportsSuite) {
        ctx.skip('bookworm-backports is not in the apt sources: meson >= 1.5 and python3-pycotap not checked (install-deps --build adds it)');
        return;
      }
      for (const p of all.filter((p) => p.backports)) {
        const versions = found.get(p.name) ?? [];
        expect(
          versions.some((v) => !p.minVersion || satisfies(v, `>=${p.minVersion}`)),
          `${p.name}: ${versions.join(', ') || 'none'}, needs >= ${p.minVersion}`,
        ).toBe(true);
      }
    },
  );
});
