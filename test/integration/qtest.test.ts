/**
 * qtest mode through the whole pipeline: QEMU with the qtest accelerator and no guest, scripts
 * from test/fixtures/qtest. Machines: x86 `pc` (fw_cfg, CMOS RTC, IDE with a blkdebug block rule)
 * on qfi's x86_64 QEMU build, aarch64 `virt` (PL011, fw_cfg MMIO) on an aarch64-softmmu build
 * (built on first use, about 4 min, then cached). Each script takes well under a second.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RawInputs } from '../../src/config/index.js';
import { localCacheDir } from '../../src/core/cache-dir.js';
import { formatError } from '../../src/core/errors.js';
import { silentLogger, type Host } from '../../src/core/host.js';
import { runQtestPipeline } from '../../src/qtest/qtest-pipeline.js';
import { qemuSourceTarball } from '../helpers/qfi-plugin.js';
import { junitSchema } from '../helpers/junit-schema.js';
import { publisherProblems } from '../helpers/publishers.js';

const host: Host = { log: silentLogger, cacheDir: localCacheDir() };
const script = (name: string) => new URL(`../fixtures/qtest/${name}`, import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), 'qfi-qtest-'));
const rtcAtFixedDate = ['-rtc', 'base=2020-01-01T00:00:00,clock=vm'];

async function qtest(name: string, inputs: RawInputs) {
  const dir = join(work, name);
  mkdirSync(dir, { recursive: true });
  const result = await runQtestPipeline({ inputs: { 'results-dir': join(dir, 'results'), name, 'qemu-source': qemuSourceTarball, ...inputs }, cwd: dir }, host);
  execFileSync('xmllint', ['--noout', '--schema', junitSchema(), result.reports.junit], { stdio: 'pipe' });
  return { ...result, junit: readFileSync(result.reports.junit, 'utf8'), dir: join(dir, 'results') };
}

/** PIDs of processes whose command line contains `text` (none: pgrep exits 1). */
function pgrep(text: string): string[] {
  try {
    return execFileSync('pgrep', ['-f', text], { encoding: 'utf8' }).trim().split('\n').filter(Boolean);
  } catch {
    return [];
  }
}

async function refusal(inputs: RawInputs): Promise<string> {
  try {
    await qtest(`refused-${Math.random().toString(36).slice(2)}`, inputs);
  } catch (err) {
    return formatError(err);
  }
  return 'no error';
}

describe('qtest on the x86 pc machine', () => {
  it('reads the fw_cfg signature through its I/O ports and steps the CMOS RTC with clock_step', async () => {
    const { outcome, junit, dir } = await qtest('pc', { 'qtest-script': script('pc-fw-cfg-rtc.qtest'), 'machine-type': 'pc', 'qemu-args': rtcAtFixedDate });
    expect(outcome.verdict, outcome.reason).toBe('pass');
    expect(outcome.scripts[0]!.sections.map((s) => [s.name, s.status, s.stepsRun])).toEqual([
      ['fw_cfg signature', 'pass', 5],
      ['rtc follows the virtual clock', 'pass', 9],
    ]);
    expect(junit).toMatch(/<testsuite name="qtest pc-fw-cfg-rtc" time="[\d.]+" tests="2" failures="0" errors="0" skipped="0">/);
    expect(publisherProblems(junit, process.cwd())).toEqual([]);
    // QEMU's own qtest log is kept: the exchange as QEMU saw it.
    expect(readFileSync(join(dir, 'qtest-pc-fw-cfg-rtc.log'), 'utf8')).toMatch(/clock_step 5000000000\n.*OK 5000000000/);
  });

  it('fails a wrong expectation with a readable diff in JUnit, and goes on with the next section', async () => {
    const wrong = join(work, 'wrong.qtest');
    writeFileSync(wrong, readFileSync(script('pc-fw-cfg-rtc.qtest'), 'utf8').replace('inb 0x511 == 0x45', 'inb 0x511 == 0x46'));
    const { outcome, junit } = await qtest('pc-wrong', { 'qtest-script': wrong, 'machine-type': 'pc', 'qemu-args': rtcAtFixedDate });
    expect(outcome.verdict).toBe('fail');
    expect(outcome.reason).toBe('1 of 2 qtest sections failed; first: wrong [fw_cfg signature] line 5 `inb 0x511 == 0x46` answered `OK 0x0045`');
    expect(outcome.scripts[0]!.sections.map((s) => s.status)).toEqual(['fail', 'pass']);
    expect(junit).toContain(
      '<failure message="inb 0x511 == 0x46: answered OK 0x0045" type="qtest-mismatch">wrong.qtest:5: inb 0x511 == 0x46\nexpected: 0x0046\nactual:   0x0045\ndiffers:  0x0003 (bits 0, 1)</failure>',
    );
  });

  it('applies a block rule under the IDE disk the script drives: reads work until the marker, then the device reports the error', async () => {
    const inputs = {
      'qtest-script': script('pc-ide-read.qtest'),
      'machine-type': 'pc',
      disks: 'id=data size=1M format=raw',
      'qtest-devices': 'ide-hd,drive=qfi-data,bus=ide.0',
    };
    const faulty = await qtest('ide-fault', { ...inputs, faults: 'block.read[disk=data on=broken]=fail' });
    expect(faulty.outcome.verdict, faulty.outcome.reason).toBe('pass');
    expect(faulty.outcome.scripts[0]!.hostFaults?.windows.map((w) => [w.disk, w.open])).toEqual([['data', ['h1']]]);
    // Without the rule the same script fails where it expects the error: the pass above was the rule's doing.
    const clean = await qtest('ide-clean', inputs);
    expect(clean.outcome.verdict).toBe('fail');
    expect(clean.outcome.scripts[0]!.sections[1]!.failure).toMatchObject({ source: 'inb 0x1f7 & 0x01 == 0x01', actual: 'OK 0x0058' });
  });

  it('makes a QEMU that dies mid-script an error of that section and the ones after it', async () => {
    const hang = join(work, 'hang.qtest');
    // fw_cfg's signature item reads Q, E, M, U, then zeros: 0xab never comes, the script polls until QEMU dies.
    writeFileSync(hang, '[waits]\noutw 0x510 0x0\ninb 0x511 == 0xab until 60s\n[after]\ninb 0x511 == 0x45\n');
    const running = qtest('crash', { 'qtest-script': hang, 'machine-type': 'pc' });
    // The test plays the crashing device model: it kills the QEMU of this script by PID, while
    // the script polls (up to 60 s). Not at once: a QEMU killed before it answered the first step
    // is no crash of the script but an infra-error, and QEMU buffers its qtest log, so the log
    // cannot tell; the first steps run within milliseconds of QEMU's start.
    let pid: number | undefined;
    for (let i = 0; i < 200 && pid === undefined; i++) {
      await new Promise((r) => setTimeout(r, 50));
      const found = pgrep('qtest-hang.sock');
      if (found.length === 1) pid = Number(found[0]);
    }
    expect(pid).toBeDefined();
    await new Promise((r) => setTimeout(r, 1500));
    process.kill(pid!, 'SIGKILL');
    const { outcome, junit } = await running;
    expect(outcome.verdict).toBe('panic');
    expect(outcome.scripts[0]!.crash).toBe('QEMU was killed by SIGKILL during the script');
    expect(outcome.scripts[0]!.sections.map((s) => s.status)).toEqual(['error', 'error']);
    expect(junit).toMatch(
      /<error message="QEMU was killed by SIGKILL during the script \(line 3 `inb 0x511 == 0xab until 60s`: QEMU closed the qtest connection/,
    );
    expect(junit).toMatch(/name="hang: after"[^>]*>\s*<error message="not run: QEMU was killed by SIGKILL during the script" type="qemu"/);
  }, 30_000);
});

