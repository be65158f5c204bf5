import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../../src/config/index.js';
import { formatError } from '../../../src/core/errors.js';

const cwd = mkdtempSync(join(tmpdir(), 'qfi-disks-'));
writeFileSync(join(cwd, 'my disk.qcow2'), '');
writeFileSync(join(cwd, 'plain.img'), '');

async function disks(inputs: Record<string, string>, files: Record<string, string> = {}) {
  for (const [name, text] of Object.entries(files)) writeFileSync(join(cwd, name), text);
  const { config } = await resolveConfig({ inputs: { command: 'true', ...inputs }, cwd });
  return config.guest.disks;
}
async function error(inputs: Record<string, string>, files: Record<string, string> = {}) {
  try {
    await disks(inputs, files);
  } catch (err) {
    return formatError(err);
  }
  throw new Error('resolved');
}

describe('disks', () => {
  it('reads input lines: sizes, quoted paths, formats from the extension, read-only', async () => {
    expect(await disks({ disks: 'id=data size=64M\npath="my disk.qcow2" read-only=yes\n  path=plain.img  id=x format=raw' })).toEqual([
      { id: 'data', path: undefined, sizeBytes: 64 * 2 ** 20, format: 'raw', readOnly: false, boot: false, snapshot: false },
      { id: 'disk1', path: join(cwd, 'my disk.qcow2'), sizeBytes: undefined, format: 'qcow2', readOnly: true, boot: false, snapshot: false },
      { id: 'x', path: join(cwd, 'plain.img'), sizeBytes: undefined, format: 'raw', readOnly: false, boot: false, snapshot: false },
    ]);
  });

  it('reads [[guest.disks]] tables, paths relative to the config file', async () => {
    const toml = '[test]\ncommand = "x"\n[[guest.disks]]\nid = "data"\nsize = "1G"\nformat = "qcow2"\n[[guest.disks]]\npath = "plain.img"\nread-only = true\n';
    expect(await disks({}, { 'qfi.toml': toml })).toEqual([
      { id: 'data', path: undefined, sizeBytes: 2 ** 30, format: 'qcow2', readOnly: false, boot: false, snapshot: false },
      { id: 'disk1', path: join(cwd, 'plain.img'), sizeBytes: undefined, format: 'raw', readOnly: true, boot: false, snapshot: false },
    ]);
    writeFileSync(join(cwd, 'qfi.toml'), '');
  });

  it('points each mistake at its line with a fix', async () => {
    expect(await error({ disks: 'id=data size=64M\nid=Bad size=1M' })).toMatch(/bad disk id "Bad"[\s\S]*lowercase/);
    expect(await error({ disks: 'id=data' })).toMatch(/disk data: give either path= \(an existing image\) or size= \(a new empty disk\)/);
    expect(await error({ disks: 'id=data size=1000' })).toMatch(/bad disk size "1000"[\s\S]*multiple of 512/);
    expect(await error({ disks: 'id=data path=nope.img' })).toMatch(/image "nope\.img" does not exist/);
    expect(await error({ disks: 'id=data size=1M colour=red' })).toMatch(/unknown disk key `colour`/);
    expect(await error({ disks: 'id=data size=1M\nid=data size=2M' })).toMatch(/two disks have the id `data`/);
    expect(await error({ disks: 'id=a size=1M read-only=true' })).toMatch(/read-only can only be read as zeros/);
    expect(await error({}, { 'qfi.toml': '[test]\ncommand = "x"\n[[guest.disks]]\nid = "data"\nsize = 1.5\n' })).toMatch(
      /qfi\.toml:3:1: error: guest\.disks\[0\]: disk key `size` must be a string or an integer/,
    );
    writeFileSync(join(cwd, 'qfi.toml'), '');
  });
});
