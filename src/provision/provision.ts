import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Host } from '../core/host.js';
import { ConfigError, InfraError } from '../core/errors.js';
import type { Plan, Provisioned, ResolvedConfig } from '../core/types.js';
import { archData } from '../plan/arch.js';
import { provisionDisks } from './disks.js';
import { ensureBuiltinGuest } from './guest/index.js';
import { probeKvmCached, type KvmProbeTarget } from './kvm-probe.js';
import { packageRoot } from '../core/package-root.js';
import { buildPlugin, qfiPluginSources } from './qemu-build/build-plugin.js';
import { ensureBuiltQemu } from './qemu-build/build-qemu.js';
import { pluginApiVersion } from './qemu-build/releases.js';
import { findFirmware, locateQemu, readQemuVersion, type QemuInstall } from './qemu-system.js';

async function chooseAccel(config: ResolvedConfig, target: KvmProbeTarget, workDir: string, host: Host, signal?: AbortSignal): Promise<'kvm' | 'tcg'> {
  if (config.qemu.accel === 'tcg') return 'tcg';
  const result = await probeKvmCached(target, host.cacheDir, workDir, signal);
  if (result.usable) return 'kvm';
  if (config.qemu.accel === 'kvm') {
    throw new InfraError(`accel = kvm was asked for, but KVM cannot run guests here: ${result.reason}`, {
      hint: 'use accel = auto (falls back to TCG) or accel = tcg',
    });
  }
  host.log.info(`KVM not usable (${result.reason}); using TCG`);
  return 'tcg';
}

interface GuestFiles {
  kernel: string;
  initrd: string | undefined;
  kernelDescription: string;
}

/** A custom kernel+initrd pair as given; otherwise the built-in initramfs, with the built-in or a custom kernel. */
async function provisionGuest(config: ResolvedConfig, host: Host, signal?: AbortSignal): Promise<GuestFiles> {
  if (config.guest.kernel && config.guest.initrd) {
    const kernel = resolve(config.guest.kernel);
    return { kernel, initrd: resolve(config.guest.initrd), kernelDescription: `custom kernel ${kernel}` };
  }
  const builtin = await host.log.group('Built-in guest', () => ensureBuiltinGuest({ cacheDir: host.cacheDir, log: host.log, ...(signal ? { signal } : {}) }));
  if (config.guest.kernel) {
    const kernel = resolve(config.guest.kernel);
    return { kernel, initrd: builtin.initrd, kernelDescription: `custom kernel ${kernel} with the built-in initramfs` };
  }
  return { kernel: builtin.kernel, initrd: builtin.initrd, kernelDescription: builtin.description };
}

interface QemuFiles {
  binary: string;
  install: QemuInstall;
  origin: string;
  /** The install prefix when we built it: plugin sources compile against its headers. */
  built: { prefix: string; key: string } | undefined;
}

async function provisionQemu(config: ResolvedConfig, plan: Plan, host: Host, signal?: AbortSignal): Promise<QemuFiles> {
  const choice = plan.qemu;
  if (choice.kind === 'system' || choice.kind === 'path') {
    const install = locateQemu(choice.kind === 'system' ? 'system' : choice.path, plan.arch);
    return { binary: install.binary, install, origin: choice.kind, built: undefined };
  }
  host.log.info(`building QEMU because ${choice.reason}`);
  const built = await ensureBuiltQemu(choice, { cacheDir: host.cacheDir, log: host.log, remoteCache: host.remoteCache, resultsDir: config.report.dir, signal });
  const install = locateQemu(built.prefix, plan.arch);
  return { binary: install.binary, install, origin: built.origin, built: { prefix: built.prefix, key: built.key } };
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
          location: { input: 'plugin' },
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
        location: { input: 'qemu' },
        hint: 'use qemu: auto or build, or point qemu at a QEMU install prefix that has include/qemu-plugin.h',
      });
    }
    const dir = join(packageRoot(), 'plugin');
    const so = await buildPlugin(qfiPluginSources(dir), { prefix, key: qemu.built?.key ?? qemu.binary }, { cacheDir: host.cacheDir, log: host.log, signal, includeDirs: [dir], input: 'faults' });
    plugins.push({ so, args: [], role: 'qfi' });
  }
  return plugins;
}

/** qfi's plugin writes guest state (plugin API 5, QEMU 10.1+); insn.skip moves the PC (API 6, QEMU 11.0+). */
function checkPluginApi(plan: Plan, version: string, binary: string): void {
  const api = pluginApiVersion(version) ?? 0;
  const needsSkip = plan.pluginRules.some((r) => r.line.includes(' action=skip '));
  const need = needsSkip ? 6 : 5;
  if (api >= need) return;
  throw new ConfigError(
    needsSkip
      ? `insn.skip needs QEMU 11.0 or newer (plugin API 6, qemu_plugin_set_pc); ${binary} is QEMU ${version} (plugin API ${api || 'none'})`
      : `plugin rules need QEMU 10.1 or newer (plugin API 5: guest memory and register writes); ${binary} is QEMU ${version} (plugin API ${api || 'none'})`,
    {
      location: { input: needsSkip ? 'qemu-version' : 'qemu' },
      hint: needsSkip ? 'set qemu-version: 11.1.2 with qemu: build, or drop the insn.skip rules' : 'use qemu: auto or build (qfi builds QEMU 10.2), or point qemu at QEMU 10.1+',
    },
  );
}

/**
 * Gets everything the run needs onto this machine: QEMU (system, given, or built and
 * cached), the plugin, firmware, the guest kernel and initramfs, and the accelerator that
 * really works here.
 */
export async function provision(config: ResolvedConfig, plan: Plan, host: Host, workDir: string, signal?: AbortSignal): Promise<Provisioned> {
  // A QEMU build takes minutes; fetch the guest meanwhile.
  const [qemu, guest] = await Promise.all([provisionQemu(config, plan, host, signal), provisionGuest(config, host, signal)]);

  const fastBios = archData[plan.arch].fastBios;
  const bios = fastBios ? findFirmware(qemu.install, fastBios) : undefined;
  if (fastBios && !bios) host.log.warn(`${fastBios} not found next to QEMU (${qemu.install.dataDirs.join(', ') || 'no data folder'}); booting with the default firmware, which is slower`);
  // Our builds carry no firmware blobs (--disable-install-blobs): the distribution's serve.
  const firmwareDirs = qemu.built ? qemu.install.dataDirs.filter((d) => !d.startsWith(qemu.built!.prefix)) : [];

  const version = await readQemuVersion(qemu.binary);
  const plugins = await provisionPlugins(plan, qemu, version, host, signal);
  // Plugins instrument TCG-translated code, and -icount is TCG's: then KVM is never an option.
  const accel = plugins.length > 0 || plan.icount ? 'tcg' : await chooseAccel(config, { qemuBinary: qemu.binary, kernel: guest.kernel, bios, firmwareDirs }, workDir, host, signal);
  const api = pluginApiVersion(version);
  host.log.info(`QEMU ${version} (${qemu.origin}${api ? `, plugin API ${api}` : ''}): ${qemu.binary}`);

  const disks = await provisionDisks(plan.host.disks, qemu.binary, workDir, signal);

  const { kernel, initrd, kernelDescription } = guest;
  return { qemuBinary: qemu.binary, qemuVersion: version, qemuOrigin: qemu.origin, plugins, firmwareDirs, bios, kernel, initrd, kernelDescription, accel, disks };
}
