import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Host } from '../core/host.js';
import { ConfigError, InfraError } from '../core/errors.js';
import type { Plan } from '../plan/types.js';
import type { Provisioned } from './types.js';
import { archData } from '../plan/arch.js';
import { provisionDisks } from './disks.js';
import { ensureBuiltinGuest, type BuiltinGuestOptions, type GuestIdentity } from './guest/index.js';
import { initrdWithFiles, resolveGuestFiles } from './guest/guest-files.js';
import { detectKernelFormat, type KernelFormat } from './kernel-format.js';
import { probeKvmCached, type KvmProbeTarget } from './kvm-probe.js';
import { packageRoot } from '../core/package-root.js';
import { buildPlugin, qfiPluginSources } from './qemu-build/build-plugin.js';
import { ensureBuiltQemu } from './qemu-build/build-qemu.js';
import { pluginApiVersion } from '../plan/qemu-releases.js';
import { findFirmware, locateQemu, readQemuVersion, type QemuInstall } from './qemu-system.js';
import { locateSettingError, sourceOf } from '../config/settings.js';
import { checkMemoryFitsHost } from './host-memory.js';

/** The plan's `accel` (the user's choice) made concrete: `auto` probes KVM, `kvm` must work. */
async function chooseAccel(plan: Plan, target: KvmProbeTarget, workDir: string, host: Host, signal?: AbortSignal): Promise<'kvm' | 'tcg'> {
  if (plan.accel.want === 'tcg') {
    host.log.debug(`accelerator: TCG (${plan.accel.reason})`);
    return 'tcg';
  }
  const arch = plan.arch;
  if (archData[arch].nativeNodeArch !== process.arch) {
    if (plan.accel.want === 'kvm') {
      throw new InfraError(`accel = kvm was asked for, but KVM runs only guests of the host's own architecture (${process.arch}), and the guest is ${arch}`, {
        hint: 'use accel = auto or tcg',
      });
    }
    return 'tcg';
  }
  // The probe's code is x86 (firmware + isa-debug-exit): an arm64 host's KVM is not probed yet.
  if (arch !== 'x86_64') {
    if (plan.accel.want === 'kvm')
      throw new InfraError(`accel = kvm on ${arch} is not supported yet: qfi probes KVM with x86 code`, { hint: 'use accel = auto or tcg' });
    return 'tcg';
  }
  const result = await probeKvmCached(target, host.cacheDir, workDir, signal);
  if (result.usable) return 'kvm';
  if (plan.accel.want === 'kvm') {
    throw new InfraError(`accel = kvm was asked for, but KVM cannot run guests here: ${result.reason}`, {
      hint: 'use accel = auto (falls back to TCG) or accel = tcg',
    });
  }
  host.log.info(`KVM not usable (${result.reason}); using TCG`);
  return 'tcg';
}

interface GuestFiles {
  kernel: string | undefined;
  initrd: string | undefined;
  kernelDescription: string;
  /** Set when the built-in guest's kernel or initramfs is booted. */
  identity?: GuestIdentity;
  /** What the kernel file is, for the firmware choice (qboot boots Linux only). */
  kernelFormat: KernelFormat | undefined;
}

function builtinGuestOptions(plan: Plan, host: Host, signal?: AbortSignal): BuiltinGuestOptions {
  return { cacheDir: host.cacheDir, log: host.log, arch: plan.arch, ...plan.builtinPackages, remoteCache: host.remoteCache, ...(signal ? { signal } : {}) };
}

/**
 * A boot disk as given (the firmware boots it); a custom kernel+initrd pair as given; otherwise
 * the built-in initramfs (plus the user's `files`), with the built-in or a custom kernel.
 */
async function provisionGuest(plan: Plan, host: Host, workDir: string, signal?: AbortSignal): Promise<GuestFiles> {
  const source = plan.guest;
  if (source.kind === 'disk') {
    return {
      kernel: undefined,
      initrd: undefined,
      kernelDescription: `disk image ${source.path ?? source.id} (booted by the firmware)`,
      kernelFormat: undefined,
    };
  }
  if (source.kind === 'custom') {
    const { kernel, initrd } = source;
    return {
      kernel,
      initrd,
      kernelDescription: initrd ? `custom kernel ${kernel} with initrd ${initrd}` : `custom kernel ${kernel}`,
      kernelFormat: await detectKernelFormat(kernel),
    };
  }
  const builtin = await host.log.group('Built-in guest', () => ensureBuiltinGuest(builtinGuestOptions(plan, host, signal)));
  let initrd = builtin.initrd;
  if (plan.files.length > 0) {
    const placed = resolveGuestFiles(plan.files, plan.arch);
    initrd = join(workDir, 'initrd-with-files.cpio.gz');
    await initrdWithFiles(builtin.initrd, placed, initrd);
    const libraries = placed.filter((f) => f.neededBy !== undefined).length;
    host.log.info(
      `files: ${plan.files.length} file(s) into the guest${libraries ? `, with ${libraries} shared librar${libraries === 1 ? 'y' : 'ies'} they need` : ''}`,
    );
  }
  if (source.kernel) {
    const kernel = source.kernel;
    return {
      kernel,
      initrd,
      kernelDescription: `custom kernel ${kernel} with the built-in initramfs`,
      kernelFormat: await detectKernelFormat(kernel),
      identity: builtin.identity,
    };
  }
  return { kernel: builtin.kernel, initrd, kernelDescription: builtin.description, kernelFormat: 'linux', identity: builtin.identity };
}

