import { copyFileSync, createWriteStream, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { InfraError, QfiError } from '../../core/errors.js';
import type { Logger, RemoteCache } from '../../core/host.js';
import type { QemuBuildSpec } from '../../config/types.js';
import { LineStream } from '../../core/line-stream.js';
import { ensureBuildDeps, systemPython } from './build-deps.js';
import { qemuCacheKey, type QemuCacheKey } from './cache-key.js';
import { NinjaProgress } from './ninja-progress.js';
import { addFirmwareStandIns, applyPatches, downloadRelease, resolveQemuSource, sourceHashOf, unpackSource, type QemuSourceOrigin } from './qemu-source.js';
import { QEMU_BUILD_LOG } from '../../core/results-layout.js';
import { diesWithParent } from '../../core/child-lifetime.js';
import { makeOwnedDir, sweepOwnedDirs } from '../../core/owned-dirs.js';

export type { QemuBuildSpec };

export interface BuiltQemu {
  prefix: string;
  key: string;
  /** Where it came from this time. */
  origin: 'local-cache' | 'remote-cache' | 'built';
}

/** Bumped when the recipe below changes in a way that changes the install. */
const RECIPE_VERSION = 1;
/** Written last into a finished entry: its presence is what makes an entry valid. */
export const BUILD_MARKER = 'qfi-build.json';

const needsFdt = (targets: string[]) => targets.some((t) => /^(aarch64|arm|riscv32|riscv64|ppc|ppc64|loongarch64)-softmmu$/.test(t));

/**
 * What a fault run needs and nothing else: the asked targets, TCG with plugins, user
 * networking, fdt for boards that boot from a device tree; no docs, no GUI, no downloads,
 * no firmware blobs (the distribution's are used at run time).
 */
export function minimalConfigureFlags(targets: string[]): string[] {
  return [
    `--target-list=${targets.join(',')}`,
    '--without-default-features',
    '--enable-tcg',
    '--enable-plugins',
    '--enable-kvm',
    '--enable-slirp',
    ...(needsFdt(targets) ? ['--enable-fdt=system'] : []),
    '--disable-docs',
    '--disable-download',
    '--disable-install-blobs',
  ];
}

export function buildKey(spec: QemuBuildSpec, sourceHash: string): QemuCacheKey {
  return qemuCacheKey({
    version: spec.version,
    targets: spec.targets,
    configureFlags: [...minimalConfigureFlags(spec.targets), ...spec.configureFlags],
    patches: spec.patches,
    sourceHash,
    recipeVersion: RECIPE_VERSION,
  });
}

export function isCompleteEntry(entry: string): boolean {
  return existsSync(join(entry, BUILD_MARKER)) && existsSync(join(entry, 'prefix', 'bin'));
}

/**
 * A QEMU built from source with plugin support, from the cache when an entry with the exact
 * key exists (never a near match), else built, saved locally and (on GitHub) remotely.
 */
export async function ensureBuiltQemu(
  spec: QemuBuildSpec,
  opts: { cacheDir: string; log: Logger; remoteCache?: RemoteCache | undefined; resultsDir: string; signal?: AbortSignal | undefined },
): Promise<BuiltQemu> {
  const { log } = opts;
  const origin = await resolveQemuSource(spec);
  const key = buildKey(spec, sourceHashOf(origin));
  await log.group(`QEMU cache key ${key.key}`, async () => {
    for (const [part, value] of Object.entries(key.parts)) log.info(`${part}: ${value}`);
    log.info(`source: ${origin.kind === 'download' ? origin.url : origin.path}`);
  });
  const entry = join(opts.cacheDir, 'qemu', key.key);
  if (isCompleteEntry(entry)) {
    log.info(`QEMU ${spec.version}: cache hit (${entry})`);
    return { prefix: join(entry, 'prefix'), key: key.key, origin: 'local-cache' };
  }
  rmSync(entry, { recursive: true, force: true }); // a partial entry (interrupted save) is rebuilt

  if (opts.remoteCache) {
    const restored = await opts.remoteCache.restore(key.key, entry).catch((err: Error) => {
      log.warn(`restoring QEMU from the remote cache failed: ${err.message}`);
      return false;
    });
    if (restored && isCompleteEntry(entry)) {
      log.info(`QEMU ${spec.version}: restored from the remote cache`);
      return { prefix: join(entry, 'prefix'), key: key.key, origin: 'remote-cache' };
    }
    if (restored) log.warn('the remote cache entry is incomplete (no build marker); rebuilding');
    rmSync(entry, { recursive: true, force: true });
  }

  await log.group(`Build QEMU ${spec.version} (${spec.targets.join(', ')})`, () => buildInto(entry, key, spec, origin, opts));
  if (opts.remoteCache) {
    await opts.remoteCache.save(key.key, entry).catch((err: Error) => log.warn(`saving QEMU to the remote cache failed: ${err.message}`));
  }
  return { prefix: join(entry, 'prefix'), key: key.key, origin: 'built' };
}

/** configure takes the last --python it is given: qfi's (the system Python), or one in qemu-configure-flags. */
export function configurePython(configureFlags: string[]): string {
  const given = configureFlags.filter((f) => f.startsWith('--python=')).at(-1);
  return given ? given.slice('--python='.length) : systemPython();
}

export interface ConfiguredSource {
  src: string;
  build: string;
  flags: string[];
  configureMs: number;
}

/**
 * Every step before ninja, in `work`: unpack (or copy) the source, firmware stand-ins,
 * patches, the build dependency check (which refuses before configure), configure.
 */
export async function prepareAndConfigure(
  origin: QemuSourceOrigin,
  spec: QemuBuildSpec,
  work: string,
  opts: { cacheDir: string; log: Logger; buildLog: NodeJS.WritableStream; signal?: AbortSignal | undefined },
): Promise<ConfiguredSource> {
  const { log, signal } = opts;
  const src = join(work, 'src');
  const build = join(work, 'build');
  const archive = origin.kind === 'download' ? await downloadRelease(origin, join(opts.cacheDir, 'downloads'), log, signal) : undefined;
  log.info('unpacking the QEMU source');
  await unpackSource(origin, archive, src, signal);
  const standIns = addFirmwareStandIns(src);
  if (standIns.length)
    log.info(`the source has no firmware blobs (a +ds tarball): ${standIns.length} empty stand-ins added; firmware comes from the distribution at run time`);
  await applyPatches(src, spec.patches, log, signal);
  const python = configurePython(spec.configureFlags);
  await ensureBuildDeps(src, { fdt: needsFdt(spec.targets), slirp: true, patches: spec.patches.length > 0, install: spec.installDeps, python }, log);

  mkdirSync(build, { recursive: true });
  const flags = [...minimalConfigureFlags(spec.targets), ...spec.configureFlags];
  log.info(`running configure ${flags.join(' ')}`);
  const t0 = Date.now();
  await runLogged(join(src, 'configure'), [`--prefix=${join(work, 'entry', 'prefix')}`, `--python=${systemPython()}`, ...flags], build, opts.buildLog, signal);
  return { src, build, flags, configureMs: Date.now() - t0 };
}

/** A build's work tree in the cache: `.work-<pid>.<start>-XXXXXX`. */
const WORK_PREFIX = '.work-';

async function buildInto(
  entry: string,
  key: QemuCacheKey,
  spec: QemuBuildSpec,
  origin: QemuSourceOrigin,
  opts: { cacheDir: string; log: Logger; resultsDir: string; signal?: AbortSignal | undefined },
): Promise<void> {
  const { log, signal } = opts;
  const parent = join(opts.cacheDir, 'qemu');
  mkdirSync(parent, { recursive: true });
  // Build trees of builds that were killed (gigabytes each) go first.
  for (const stale of sweepOwnedDirs(parent, WORK_PREFIX)) log.info(`removed ${stale}, left by a QEMU build that was killed`);
  const work = makeOwnedDir(parent, WORK_PREFIX);
  const stage = join(work, 'entry');
  const logFile = join(work, 'build.log');
  const buildLog = createWriteStream(logFile);
  const started = Date.now();
  try {
    const { build, flags, configureMs } = await prepareAndConfigure(origin, spec, work, { cacheDir: opts.cacheDir, log, buildLog, signal });

    log.info(`running ninja with ${availableParallelism()} jobs`);
    const t1 = Date.now();
    const progress = new NinjaProgress((line) => log.info(line));
    await runLogged('ninja', ['-j', String(availableParallelism())], build, buildLog, signal, (line) => progress.line(line));
    await runLogged('ninja', ['install'], build, buildLog, signal);
    const ninjaMs = Date.now() - t1;

    await new Promise<void>((resolve) => buildLog.end(resolve));
    copyFileSync(logFile, join(stage, 'build.log'));
    const marker = {
      key: key.key,
      parts: key.parts,
      version: spec.version,
      flags,
      patches: spec.patches,
      builtAt: new Date().toISOString(),
      configureMs,
      ninjaMs,
      totalMs: Date.now() - started,
    };
    writeFileSync(join(stage, BUILD_MARKER), `${JSON.stringify(marker, null, 2)}\n`);
    try {
      renameSync(stage, entry);
    } catch (err) {
      // Another run finished the same key first: its entry is as good as ours.
      if (!isCompleteEntry(entry)) throw err;
    }
    log.info(
      `QEMU ${spec.version} built in ${((Date.now() - started) / 1000).toFixed(0)} s (configure ${(configureMs / 1000).toFixed(0)} s, ninja ${(ninjaMs / 1000).toFixed(0)} s) and cached in ${entry}`,
    );
  } catch (err) {
    buildLog.end();
    if (err instanceof QfiError) throw err;
    mkdirSync(opts.resultsDir, { recursive: true });
    const kept = join(opts.resultsDir, QEMU_BUILD_LOG);
    let tail = '';
    if (existsSync(logFile)) {
      copyFileSync(logFile, kept);
      tail = readFileSync(logFile, 'utf8').trimEnd().split('\n').slice(-20).join('\n');
    }
    throw new InfraError(
      `building QEMU ${spec.version} failed: ${(err as Error).message.split('\n')[0]}${tail ? `\nlast lines of the build log:\n${tail}` : ''}`,
      {
        hint: `the full log is in ${kept}`,
        cause: err,
      },
    );
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Runs a build step with its output appended to the build log (and each line to `onLine`). */
async function runLogged(
  cmd: string,
  args: string[],
  cwd: string,
  out: NodeJS.WritableStream,
  signal: AbortSignal | undefined,
  onLine?: (line: string) => void,
): Promise<void> {
  out.write(`\n$ ${cmd} ${args.join(' ')}\n`);
  const child = execa(...diesWithParent(cmd, args), {
    cwd,
    stdin: 'ignore',
    all: true,
    buffer: false,
    reject: false,
    ...(signal ? { cancelSignal: signal } : {}),
  });
  const lines = onLine ? new LineStream(onLine) : undefined;
  child.all?.on('data', (chunk: Buffer) => {
    out.write(chunk);
    lines?.push(chunk);
  });
  const result = await child;
  lines?.end();
  if (result.exitCode !== 0) throw new Error(`${cmd} ${args[0] ?? ''} exited with ${result.exitCode ?? result.signal}`);
}
