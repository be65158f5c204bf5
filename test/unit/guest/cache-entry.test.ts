import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { COMPLETE_MARKER, ensureCacheEntry, isCacheEntryComplete } from '../../../src/provision/guest/cache-entry.js';

const work = mkdtempSync(join(tmpdir(), 'qfi-cache-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('ensureCacheEntry', () => {
  it('builds once, then reuses the entry', async () => {
    const dir = join(work, 'once');
    let builds = 0;
    const build = async (w: string) => {
      builds += 1;
      writeFileSync(join(w, 'data'), 'x');
    };
    expect(await ensureCacheEntry(dir, build)).toBe(true);
    expect(await ensureCacheEntry(dir, build)).toBe(false);
    expect(builds).toBe(1);
    expect(readdirSync(dir).sort()).toEqual([COMPLETE_MARKER, 'data']);
  });

  it('redoes an entry that has no marker (interrupted or damaged)', async () => {
    const dir = join(work, 'half');
    mkdirSync(dir);
    writeFileSync(join(dir, 'stale'), 'half-written');
    await ensureCacheEntry(dir, async (w) => writeFileSync(join(w, 'data'), 'y'));
    expect(readdirSync(dir).sort()).toEqual([COMPLETE_MARKER, 'data']);
  });

  it('leaves nothing behind when the build fails', async () => {
    const dir = join(work, 'fails');
    await expect(
      ensureCacheEntry(dir, async (w) => {
        writeFileSync(join(w, 'data'), 'z');
        throw new Error('download failed');
      }),
    ).rejects.toThrow('download failed');
    expect(existsSync(dir)).toBe(false);
    expect(readdirSync(work).filter((n) => n.startsWith('fails'))).toEqual([]);
  });

  it('removes the work folder of a build whose process died', async () => {
    const dir = join(work, 'crashed');
    const dead = join(work, 'crashed.partial-999999999-abcd');
    mkdirSync(dead);
    await ensureCacheEntry(dir, async () => {});
    expect(existsSync(dead)).toBe(false);
    expect(isCacheEntryComplete(dir)).toBe(true);
  });

  it('lets two concurrent builds of the same entry both succeed', async () => {
    const dir = join(work, 'race');
    const build = (v: string) => async (w: string) => {
      await new Promise((r) => setTimeout(r, 20));
      writeFileSync(join(w, 'data'), v);
    };
    await Promise.all([ensureCacheEntry(dir, build('a')), ensureCacheEntry(dir, build('b'))]);
    expect(isCacheEntryComplete(dir)).toBe(true);
    expect(readdirSync(work).filter((n) => n.startsWith('race.partial'))).toEqual([]);
  });
});
