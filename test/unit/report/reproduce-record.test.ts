import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../../src/config/index.js';
import { recordedInputs, REPRODUCE_FILES, writeReproduceRecord, type ReproduceManifest } from '../../../src/report/reproduce-record.js';

const RUSTOS = new URL('../../fixtures/config/rustos.toml', import.meta.url).pathname;

/** A workspace as CI checks it out: ci/qfi.toml reading the project's config/rustos.toml. */
function workspace(): string {
  const ws = mkdtempSync(join(tmpdir(), 'qfi-record-'));
  mkdirSync(join(ws, 'ci'));
  mkdirSync(join(ws, 'config'));
  copyFileSync(RUSTOS, join(ws, 'config/rustos.toml'));
  writeFileSync(
    join(ws, 'ci/qfi.toml'),
    '[test]\ncommand = "true"\n\n[fault_injection]\nrules_file = "../config/rustos.toml"\nrules = ["storage.read=fail"]\n',
  );
  return ws;
}

async function record(ws: string, inputs: Record<string, string | string[]>) {
  const { config } = await resolveConfig({ inputs, cwd: ws });
  const dir = mkdtempSync(join(tmpdir(), 'qfi-record-results-'));
  writeReproduceRecord(config, { inputs, cwd: ws }, dir);
  return { dir, manifest: JSON.parse(readFileSync(join(dir, REPRODUCE_FILES.manifest), 'utf8')) as ReproduceManifest };
}

describe('writeReproduceRecord', () => {
  it('copies the config file and the rules file it names, byte for byte, and says where they were', async () => {
    const ws = workspace();
    const { dir, manifest } = await record(ws, { config: 'ci/qfi.toml', seed: '9', faults: 'a.b=fail' });
    expect(readFileSync(join(dir, REPRODUCE_FILES.config)).equals(readFileSync(join(ws, 'ci/qfi.toml')))).toBe(true);
    expect(readFileSync(join(dir, REPRODUCE_FILES.rulesFile)).equals(readFileSync(RUSTOS))).toBe(true);
    expect(manifest).toMatchObject({
      schema: 1,
      scenario: 'qfi',
      seed: 9,
      cwd: ws,
      config: { copy: REPRODUCE_FILES.config, file: 'ci/qfi.toml', baseDir: 'ci' },
      rulesFile: { copy: REPRODUCE_FILES.rulesFile, file: 'config/rustos.toml' },
      inputs: { faults: ['a.b=fail'] },
    });
  });

  it("takes the rules file from the input over the config's, and records a random seed as chosen", async () => {
    const ws = workspace();
    writeFileSync(join(ws, 'other.toml'), '[fault_injection]\nrules = ["x.y=fail"]\n');
    const { dir, manifest } = await record(ws, { config: 'ci/qfi.toml', 'rules-file': 'other.toml' });
    expect(readFileSync(join(dir, REPRODUCE_FILES.rulesFile), 'utf8')).toContain('x.y=fail');
    expect(manifest.rulesFile?.file).toBe('other.toml');
    expect(Number.isInteger(manifest.seed)).toBe(true);
  });

  it('without a config file records no copy', async () => {
    const ws = mkdtempSync(join(tmpdir(), 'qfi-record-'));
    const { manifest } = await record(ws, { command: 'true' });
    expect(manifest).toMatchObject({ config: null, rulesFile: null, inputs: { command: 'true' } });
  });
});

describe('recordedInputs', () => {
  const ws = '/home/runner/work/p/p';
  it('keeps paths inside the workspace relative to it, and every other value as given', () => {
    const recorded = recordedInputs(
      {
        kernel: `${ws}/build/bzImage`,
        bios: '/usr/share/ovmf/OVMF.fd',
        disks: `id=data path=${ws}/disk.img\nid=scratch size=64M`,
        files: [`path="${ws}/my tests/t" dest=/root/t`],
        'qemu-patches': [`${ws}/patches/a.patch`, 'b.patch'],
        qemu: `${ws}/qemu/bin/qemu-system-x86_64`,
        command: `cd ${ws} && make check`,
        'test-timeout': ' 30s\n',
      },
      ws,
    );
    expect(recorded).toEqual({
      kernel: 'build/bzImage',
      bios: '/usr/share/ovmf/OVMF.fd',
      disks: ['id=data path=disk.img', 'id=scratch size=64M'],
      files: ['path="my tests/t" dest=/root/t'],
      'qemu-patches': ['patches/a.patch', 'b.patch'],
      qemu: 'qemu/bin/qemu-system-x86_64',
      command: `cd ${ws} && make check`, // a guest command: never rewritten
      'test-timeout': '30s',
    });
  });

  it('drops what reproduce sets itself, campaign-wide inputs and blank inputs (the action sends every input)', () => {
    expect(
      recordedInputs(
        {
          config: 'qfi.toml',
          'rules-file': 'r.toml',
          'results-dir': 'out',
          seed: '1',
          shard: '1/2',
          mode: 'run',
          points: 'a.b',
          append: '',
          faults: ['', ' '],
          qemu: 'auto',
        },
        ws,
      ),
    ).toEqual({ qemu: 'auto' });
  });
});
