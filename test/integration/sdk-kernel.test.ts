/**
 * Boots qfi's SDK example kernel (test/fixtures/guests/sdk-kernel: a freestanding kernel on the
 * C guest SDK, no Linux) with raw QEMU command lines, per architecture: the rules reach it over
 * fw_cfg (I/O ports on x86, the DMA interface on aarch64 and riscv64), it handles the injected
 * failures, prints the QFI-POINT counts qfi's console parser reads, and ends QEMU with its verdict.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConsoleParser } from '../../src/run/console-parser.js';
import {
  SDK_KERNEL_ARCHES,
  SDK_KERNEL_STATUS,
  buildSdkKernels,
  haveQemu,
  qemuTakesFwCfgFiles,
  runSdkKernel,
  sdkKernelArgv,
  type SdkKernelRun,
  type SdkKernels,
} from '../helpers/sdk-kernel.js';

const kernels: SdkKernels = buildSdkKernels();
afterAll(() => rmSync(kernels.dir, { recursive: true, force: true }));

/** Writes a file for fw_cfg into the kernels' folder. */
let files = 0;
function fwCfgFile(content: string): string {
  const path = join(kernels.dir, `fw-cfg-${files++}.txt`);
  writeFileSync(path, content);
  return path;
}

/** The QFI-POINT counts at the end of the console, as qfi's own console parser reads them. */
function pointCounts(console: string): Record<string, string> {
  const parser = new ConsoleParser('unused-token');
  const counts: Record<string, string> = {};
  console.split('\n').forEach((line, i) => {
    const e = parser.parseLine(line, i + 1, 0);
    if (e?.kind === 'point' && e.name !== undefined && e.calls !== undefined) counts[e.name] = `${e.calls}/${e.fails}`;
  });
  return counts;
}

function registered(console: string): string[] {
  return console.split('\n').filter((l) => /^QFI-POINT:[a-z.]+$/.test(l));
}

/** What the kernel's workload does (kernel.c): 8 blocks, each prefetch (7), alloc.page, disk.read; 4 attempts each. */
const CLEAN = { 'alloc.page': '8/0', 'disk.read': '8/0', 'cache.prefetch': '7/0' };

