/**
 * The built-in guest's qfi-fault (guest/qfi-fault.sh), run on the host under the same static
 * busybox the guest gets: the fail-nth rule, registration and bad names. Its decisions on the
 * shared vectors are checked in sdk-vectors.test.ts.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterEach, describe, expect, it } from 'vitest';
import { faultHelperPath } from '../../../src/provision/guest/initramfs.js';
import { guestRateHash, nthCallRule } from '../../../src/rules/guest-decide.js';
import { printRule } from '../../../src/rules/index.js';

const busybox = '/bin/busybox';
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** Calls `point` `calls` times in one guest-like shell; returns '1' per failed call, '0' per normal one. */
async function runHelper(rules: string[], seed: number, point: string, calls: number): Promise<{ decisions: string; state: string }> {
  const run = mkdtempSync(join(tmpdir(), 'qfi-fault-'));
  dirs.push(run);
  writeFileSync(join(run, 'rules'), rules.map((r) => `${r}\n`).join(''));
  writeFileSync(join(run, 'seed'), `${seed}\n`);
  const script = `i=0; out=; while [ $i -lt ${calls} ]; do i=$((i+1)); ${busybox} sh "$HELPER" "$POINT"; case $? in 0) out="\${out}1";; 1) out="\${out}0";; *) out="\${out}E";; esac; done; echo "$out"`;
  const r = await execa(busybox, ['sh', '-c', script], { env: { QFI_RUN_DIR: run, HELPER: faultHelperPath(), POINT: point, PATH: '/usr/bin:/bin' } });
  return { decisions: r.stdout.trim(), state: readFileSync(join(run, 'points', point), 'utf8').trim() };
}

// The decision vectors this file had live in guest/sdk/vectors.json now, shared with qfi's model
// and the guest SDKs: test/unit/guest/sdk-vectors.test.ts runs them through this helper too.
describe.skipIf(!existsSync(busybox))('qfi-fault in busybox sh', () => {
  it('fails exactly the k-th call under the fail-nth rule', async () => {
    const rule = printRule(nthCallRule('storage.read', undefined, 3));
    expect(rule).toBe('storage.read[once=true]=fail-after:2');
    expect((await runHelper([rule], 0, 'storage.read', 6)).decisions).toBe('001000');
  });

  it('registers points without calling them and refuses bad names', async () => {
    const run = mkdtempSync(join(tmpdir(), 'qfi-fault-'));
    dirs.push(run);
    const env = { QFI_RUN_DIR: run, PATH: '/usr/bin:/bin' };
    const reg = await execa(busybox, ['sh', faultHelperPath(), '--register', 'a.b', 'c_d-1'], { env, reject: false });
    expect(reg.exitCode).toBe(1);
    expect(readFileSync(join(run, 'points', 'a.b'), 'utf8')).toBe('0 0\n');
    for (const bad of ['1abc', 'a..b', 'a.', 'a/b', 'a.-b', '']) {
      const r = await execa(busybox, ['sh', faultHelperPath(), bad], { env, reject: false });
      expect(r.exitCode, bad).toBe(2);
      expect(r.stderr, bad).toContain('bad point name');
    }
    expect((await execa(busybox, ['sh', faultHelperPath()], { env, reject: false })).exitCode).toBe(2);
  });
});

describe('rate hash', () => {
  it('spreads calls: about N per 1000 fail', () => {
    let fails = 0;
    for (let call = 1; call <= 10_000; call++) if (guestRateHash('storage.read', 42, call) < 250) fails++;
    expect(fails).toBeGreaterThan(2300);
    expect(fails).toBeLessThan(2700);
  });
});
