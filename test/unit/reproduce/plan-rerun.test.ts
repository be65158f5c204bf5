import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { INPUTS } from '../../../src/config/inputs.js';
import { formatError } from '../../../src/core/errors.js';
import type { ReproduceManifest } from '../../../src/report/reproduce-record.js';
import { planRerun } from '../../../src/reproduce/plan-rerun.js';
import { readRunFacts } from '../../../src/reproduce/run-facts.js';

// A real run's record (test/fixtures/reproduce/record.sh): built-in guest, system QEMU 7.2,
// a guest rule and a block rule in qfi.toml, --seed 7 on the command line.
const recordDir = new URL('../../fixtures/reproduce/block-rate-seed7/', import.meta.url).pathname;
const manifest = JSON.parse(readFileSync(join(recordDir, 'reproduce.json'), 'utf8')) as ReproduceManifest;
const summary = readRunFacts(recordDir)!.summary;
const checkout = '/home/me/src/project';
const plan = (overrides = {}, withSummary = true) =>
  planRerun({ manifest, summary: withSummary ? summary : undefined, recordDir, cwd: checkout, overrides, resultsDir: '/home/me/replay' });

describe('planRerun from a real run', () => {
  it('reads the copied config as if it were where it was, with the recorded seed, name and the system QEMU', () => {
    const { inputs, configBaseDir, notes } = plan();
    expect(inputs).toMatchObject({
      config: join(recordDir, 'reproduce-config.toml'),
      seed: '7',
      name: 'qfi',
      qemu: 'system',
      'results-dir': '/home/me/replay',
    });
    expect(configBaseDir).toBe(checkout);
    expect(inputs['qemu-version']).toBeUndefined();
    expect(notes.join('\n')).toMatch(/QEMU: this machine's system QEMU \(the original ran the system's QEMU 7\.2\.\d+\)/);
  });

  it('pins the built-in guest to the one the run recorded (guest-pin), or says this qfi cannot', () => {
    const { inputs, warnings } = plan();
    expect(summary.guest?.pin).toMatch(/kernel=pool\/main\/l\/.*@[0-9a-f]{64}/);
    if (INPUTS.some((i) => i.name === 'guest-pin')) expect((inputs as Record<string, unknown>)['guest-pin']).toBe(summary.guest?.pin);
    else expect(warnings.join('\n')).toMatch(/cannot boot a pinned guest/);
  });

  it('lets flags override what was recorded, adds --fault rules after the recorded ones', () => {
    const { inputs } = plan({ 'test-timeout': '30s', seed: '8', faults: ['net.link=fail'] });
    expect(inputs).toMatchObject({ 'test-timeout': '30s', seed: '8', faults: ['net.link=fail'] });
  });

  it('refuses --config and campaign flags', () => {
    const text = (overrides: object) => {
      try {
        plan(overrides);
      } catch (err) {
        return formatError(err);
      }
      return 'no error';
    };
    expect(text({ config: 'other.toml' })).toMatch(/--config cannot be given to qfi reproduce\nhint: a replay reads the config the run copied/);
    expect(text({ shard: '1/2' })).toMatch(/--shard cannot be given to qfi reproduce/);
  });

  it('without summary.json (the run never finished) leaves QEMU and the guest to the config, and says so', () => {
    const { inputs, warnings } = plan({}, false);
    expect(inputs.qemu).toBeUndefined();
    expect((inputs as Record<string, unknown>)['guest-pin']).toBeUndefined();
    expect(warnings.join('\n')).toMatch(/no summary\.json \(it did not finish\)/);
  });
});
