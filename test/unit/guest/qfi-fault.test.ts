/**
 * The built-in guest's qfi-fault (guest/qfi-fault.sh), run on the host under the same static
 * busybox the guest gets, against qfi's model of guest rule semantics (src/rules/guest-decide.ts).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterEach, describe, expect, it } from 'vitest';
import { faultHelperPath } from '../../../src/provision/guest/initramfs.js';
import { decideGuestCall, guestRateHash, nthCallRule, type PointCounts } from '../../../src/rules/guest-decide.js';
import { parseRule, printRule } from '../../../src/rules/index.js';

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

function model(rules: string[], seed: number, point: string, calls: number): { decisions: string; state: string } {
  const parsed = rules.map((r) => parseRule(r, {}, { guestOwn: true })).filter((r) => r.point === point);
  const rule = parsed[parsed.length - 1];
  let counts: PointCounts = { calls: 0, fails: 0 };
  let decisions = '';
  for (let i = 0; i < calls; i++) {
    const d = decideGuestCall(rule, point, counts, seed);
    decisions += d.fail ? '1' : '0';
    counts = d.after;
  }
  return { decisions, state: `${counts.calls} ${counts.fails}` };
}

const vectors: Array<{ rules: string[]; seed: number; point: string; calls: number }> = [
  { rules: [], seed: 1, point: 'storage.read', calls: 4 },
  { rules: ['storage.read=fail'], seed: 1, point: 'storage.read', calls: 4 },
  { rules: ['storage.read=off'], seed: 1, point: 'storage.read', calls: 3 },
  { rules: ['storage.read=drop-every:3'], seed: 1, point: 'storage.read', calls: 10 },
  { rules: ['storage.read=fail-after:4'], seed: 1, point: 'storage.read', calls: 8 },
  { rules: ['storage.read[once=true]=fail-after:4'], seed: 1, point: 'storage.read', calls: 8 },
  { rules: ['storage.read[once=true]=drop-every:2'], seed: 1, point: 'storage.read', calls: 6 },
  { rules: ['storage.read=rate:300'], seed: 7, point: 'storage.read', calls: 30 },
  { rules: ['storage.read=rate:300'], seed: 8, point: 'storage.read', calls: 30 },
  { rules: ['net.tx_2=rate:500'], seed: 4294967295, point: 'net.tx_2', calls: 20 },
  { rules: ['storage.read=fail', 'storage.write=fail-after:1', 'storage.read=drop-every:2'], seed: 1, point: 'storage.read', calls: 4 },
  { rules: ['storage.write=fail'], seed: 1, point: 'storage.read', calls: 2 },
];

describe.skipIf(!existsSync(busybox))('qfi-fault in busybox sh agrees with the model', () => {
  for (const v of vectors) {
    it(`${v.rules.join(' ') || '(no rules)'} seed ${v.seed}: ${v.calls} calls of ${v.point}`, async () => {
      expect(await runHelper(v.rules, v.seed, v.point, v.calls)).toEqual(model(v.rules, v.seed, v.point, v.calls));
    });
  }

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
