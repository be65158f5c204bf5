/**
 * Every example and README workflow installs what its qfi steps need on ubuntu-24.04: the system
 * QEMU for a guest, install-deps plus firmware for a QEMU build, qemu-utils for qemu-img. The
 * needs are qfi's own answer (runner-needs.ts: resolveConfig, planCampaign, makePlan), and edits
 * of the real files show the check fails when a step or package is missing.
 */
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkWorkflowInstalls, stepNeeds } from './runner-needs.js';
import { examplesDir, workflowSources } from './sources.js';

const example = (file: string) => readFileSync(join(examplesDir, file), 'utf8');
/** `text` with `from` replaced, which must be in it (so an edit of the file cannot silently stop applying). */
function edited(text: string, from: string, to: string): string {
  expect(text).toContain(from);
  return text.replace(from, to);
}

describe.each(workflowSources())('$name', (source) => {
  it('installs what its qfi steps need on ubuntu-24.04', async () => {
    expect(await checkWorkflowInstalls(source.name, source.text)).toEqual([]);
  });
});

describe('the install check', () => {
  it('wants the system QEMU for a guest on it, per matrix row', async () => {
    const smoke = edited(example('pr-smoke.yml'), 'qemu-system-x86\n', 'cpio\n');
    expect(await checkWorkflowInstalls('pr-smoke.yml', smoke)).toEqual([
      expect.stringMatching(/job smoke step 3 installs no qemu-system-x86, but mode run boots a x86_64 guest on the system QEMU/),
    ]);
    const own = edited(example('own-kernel.yml'), 'qemu-package: qemu-system-arm', 'qemu-package: qemu-system-x86');
    expect(await checkWorkflowInstalls('own-kernel.yml', own)).toEqual([expect.stringMatching(/\[arch=aarch64 .*\] step 4 installs no qemu-system-arm/)]);
  });

  it('asks makePlan whether QEMU is built: a plugin rule makes the smoke test a build', async () => {
    const smoke = edited(example('pr-smoke.yml'), 'alloc.frame=fail-after:3\n', 'alloc.frame=fail-after:3\n            mem.flip[at=insn:1000000]=fail\n');
    const problems = await checkWorkflowInstalls('pr-smoke.yml', smoke);
    // Its qemu-system-x86 brings the firmware (it depends on qemu-system-data and seabios).
    expect(problems).toEqual([expect.stringMatching(/step 3 does not set install-deps: true, but mode run builds QEMU \(the run has plugin rules/)]);
  });

  it('wants install-deps, firmware and qemu-utils for the snapshot study', async () => {
    const text = example('nightly-snapshot.yml');
    const noDeps = edited(text, '          install-deps: true\n', '');
    expect(await checkWorkflowInstalls('nightly-snapshot.yml', noDeps)).toEqual(
      // One line per matrix job of the plan (200 trials / 25 per job): the rows come from planCampaign's matrix.
      Array.from({ length: 8 }, (_, i) =>
        expect.stringMatching(
          new RegExp(`job flips \\[id=\\S+ shard=${i + 1}/8\\] step 4 does not set install-deps: true, but a snapshot campaign builds QEMU`),
        ),
      ),
    );
    const noImg = edited(text, 'seabios qemu-utils', 'seabios');
    expect((await checkWorkflowInstalls('nightly-snapshot.yml', noImg))[0]).toMatch(
      /installs no qemu-utils \(qemu-img\), but .*saves its state in a qcow2 file/,
    );
    const lateApt = edited(text, 'sudo apt-get update && sudo apt-get install', 'sudo apt-get install');
    expect(await checkWorkflowInstalls('nightly-snapshot.yml', lateApt)).toContainEqual(expect.stringMatching(/apt-get install without apt-get update first/));
  });

  it('wants the x86 firmware for a qtest build on pc, not on virt', async () => {
    const text = edited(example('qtest-devices.yml'), "if: matrix.arch == 'x86_64'", "if: matrix.arch == 'aarch64'");
    expect(await checkWorkflowInstalls('qtest-devices.yml', text)).toEqual([
      expect.stringMatching(
        /\[arch=x86_64 .*\] step 4 installs no qemu-system-data or seabios .*mode qtest with qemu auto: Ubuntu's QEMU has no qtest accelerator/,
      ),
    ]);
  });

  it('knows from planCampaign that a plan boots only for a probe run', async () => {
    const given = await stepNeeds({ mode: 'plan', config: 'campaign.toml' });
    expect([given.needs.systemQemu, given.needs.build]).toEqual([undefined, undefined]);
    expect(given.plan?.matrix.include.length).toBeGreaterThan(0);
    // The same config without its [[fault_injection.points]]: qfi must ask the guest for them.
    const dir = mkdtempSync(join(tmpdir(), 'qfi-needs-test-'));
    const toml = readFileSync(join(examplesDir, 'campaign.toml'), 'utf8');
    const withoutPoints = toml.slice(0, toml.indexOf('[[fault_injection.points]]')) + toml.slice(toml.indexOf('[report]'));
    writeFileSync(join(dir, 'campaign.toml'), withoutPoints);
    const probed = await stepNeeds({ mode: 'plan', config: join(dir, 'campaign.toml') });
    expect(probed.needs).toMatchObject({ systemQemu: 'x86_64', why: ['mode plan: its probe run boots a x86_64 guest on the system QEMU'] });
  });
});