/**
 * The probe's second stage boots a Linux kernel to its root-mount panic (KVM may run firmware
 * and still hang Linux). Yours when it is Linux; else (a disk, a multiboot kernel) the built-in
 * one, so a broken KVM is never chosen for them either.
 */
async function kvmProbeKernel(plan: Plan, guest: GuestFiles, host: Host, signal?: AbortSignal): Promise<string | undefined> {
  if (plan.accel.want === 'tcg' || archData[plan.arch].nativeNodeArch !== process.arch) return undefined;
  if (guest.kernelFormat === 'linux') return guest.kernel;
  const builtin = await host.log.group('Built-in guest kernel (for the KVM probe)', () => ensureBuiltinGuest(builtinGuestOptions(plan, host, signal)));
  return builtin.kernel;
}

export interface QemuFiles {
  binary: string;
  install: QemuInstall;
  origin: string;
  /** The install prefix when we built it: plugin sources compile against its headers. */
  built: { prefix: string; key: string } | undefined;
}

export async function provisionQemu(plan: Pick<Plan, 'qemu' | 'arch' | 'resultsDir' | 'locations'>, host: Host, signal?: AbortSignal): Promise<QemuFiles> {
  try {
    return await fetchQemu(plan, host, signal);
  } catch (err) {
    throw locateSettingError(err, plan);
  }
}

async function fetchQemu(plan: Pick<Plan, 'qemu' | 'arch' | 'resultsDir'>, host: Host, signal?: AbortSignal): Promise<QemuFiles> {
  const choice = plan.qemu;
  if (choice.kind === 'system' || choice.kind === 'path') {
    const install = locateQemu(choice.kind === 'system' ? 'system' : choice.path, plan.arch);
    return { binary: install.binary, install, origin: choice.kind, built: undefined };
  }
  host.log.info(`building QEMU because ${choice.reason}`);
  const built = await ensureBuiltQemu(choice, { cacheDir: host.cacheDir, log: host.log, remoteCache: host.remoteCache, resultsDir: plan.resultsDir, signal });
  const install = locateQemu(built.prefix, plan.arch);
  return { binary: install.binary, install, origin: built.origin, built: { prefix: built.prefix, key: built.key } };
}

/** Our builds carry no firmware blobs (--disable-install-blobs): the distribution's serve (-L). */
export function firmwareDirsFor(qemu: QemuFiles): string[] {
  return qemu.built ? qemu.install.dataDirs.filter((d) => !d.startsWith(qemu.built!.prefix)) : [];
}

type LoadedPlugin = Provisioned['plugins'][number];

/** The user's plugin as given (.so) or compiled (.c), and qfi's own when the run has plugin rules. */
async function provisionPlugins(plan: Plan, qemu: QemuFiles, version: string, host: Host, signal?: AbortSignal): Promise<LoadedPlugin[]> {
  const plugins: LoadedPlugin[] = [];
  const headersPrefix = () => {
    // A QEMU prefix we did not build may still carry the header (an install of a source build).
    const prefix = qemu.built?.prefix ?? dirname(dirname(qemu.binary));
    return existsSync(join(prefix, 'include', 'qemu-plugin.h')) ? prefix : undefined;
  };
  if (plan.plugin) {
    const { path, args } = plan.plugin;
    if (path.endsWith('.so')) plugins.push({ so: path, args, role: 'user' });
    else {
      const prefix = headersPrefix();
      if (!prefix) {
        throw new ConfigError(`plugin ${path} is C source, but ${dirname(dirname(qemu.binary))} has no include/qemu-plugin.h to compile it against`, {
          location: sourceOf(plan, 'plugin'),
          hint: 'use qemu: build (or auto), point qemu at a QEMU install with its headers, or give the plugin as a built .so',
        });
      }
      const so = await buildPlugin([path], { prefix, key: qemu.built?.key ?? qemu.binary }, { cacheDir: host.cacheDir, log: host.log, signal });
      plugins.push({ so, args, role: 'user' });
    }
  }
  if (plan.pluginRules.length > 0 || plan.loadQfiPlugin) {
    checkPluginApi(plan, version, qemu.binary);
    const prefix = headersPrefix();
    if (!prefix) {
      throw new ConfigError(`plugin rules need qfi's plugin, compiled against qemu-plugin.h, which ${dirname(dirname(qemu.binary))} does not have`, {
        location: sourceOf(plan, 'qemu'),
        hint: 'use qemu: auto or build, or point qemu at a QEMU install prefix that has include/qemu-plugin.h',
      });
    }
    const dir = join(packageRoot(), 'plugin');
    const so = await buildPlugin(
      qfiPluginSources(dir),
      { prefix, key: qemu.built?.key ?? qemu.binary },
      { cacheDir: host.cacheDir, log: host.log, signal, includeDirs: [dir], input: 'faults' },
    );
    plugins.push({ so, args: [], role: 'qfi' });
  }
  return plugins;
}

