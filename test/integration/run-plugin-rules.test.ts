import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { localCacheDir } from '../../src/core/cache-dir.js';
import { formatError } from '../../src/core/errors.js';
import { silentLogger, type Host } from '../../src/core/host.js';
import { runPipeline } from '../../src/modes/run-pipeline.js';
import { guestProgramFiles } from '../helpers/guest-programs.js';

/**
 * qfi run with plugin rules (mem.flip) on the built-in Linux guest, on the QEMU 10.2.2 qfi
 * builds (from the cache; see qemu-build.test.ts) with qfi-fault compiled from plugin/.
 * The guest runs test/fixtures/guests/selfcheck (static, put into the built-in guest with `files`):
 * it reports the physical address of a locked page, and fails its self-check if it changes.
 */
const source = process.env.QFI_QEMU_SOURCE ?? join(localCacheDir(), 'sources', 'qemu_10.2.2+ds.orig.tar.xz');
const host: Host = { log: silentLogger, cacheDir: localCacheDir() };
let files: string[];

beforeAll(() => {
  files = guestProgramFiles(['selfcheck/selfcheck.c']);
});

async function qfi(faults: string[]) {
  const cwd = mkdtempSync(join(tmpdir(), 'qfi-flip-'));
  return runPipeline(
    {
      inputs: { command: '/root/selfcheck', files, faults, 'qemu-source': source, 'results-dir': join(cwd, 'results') },
      cwd,
    },
    host,
  );
}

describe('plugin rules on the built-in Linux guest (QEMU 10.2.2 build + qfi-fault)', () => {
  it('passes the self-check without faults', async () => {
    const { run } = await qfi([]);
    expect(run.verdict).toBe('pass');
    expect(readFileSync(run.record.files.console, 'utf8')).toMatch(/QFI-MARKER:page=0x[0-9a-f]+[\s\S]*selfcheck: page intact/);
  }, 300_000);

  it('flips a bit in the process page the guest reported, and the verdict says the self-check failed', async () => {
    const { run, reports } = await qfi(['mem.flip[addr=marker:page mask=0x10 at=marker:page+insn:1000]=fail']);
    expect(run.provisioned.qemuVersion).toBe('10.2.2');
    expect(run.provisioned.plugins.map((p) => p.role)).toEqual(['qfi']);
    const consoleText = readFileSync(run.record.files.console, 'utf8');
    const phys = /QFI-MARKER:page=(0x[0-9a-f]+)/.exec(consoleText)?.[1];
    expect(phys).toBeDefined();
    expect(run.verdict).toBe('fail');
    expect(run.reason).toBe('test command exited with 42');
    expect(consoleText).toMatch(/selfcheck: byte 100 is 0x(..), expected 0x(..)/);
    const [, got, want] = /selfcheck: byte 100 is 0x(..), expected 0x(..)/.exec(consoleText)!;
    expect(Number.parseInt(got!, 16) ^ Number.parseInt(want!, 16)).toBe(0x10);

    expect(run.injections).toMatchObject({ total: 1, failed: 0, perRule: [{ id: 'r1', fires: 1 }] });
    const log = readFileSync(join(run.record.files.dir, 'injections.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, string>);
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ rule: 'r1', kind: 'ram', addr: phys });
    expect(Number.parseInt(log[0]!.before!, 16) ^ Number.parseInt(log[0]!.after!, 16)).toBe(0x10);
    const xml = readFileSync(reports.junit, 'utf8');
    expect(xml).toContain('<property name="qfi.injections" value="1"/>');
    expect(xml).toContain('<property name="qfi.injections.r1" value="1 × mem.flip[addr=marker:page at=marker:page+insn:1000 mask=0x10]=fail"/>');
    expect(existsSync(join(run.record.files.dir, 'summary.md'))).toBe(true);
  }, 300_000);

  it('refuses plugin rules on a QEMU whose plugin API is too old, before anything boots', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'qfi-oldapi-'));
    const system = execFileSync('bash', ['-c', 'command -v qemu-system-x86_64']).toString().trim();
    const err = await runPipeline(
      { inputs: { command: 'true', qemu: system, faults: ['mem.flip[addr=0x8000 at=insn:10]=fail'], 'results-dir': join(cwd, 'r') }, cwd },
      host,
    ).catch((e: unknown) => e);
    expect(formatError(err)).toMatch(
      /^input qemu: error: plugin rules need QEMU 10\.1 or newer \(plugin API 5: guest memory and register writes\); .* is QEMU 7\.2\.\d+ \(plugin API 1\)\nhint: use qemu: auto or build/,
    );
    expect(existsSync(join(cwd, 'r', 'console.log'))).toBe(false);
    const viaSystem = await runPipeline(
      { inputs: { command: 'true', qemu: 'system', faults: ['reg.flip[reg=rax at=insn:10]=fail'], 'results-dir': join(cwd, 'r') }, cwd },
      host,
    ).catch((e: unknown) => e);
    expect(formatError(viaSystem)).toMatch(/plugin rules \(mem\.\*, reg\.\*, insn\.\*\) need qfi's plugin.*but qemu is `system`/);
    // The QEMU named in qfi.toml: the refusal, made once the QEMU is known, points at the file's line.
    writeFileSync(join(cwd, 'qfi.toml'), `[qemu]\nbinary = "${system}"\n`);
    const viaFile = await runPipeline(
      { inputs: { command: 'true', faults: ['mem.flip[addr=0x8000 at=insn:10]=fail'], 'results-dir': join(cwd, 'r') }, cwd },
      host,
    ).catch((e: unknown) => e);
    expect(formatError(viaFile)).toMatch(/^qfi\.toml:2:10: error: plugin rules need QEMU 10\.1 or newer/);
  });

  it('refuses insn.skip on QEMU 10.2 (it needs plugin API 6), naming the version to build', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'qfi-skip-'));
    const err = await runPipeline(
      { inputs: { command: 'true', 'qemu-source': source, faults: ['insn.skip[at=pc:0xffffffff81000000]=fail'], 'results-dir': join(cwd, 'r') }, cwd },
      host,
    ).catch((e: unknown) => e);
    expect(formatError(err)).toMatch(
      /insn\.skip needs QEMU 11\.0 or newer \(plugin API 6, qemu_plugin_set_pc\); .* is QEMU 10\.2\.2 \(plugin API 5\)[\s\S]*hint: set qemu-version: 11\.1\.2/,
    );
  }, 120_000);
});
