/**
 * What a run needs on disk before QEMU starts: the fw_cfg files, qfi's plugin rule file, the
 * paths of every socket and log, and QEMU's argv built from them.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plan } from '../plan/types.js';
import type { Provisioned } from '../provision/types.js';
import type { RunFiles } from './types.js';
import { RESULTS_FILES } from '../core/results-layout.js';
import { buildQemuArgv, type RunPaths } from './qemu-argv.js';

export interface RunSetup {
  files: RunFiles;
  paths: RunPaths;
  argv: string[];
}

export function prepareRun(
  plan: Plan,
  provisioned: Provisioned,
  dirs: { resultsDir: string; privateDir: string },
  snapshotState: string | undefined,
): RunSetup {
  const { resultsDir, privateDir } = dirs;
  const files: RunFiles = {
    dir: resultsDir,
    console: join(resultsDir, RESULTS_FILES.console),
    qemuStderr: join(resultsDir, RESULTS_FILES.qemuStderr),
    qmpLog: join(resultsDir, RESULTS_FILES.qmpLog),
  };
  const fwCfgFiles = new Map<string, string>();
  plan.fwCfg.forEach((entry, i) => {
    const path = join(privateDir, `fw_cfg-${i}`);
    writeFileSync(path, entry.content, { mode: 0o600 });
    fwCfgFiles.set(entry.name, path);
  });
  const qfiPlugin = provisioned.plugins.some((p) => p.role === 'qfi')
    ? { rules: join(privateDir, 'plugin-rules.txt'), log: join(resultsDir, RESULTS_FILES.injections), socket: join(privateDir, 'plugin.sock') }
    : undefined;
  // Rules waiting for an address from the guest are added over the socket later.
  if (qfiPlugin)
    writeFileSync(
      qfiPlugin.rules,
      plan.pluginRules
        .filter((r) => !r.waitsFor)
        .map((r) => `${r.line}\n`)
        .join(''),
      { mode: 0o600 },
    );
  const hasBlockRules = plan.host.hostRules.some((r) => r.layer === 'block') || plan.host.countRequests;
  const paths: RunPaths = {
    qmpSocket: join(privateDir, 'qmp.sock'),
    fwCfgFiles,
    ...(plan.agent === 'qemu-guest-agent' ? { guestAgentSocket: join(privateDir, 'qga.sock') } : {}),
    // qfi's agent copies the results file to a virtio-serial port; QEMU writes it here.
    ...(plan.agent === 'qfi' && plan.resultsFile !== undefined ? { guestResults: join(resultsDir, RESULTS_FILES.guestResults) } : {}),
    ...(qfiPlugin ? { qfiPlugin } : {}),
    ...(hasBlockRules ? { blockTrace: join(resultsDir, RESULTS_FILES.blockTrace) } : {}),
    ...(snapshotState ? { snapshotState } : {}),
  };
  return { files, paths, argv: buildQemuArgv(plan, provisioned, paths) };
}