for (const arch of SDK_KERNEL_ARCHES) {
  const kernel = kernels.built[arch];
  const runs = kernel !== undefined && haveQemu(arch);
  describe.skipIf(!runs)(`SDK example kernel on ${arch} (raw QEMU, no Linux)`, () => {
    const status = SDK_KERNEL_STATUS[arch];
    let takesFiles = false;
    beforeAll(() => {
      takesFiles = qemuTakesFwCfgFiles(arch);
    });
    const boot = async (run: SdkKernelRun) => runSdkKernel(sdkKernelArgv(arch, kernel!, run));
    const withRules = (rules: string, seed = 7): SdkKernelRun => ({ rulesFile: fwCfgFile(rules), seedFile: fwCfgFile(String(seed)) });

    it('without a rules file: every block loads, the points are registered and counted, QEMU exits with the pass status', async () => {
      const r = await boot({});
      expect(r.console).toContain('qfi: no fw_cfg file opt/qfi/rules: no fault rules');
      expect(registered(r.console)).toEqual(['QFI-POINT:alloc.page', 'QFI-POINT:disk.read', 'QFI-POINT:cache.prefetch']);
      expect(pointCounts(r.console)).toEqual(CLEAN);
      expect(r.console).toContain('sdk-kernel: result=pass');
      expect(r.exitCode, r.console).toBe(status.pass);
    });

    // QEMU 7.2's riscv virt refuses -fw_cfg files (see qemuTakesFwCfgFiles); the cases below need them.
    const needsFiles = (name: string, fn: () => Promise<void>) =>
      it(name, async (ctx) => {
        if (!takesFiles) ctx.skip(`${arch}: this QEMU refuses -fw_cfg name=... for the machine`);
        await fn();
      });

    needsFiles('with an empty rules file and a seed: the pass status', async () => {
      const r = await boot(withRules(''));
      expect(r.console).toContain('qfi: 0 point(s) with rules from fw_cfg opt/qfi/rules');
      expect(r.console).toContain('seed 7');
      expect(pointCounts(r.console)).toEqual(CLEAN);
      expect(r.exitCode, r.console).toBe(status.pass);
    });

    needsFiles('alloc.page=fail-after:2: the allocation of block 2 fails 4 times, the load fails, QEMU exits with the failure status', async () => {
      const r = await boot(withRules('alloc.page=fail-after:2\n'));
      expect(r.console).toContain('qfi: 1 point(s) with rules from fw_cfg opt/qfi/rules');
      expect(r.console).toContain('sdk-kernel: alloc.page: out of memory (attempt 4), giving up');
      // Blocks 0 and 1 load; block 2 tries 4 times (calls 3..6 fail); prefetch ran before blocks 0..2.
      expect(pointCounts(r.console)).toEqual({ 'alloc.page': '6/4', 'disk.read': '2/0', 'cache.prefetch': '3/0' });
      expect(r.console).toContain('sdk-kernel: result=unrecovered');
      expect(r.exitCode, r.console).toBe(status.unrecovered);
    });

    needsFiles('disk.read=drop-every:2: every second read fails and is retried, the load recovers: the pass status', async () => {
      const r = await boot(withRules('disk.read=drop-every:2\n'));
      expect(r.console).toContain('sdk-kernel: disk.read: I/O error on block 1 (attempt 1), retrying');
      expect(pointCounts(r.console)).toEqual({ ...CLEAN, 'disk.read': '15/7' });
      expect(r.exitCode, r.console).toBe(status.pass);
    });

    needsFiles('disk.read=delay-ms:100: each of the 8 reads waits 100 ms through the delay callback', async () => {
      const r = await boot(withRules('disk.read=delay-ms:100\n'));
      expect(pointCounts(r.console)).toEqual(CLEAN);
      expect(r.exitCode, r.console).toBe(status.pass);
      expect(r.ms).toBeGreaterThanOrEqual(800);
    });

    needsFiles('a malformed rules file: the error with its line and column, then the rules-error status', async () => {
      const r = await boot(withRules('cache.prefetch=off\ndisk.read=fial\n'));
      expect(r.console).toContain('qfi: rules 2:11: unknown action `fial`, expected one of off, fail, drop-every, fail-after, rate, delay-ms');
      expect(r.console).toContain(`qfi:   disk.read=fial\nqfi:   ${' '.repeat(10)}^\n`);
      expect(r.exitCode, r.console).toBe(status.rulesError);
    });

    if (arch === 'x86_64') {
      it("boots the same image with QEMU's default firmware (SeaBIOS) too", async () => {
        const r = await boot({ ...withRules('alloc.page=fail-after:2\n'), defaultFirmware: true });
        expect(pointCounts(r.console)).toEqual({ 'alloc.page': '6/4', 'disk.read': '2/0', 'cache.prefetch': '3/0' });
        expect(r.exitCode, r.console).toBe(status.unrecovered);
      });
    }

    // QEMU traces each data-register read with the byte it returned, and each DMA transfer as one
    // fw_cfg_read with the value 0 (fw_cfg_dma_transfer): the trace tells the two apart.
    it(
      arch === 'x86_64'
        ? 'reads fw_cfg through the I/O ports: QEMU traces the bytes it read'
        : 'reads fw_cfg through the DMA interface: QEMU traces transfers, not bytes',
      async () => {
        const trace = join(kernels.dir, `trace-${arch}.log`);
        const run = takesFiles ? withRules('alloc.page=fail-after:2\n') : {};
        const r = await boot({ ...run, extraArgs: ['-trace', 'fw_cfg_read', '-trace', 'fw_cfg_select', '-D', trace] });
        const reads = readFileSync(trace, 'utf8')
          .split('\n')
          .filter((l) => l.startsWith('fw_cfg_read '));
        const nonZero = reads.filter((l) => !/ = 0x0$/.test(l));
        if (arch === 'x86_64') {
          expect(r.console).toContain('(I/O ports)');
          expect(nonZero.length).toBeGreaterThan(0);
          expect(reads.length).toBeGreaterThan(100); // one per byte: the directory alone is 64 bytes per file
        } else {
          expect(r.console).toContain('sdk-kernel: fw_cfg via DMA');
          expect(reads.length).toBeGreaterThan(0);
          expect(nonZero).toEqual([]);
          expect(reads.length).toBeLessThan(64);
        }
        expect(r.exitCode, r.console).toBe(takesFiles ? status.unrecovered : status.pass);
      },
    );
  });
}

describe.skipIf(kernels.built['aarch64-mmio'] === undefined || !haveQemu('aarch64'))('SDK example kernel on aarch64 without DMA (raw QEMU, no Linux)', () => {
  it('reads fw_cfg through the MMIO data register when told to (no_dma): the same decisions, QEMU traces every byte', async () => {
    const trace = join(kernels.dir, 'trace-aarch64-mmio.log');
    const rules = { rulesFile: fwCfgFile('alloc.page=fail-after:2\n'), seedFile: fwCfgFile('7') };
    const r = await runSdkKernel(sdkKernelArgv('aarch64', kernels.built['aarch64-mmio']!, { ...rules, extraArgs: ['-trace', 'fw_cfg_read', '-D', trace] }));
    expect(r.console).toContain('qfi: 1 point(s) with rules from fw_cfg opt/qfi/rules (MMIO), seed 7');
    expect(pointCounts(r.console)).toEqual({ 'alloc.page': '6/4', 'disk.read': '2/0', 'cache.prefetch': '3/0' });
    expect(r.exitCode, r.console).toBe(SDK_KERNEL_STATUS.aarch64.unrecovered);
    const reads = readFileSync(trace, 'utf8')
      .split('\n')
      .filter((l) => l.startsWith('fw_cfg_read '));
    expect(reads.length).toBeGreaterThan(100);
    expect(reads.some((l) => !/ = 0x0$/.test(l))).toBe(true);
  });
});

describe('the kernels that could be built here', () => {
  it('include x86_64, and name the compiler that is missing for any other', () => {
    expect(kernels.built.x86_64).toBeDefined();
    for (const arch of SDK_KERNEL_ARCHES) expect(kernels.built[arch] ?? kernels.skipped[arch], arch).toBeDefined();
  });
});