describe('what qtest mode refuses, before anything runs', () => {
  it("a QEMU without the qtest accelerator (Debian's packages drop it)", async () => {
    const text = await refusal({ 'qtest-script': script('pc-fw-cfg-rtc.qtest'), qemu: 'system' });
    expect(text).toMatch(
      /^error: QEMU [\d.]+ at \/usr\/bin\/qemu-system-x86_64 has no qtest accelerator: qemu-system-x86_64: -accel qtest: invalid accelerator qtest\nhint: distribution packages often leave it out/,
    );
  });

  it('memory-transaction attributes on a QEMU whose qtest ignores them, naming the evidence', async () => {
    const attrs = join(work, 'attrs.qtest');
    writeFileSync(attrs, '[secure read]\nreadl 0x1000 secure == 0x0\n');
    const text = await refusal({ 'qtest-script': attrs, 'machine-type': 'pc' });
    expect(text).toContain(
      `${attrs}:2: error: line 2 uses memory-transaction attributes (\`secure\`), but this QEMU's qtest server ignores them: it answered \`readb 0x0 qfi-not-an-attribute\` with \`OK 0x0000000000000000\` instead of rejecting the unknown attribute`,
    );
    expect(existsSync(join(work, 'attrs', 'results', 'junit.xml'))).toBe(false);
  });

  it('rules that need a guest or TCG, and devices on a drive that is not a disk', async () => {
    const base = { 'qtest-script': script('pc-fw-cfg-rtc.qtest') };
    expect(await refusal({ ...base, faults: 'mem.flip[addr=0x1000 mask=0x1 at=insn:1000]=fail' })).toMatch(
      /is a plugin rule \(no TCG code runs under qtest\), so it cannot apply in mode qtest/,
    );
    expect(await refusal({ ...base, faults: 'storage.read=fail' })).toMatch(/rule storage.read=fail is a guest rule \(no guest reads it\)/);
    expect(await refusal({ ...base, faults: 'vm.pause[after=1s]=fail' })).toMatch(/is a VM\/network rule/);
    expect(await refusal({ ...base, 'qtest-devices': 'ide-hd,drive=qfi-nope,bus=ide.0' })).toMatch(
      /device `ide-hd,drive=qfi-nope,bus=ide.0` uses drive qfi-nope, which is not a disk of this run/,
    );
  });
});

describe('qtest on aarch64 virt', () => {
  it('identifies the PL011 and reads the fw_cfg signature over MMIO', async () => {
    const { outcome } = await qtest('virt', { 'qtest-script': script('virt-pl011-fw-cfg.qtest'), arch: 'aarch64' });
    expect(outcome.verdict, outcome.reason).toBe('pass');
    expect(outcome.qemu.binary).toMatch(/-10\.2\.2-aarch64-[0-9a-f]+\/prefix\/bin\/qemu-system-aarch64$/);
    expect(outcome.scripts[0]!.sections.map((s) => [s.name, s.status])).toEqual([
      ['pl011 identifies itself', 'pass'],
      ['pl011 flags after reset', 'pass'],
      ['fw_cfg signature over MMIO', 'pass'],
    ]);
  }, 900_000);
});
