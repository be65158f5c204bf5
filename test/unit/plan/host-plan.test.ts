import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveConfig, type RawInputs } from '../../../src/config/index.js';
import { formatError } from '../../../src/core/errors.js';
import type { Provisioned } from '../../../src/provision/types.js';
import { makePlan } from '../../../src/plan/make-plan.js';
import { buildQemuArgv } from '../../../src/run/qemu-argv.js';

const cwd = mkdtempSync(join(tmpdir(), 'qfi-host-plan-'));

async function plan(inputs: RawInputs) {
  const { config } = await resolveConfig({ inputs: { command: 'true', ...inputs }, cwd });
  return makePlan(config, 'token');
}
async function refusal(inputs: RawInputs): Promise<string> {
  try {
    await plan(inputs);
  } catch (err) {
    return formatError(err);
  }
  throw new Error('planned');
}

describe('host plan', () => {
  it('keeps host rules from the guest: fw_cfg gets only guest rules, the agent waits at test start and at rule markers', async () => {
    const p = await plan({ disks: 'id=data size=1M', faults: 'alloc.frame=fail\nblock.read[on=ready-to-break]=fail\nvm.nmi[after=2s]=fail' });
    expect(p.guestRules).toEqual(['alloc.frame=fail']);
    expect(p.canonicalRules).toEqual(['alloc.frame=fail', 'block.read[on=ready-to-break]=fail', 'vm.nmi[after=2s]=fail']);
    expect(p.host.hostRules.map((r) => [r.id, r.text])).toEqual([
      ['h1', 'block.read[on=ready-to-break]=fail'],
      ['h2', 'vm.nmi[after=2s]=fail'],
    ]);
    expect(p.host).toMatchObject({ syncTestStart: true, syncMarkers: ['ready-to-break'], startPaused: false, rebootOnReset: false });
    expect(p.append).toMatch(/ qfi\.sync=1/);
    expect(p.fwCfg).toContainEqual({ name: 'opt/qfi/sync-markers', content: 'ready-to-break\n' });
  });

  it('a block rule without disk= applies to every disk', async () => {
    const p = await plan({ disks: 'id=a size=1M\nid=b size=1M', faults: 'block.write=fail' });
    expect(p.host.hostRules.map((r) => [r.id, r.layer === 'block' && r.disk])).toEqual([
      ['h1a', 'a'],
      ['h1b', 'b'],
    ]);
  });

  it('refuses rules the machine cannot serve, naming the rule and the fix', async () => {
    expect(await refusal({ faults: 'block.read=fail' })).toMatch(
      /rule block\.read=fail cannot be carried out: the guest has no disks for block rules[\s\S]*hint: add a disk[\s\S]*rules-file/,
    );
    expect(await refusal({ disks: 'id=data size=1M', faults: 'block.read[disk=logs]=fail' })).toMatch(/there is no disk `logs`[\s\S]*the disks are data/);
    expect(await refusal({ faults: 'net.link=fail' })).toMatch(
      /input network: error: rule net\.link=fail cannot be carried out: the guest has no network card[\s\S]*network: user/,
    );
    expect(await refusal({ disks: 'id=data size=1M', faults: 'block.read=fail-after:300\nblock.write=fail-after:300' })).toMatch(
      /need 90601 blkdebug states, more than 50000/,
    );
    writeFileSync(join(cwd, 'ro.img'), '');
    expect(await refusal({ disks: `id=ro path=${join(cwd, 'ro.img')} read-only=true`, faults: 'block.write=fail' })).toMatch(
      /rule block\.write=fail can never fire: disk ro is read-only/,
    );
  });

  it('QEMU gets file -> format -> virtio-blk per disk, the block trace, -S for boot rules, and a NIC for net rules', async () => {
    const p = await plan({
      disks: 'id=data size=1M format=qcow2',
      network: 'user',
      faults: 'block.read[from=boot]=fail\nnet.link=fail\nvm.reset[after=5s]=fail',
    });
    const provisioned = {
      qemuBinary: 'qemu',
      accel: 'tcg',
      firmwareDirs: [],
      bios: undefined,
      kernel: 'k',
      initrd: 'i',
      plugins: [],
      disks: [{ id: 'data', image: '/x/data.qcow2' }],
    } as unknown as Provisioned;
    const argv = buildQemuArgv(p, provisioned, {
      qmpSocket: '/q',
      fwCfgFiles: new Map(p.fwCfg.map((e) => [e.name, `/f/${e.name}`])),
      blockTrace: '/r/block-trace.log',
    });
    const text = argv.join(' ');
    expect(text).toContain(
      '-blockdev {"driver":"file","node-name":"qfi-data-file","filename":"/x/data.qcow2"} -blockdev {"driver":"qcow2","node-name":"qfi-data","file":"qfi-data-file"}',
    );
    expect(text).toContain('-device virtio-blk-pci,drive=qfi-data,id=qfi-disk-data,serial=data,rerror=report,werror=report,request-merging=off');
    expect(text).toContain('-netdev user,id=qfi-net0 -device virtio-net-pci,netdev=qfi-net0,id=qfi-nic0');
    expect(text).toContain('-trace enable=virtio_blk_rw_complete');
    expect(text).toContain('-D /r/block-trace.log -msg timestamp=on');
    expect(argv).toContain('-S');
    expect(argv).not.toContain('-no-reboot'); // vm.reset: the guest reboots
  });
});
