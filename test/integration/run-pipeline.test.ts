import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { localCacheDir } from '../../src/core/cache-dir.js';
import type { RawInputs } from '../../src/config/index.js';
import { formatError, InfraError } from '../../src/core/errors.js';
import { silentLogger, type Host } from '../../src/core/host.js';
import { ensureBuiltinGuest } from '../../src/provision/guest/index.js';
import { probeKvm } from '../../src/provision/kvm-probe.js';
import { findFirmware, locateQemu } from '../../src/provision/qemu-system.js';
import { runPipeline } from '../../src/modes/run-pipeline.js';
import { canonicalRulesText, parseRule } from '../../src/rules/index.js';
import { junitSchema } from '../helpers/junit-schema.js';

const host: Host = { log: silentLogger, cacheDir: localCacheDir() };

function workDir(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'qfi-it-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

async function qfiRun(inputs: RawInputs, files: Record<string, string> = {}, signal?: AbortSignal) {
  const cwd = workDir(files);
  const result = await runPipeline({ inputs: { 'results-dir': join(cwd, 'results'), ...inputs }, cwd, ...(signal ? { signal } : {}) }, host);
  return { cwd, ...result };
}

function validateJUnit(file: string): void {
  execFileSync('xmllint', ['--noout', '--schema', junitSchema(), file], { stdio: 'pipe' });
}

function processGone(pid: number | undefined): boolean {
  if (pid === undefined) return true;
  try {
    process.kill(pid, 0);
    return false;
  } catch {
    return true;
  }
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('qfi run on the built-in guest (Debian cloud kernel + busybox initramfs + qfi agent, QEMU TCG)', () => {
  it('hands the guest exactly the canonical rules through fw_cfg, in $QFI_RULES and the rules file', async () => {
    const toml = [
      '[test]',
      `command = 'sha256sum < "$QFI_RULES_FILE"; printf "%s" "$QFI_RULES" | sha256sum'`,
      '[fault_injection]',
      'rules = ["  alloc.frame =  fail-after: 3 ", "storage.read=drop-every:4"]',
    ].join('\n');
    const { run, reports } = await qfiRun({ config: 'qfi.toml', faults: ['net.tx = rate:5', 'alloc.frame=off'] }, { 'qfi.toml': toml });
    expect(run.verdict).toBe('pass');
    const expected = canonicalRulesText(['alloc.frame=off', 'storage.read=drop-every:4', 'net.tx=rate:5'].map((r) => parseRule(r)));
    expect(run.plan.canonicalRules).toEqual(['alloc.frame=off', 'storage.read=drop-every:4', 'net.tx=rate:5']);
    const consoleText = readFileSync(run.record.files.console, 'utf8');
    // the file is byte-exact; $(...) in the agent keeps trailing newlines, so the variable is too
    expect(consoleText.match(new RegExp(`^${sha256(expected)}  -`, 'gm'))).toHaveLength(2);
    validateJUnit(reports.junit);
    expect(processGone(run.record.qemuPid)).toBe(true);
  });

  it('delivers no rules when fault injection is disabled, and the agent still runs the command', async () => {
    const { run } = await qfiRun({ command: 'test ! -s "$QFI_RULES_FILE" && test -z "$QFI_RULES"', 'faults-enabled': 'false', faults: ['a.b=fail'] });
    expect(run.verdict).toBe('pass');
    expect(run.plan.fwCfg.map((f) => f.name)).not.toContain('opt/qfi/rules');
  });

  it('reads a RustOS-style [fault_injection] table as is and delivers under its fw_cfg name', async () => {
    const rustos = readFileSync(new URL('../fixtures/config/rustos.toml', import.meta.url), 'utf8');
    const { run } = await qfiRun(
      {
        command: 'cat /sys/firmware/qemu_fw_cfg/by_name/opt/rustos/fault-injection/raw; cat "$QFI_RULES_FILE" | grep -q alloc.frame=fail-after:3',
        'rules-file': 'rustos.toml',
        'rules-fw-cfg-name': 'opt/rustos/fault-injection',
      },
      { 'rustos.toml': rustos },
    );
    expect(run.verdict).toBe('pass');
    expect(run.plan.canonicalRules).toContain('alloc.frame=fail-after:3');
    expect(readFileSync(run.record.files.console, 'utf8')).toContain('alloc.frame=fail-after:3');
  });

  it('turns `exit 3` into a fail verdict with the exit code in JUnit', async () => {
    const { run, reports } = await qfiRun({ command: 'echo about to fail; exit 3' });
    expect(run.verdict).toBe('fail');
    expect(run.record.commandExitCode).toBe(3);
    const xml = readFileSync(reports.junit, 'utf8');
    expect(xml).toContain('<property name="qfi.exit_code" value="3"/>');
    // The message leads with the reason, then what reproduces it (no publisher shows properties).
    expect(xml).toMatch(/<failure message="test command exited with 3&#10;&#10;seed: \d+&#10;rules: [^"]*&#10;reproduce: qfi run [^"]*" type="fail">/);
    expect(xml).toContain('about to fail');
    validateJUnit(reports.junit);
  });

  it('turns a kernel panic (sysrq c) into a panic verdict: an <error> with the call trace once, the seed, the rules and the reproducer, no protocol lines', async () => {
    const { run, reports } = await qfiRun({ command: 'echo c > /proc/sysrq-trigger', faults: 'storage.read=fail-after:2', seed: '4242' });
    expect(run.verdict).toBe('panic');
    expect(run.reason).toMatch(/Kernel panic - not syncing: sysrq triggered crash/);
    expect(run.summary.highlights.join('\n')).toMatch(/Call Trace:[\s\S]*sysrq_handle_crash/);
    validateJUnit(reports.junit);
    const xml = readFileSync(reports.junit, 'utf8');
    const command = xml.match(/<testcase [^>]*name="qfi: command"[^>]*>\s*<error message="([^"]*)" type="panic">/);
    expect(command, xml).not.toBeNull();
    const message = command![1]!.replaceAll('&#10;', '\n');
    expect(message).toMatch(/^seed: 4242$/m);
    expect(message).toMatch(/^rules: storage\.read=fail-after:2$/m);
    expect(message).toMatch(/^reproduce: qfi run .*--seed 4242/m);
    expect(message.match(/sysrq_handle_crash/g)).toHaveLength(1);
    expect(xml).not.toMatch(/QFI:[0-9a-f]+:|QFI-[A-Z]+:/);
    expect(readFileSync(reports.summaryMarkdown, 'utf8').match(/sysrq_handle_crash/g)).toHaveLength(1);
    expect(processGone(run.record.qemuPid)).toBe(true);
  });

  it('names a rule nothing consulted (a guest point the guest never calls) in the summary, and require-fired fails the run on it', async () => {
    const { run, reports } = await qfiRun({ command: 'true', faults: 'linux.failslab=fail' });
    expect(run.verdict).toBe('pass');
    expect(run.ruleUse).toEqual([{ rule: 'linux.failslab=fail', id: undefined, layer: 'guest', calls: undefined, fired: 0, consulted: false }]);
    const md = readFileSync(reports.summaryMarkdown, 'utf8');
    expect(md).toMatch(/\| `linux.failslab=fail` \| guest \| – \| ⚠️ never consulted \|/);
    expect(md).toMatch(/> \[!WARNING\]\n> `linux.failslab=fail`: nothing consulted this rule/);
    const required = await qfiRun({ command: 'true', faults: 'linux.failslab=fail', 'require-fired': 'true' });
    expect(required.run.verdict).toBe('fail');
    expect(required.run.reason).toBe('require-fired: rule linux.failslab=fail: the guest never called point linux.failslab, though the test command passed');
    expect(readFileSync(required.reports.summaryMarkdown, 'utf8')).toMatch(
      /> \[!CAUTION\]\n> require-fired: rule linux.failslab=fail: the guest never called point linux.failslab\. Every rule must fire/,
    );
  });

  it('stops a hanging test at the test timeout: hang verdict, registers captured, console kept whole, no QEMU left', async () => {
    const { run, reports } = await qfiRun({ command: 'echo sleeping; sleep 600', 'test-timeout': '10s' });
    expect(run.verdict).toBe('hang');
    expect(run.record.timedOut).toBe('test');
    expect(run.record.wallMs).toBeLessThan(60_000);
    expect(readFileSync(join(run.record.files.dir, 'registers.txt'), 'utf8')).toMatch(/RIP=[0-9a-f]{16}/);
    expect(run.record.diagnostics?.status).toMatchObject({ status: 'running' });
    const consoleText = readFileSync(run.record.files.console, 'utf8');
    expect(consoleText.split('\n').filter((l, i, all) => i < all.length - 1 || l !== '')).toHaveLength(run.record.consoleLines);
    expect(consoleText).toContain('sleeping');
    validateJUnit(reports.junit);
    expect(processGone(run.record.qemuPid)).toBe(true);
  });

  it('gives boot-timeout when the agent never reports ready', async () => {
    // A 300 ms boot timeout is shorter than any boot here (~1.2 s to the ready marker under TCG).
    const { run, reports } = await qfiRun({ command: 'true', 'boot-timeout': '300ms' });
    expect(run.verdict).toBe('boot-timeout');
    expect(run.record.events.some((e) => e.kind === 'agent-ready')).toBe(false);
    expect(readFileSync(reports.junit, 'utf8')).toMatch(
      /<testcase [^>]*name="[^"]*: command"[^>]*>\s*<skipped message="the guest never came up, so the command never ran"\/>/,
    );
    validateJUnit(reports.junit);
    expect(processGone(run.record.qemuPid)).toBe(true);
  });

  it('stops QEMU and records infra-error when the runner is interrupted', async () => {
    const controller = new AbortController();
    const pending = qfiRun({ command: 'sleep 600' }, {}, controller.signal);
    setTimeout(() => controller.abort('SIGTERM'), 4000);
    const { run: result, reports } = await pending;
    expect(result.verdict).toBe('infra-error');
    expect(result.reason).toMatch(/interrupted \(SIGTERM\)/);
    expect(existsSync(reports.junit)).toBe(true);
    validateJUnit(reports.junit);
    expect(processGone(result.record.qemuPid)).toBe(true);
  });

  it('reports QEMU refusing to start as infra-error with its own message', async () => {
    const { run, reports } = await qfiRun({ command: 'true', 'qemu-args': ['-no-such-option'] });
    expect(run.verdict).toBe('infra-error');
    expect(run.reason).toMatch(/QEMU exited with code 1 .*-no-such-option: invalid option/);
    expect(readFileSync(reports.junit, 'utf8')).toMatch(/<error message="QEMU exited with code 1[^"]*" type="infra-error">/);
    validateJUnit(reports.junit);
  });

  it('the KVM probe agrees with what a KVM run does on this machine', async () => {
    const guest = await ensureBuiltinGuest({ cacheDir: host.cacheDir, log: silentLogger });
    const qemu = locateQemu('system', 'x86_64');
    const probe = await probeKvm({ qemuBinary: qemu.binary, kernel: guest.kernel, bios: findFirmware(qemu, 'qboot.rom'), firmwareDirs: [] }, workDir());
    if (probe.usable) {
      const { run } = await qfiRun({ command: 'true', accel: 'kvm' });
      expect(run).toMatchObject({ verdict: 'pass', provisioned: { accel: 'kvm' } });
    } else {
      const err = await qfiRun({ command: 'true', accel: 'kvm' }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(InfraError);
      expect(formatError(err)).toMatch(/accel = kvm was asked for, but KVM cannot run guests here[\s\S]*hint: use accel = auto/);
    }
  }, 60_000);
});