/** qfi's plugin writes guest state (plugin API 5, QEMU 10.1+); insn.skip moves the PC (API 6, QEMU 11.0+). */
function checkPluginApi(plan: Plan, version: string, binary: string): void {
  const api = pluginApiVersion(version) ?? 0;
  const needsSkip = plan.pluginRules.some((r) => r.action === 'skip');
  const need = needsSkip ? 6 : 5;
  if (api >= need) return;
  throw new ConfigError(
    needsSkip
      ? `insn.skip needs QEMU 11.0 or newer (plugin API 6, qemu_plugin_set_pc); ${binary} is QEMU ${version} (plugin API ${api || 'none'})`
      : `plugin rules need QEMU 10.1 or newer (plugin API 5: guest memory and register writes); ${binary} is QEMU ${version} (plugin API ${api || 'none'})`,
    {
      location: sourceOf(plan, needsSkip ? 'qemu-version' : 'qemu'),
      hint: needsSkip
        ? 'set qemu-version: 11.1.2 with qemu: build, or drop the insn.skip rules'
        : 'use qemu: auto or build (qfi builds QEMU 10.2), or point qemu at QEMU 10.1+',
    },
  );
}

/**
 * Gets everything the run needs onto this machine: QEMU (system, given, or built and
 * cached), the plugin, firmware, the guest kernel and initramfs, and the accelerator that
 * really works here.
 */
export async function provision(plan: Plan, host: Host, workDir: string, signal?: AbortSignal): Promise<Provisioned> {
  try {
    return await provisionAll(plan, host, workDir, signal);
  } catch (err) {
    throw locateSettingError(err, plan);
  }
}

async function provisionAll(plan: Plan, host: Host, workDir: string, signal?: AbortSignal): Promise<Provisioned> {
  checkMemoryFitsHost(plan.memory);
  // A QEMU build takes minutes; fetch the guest meanwhile.
  const [qemu, guest] = await Promise.all([provisionQemu(plan, host, signal), provisionGuest(plan, host, workDir, signal)]);

  // qboot boots Linux fast (PVH or bzImage); anything else (a multiboot kernel, a disk) gets QEMU's default firmware.
  const fastBios = guest.kernelFormat === 'linux' ? archData[plan.arch].fastBios : undefined;
  const bios = plan.bios ?? (fastBios ? findFirmware(qemu.install, fastBios) : undefined);
  if (fastBios && !bios)
    host.log.warn(
      `${fastBios} not found next to QEMU (${qemu.install.dataDirs.join(', ') || 'no data folder'}); booting with the default firmware, which is slower`,
    );
  const firmwareDirs = firmwareDirsFor(qemu);

  const version = await readQemuVersion(qemu.binary);
  const plugins = await provisionPlugins(plan, qemu, version, host, signal);
  const accel = await chooseAccel(
    plan,
    { qemuBinary: qemu.binary, kernel: await kvmProbeKernel(plan, guest, host, signal), bios, firmwareDirs },
    workDir,
    host,
    signal,
  );
  const api = pluginApiVersion(version);
  host.log.info(`QEMU ${version} (${qemu.origin}${api ? `, plugin API ${api}` : ''}): ${qemu.binary}`);

  const disks = await provisionDisks(plan.host.disks, qemu.binary, workDir, signal);

  const { kernel, initrd, kernelDescription } = guest;
  return {
    qemuBinary: qemu.binary,
    qemuVersion: version,
    qemuOrigin: qemu.origin,
    plugins,
    firmwareDirs,
    bios,
    kernel,
    initrd,
    kernelDescription,
    guest: guest.identity,
    accel,
    disks,
  };
}
