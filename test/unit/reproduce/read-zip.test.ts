import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readZip, ZipFormatError } from '../../../src/reproduce/read-zip.js';

// archiver is what @actions/artifact zips an artifact with (lib/internal/upload/zip.js); it is
// in node_modules as that package's dependency and has no types of its own.
interface Archiver {
  append(data: Buffer | string, opts: { name: string }): void;
  finalize(): Promise<void>;
  pipe(stream: NodeJS.WritableStream): void;
}
const archiver = createRequire(import.meta.url)('archiver') as { create(format: 'zip', opts: Record<string, unknown>): Archiver };

/** A zip made exactly as @actions/artifact makes one (deflate level 6, streamed), or with extra archiver options. */
async function artifactZip(files: Record<string, Buffer | string>, extra: Record<string, unknown> = {}): Promise<Buffer> {
  const zip = archiver.create('zip', { highWaterMark: 8 * 1024 * 1024, zlib: { level: 6 }, ...extra });
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise((resolve) => sink.on('end', resolve));
  zip.pipe(sink);
  for (const [name, data] of Object.entries(files)) zip.append(data, { name });
  await zip.finalize();
  await done;
  return Buffer.concat(chunks);
}

const files = {
  'summary.json': '{"verdict":"fail"}\n',
  'console.log': 'boot\n'.repeat(20_000),
  'empty.txt': '',
  'blkdebug/qfi-data-bd1.conf': '[inject-error]\nevent = "read_aio"\n',
  'binary.bin': randomBytes(70_000),
  'scenarios/storage.read-fäil/reproduce.json': '{}',
  // upload-artifact adds a folder as an empty entry named after it.
  'scenarios/empty/': '',
};

describe('readZip on artifact zips', () => {
  it('reads back every entry of an archiver zip byte for byte, folders included', async () => {
    const entries = readZip(await artifactZip(files));
    expect(entries.map((e) => e.name).sort()).toEqual(Object.keys(files).sort());
    for (const entry of entries) expect(entry.read().equals(Buffer.from(files[entry.name as keyof typeof files]))).toBe(true);
    expect(entries.find((e) => e.name === 'console.log')?.size).toBe(100_000);
  });

  it('reads zip64 archives (archiver forceZip64) and stored entries', async () => {
    for (const extra of [{ forceZip64: true }, { store: true }]) {
      const entries = readZip(await artifactZip(files, extra));
      expect(
        entries
          .find((e) => e.name === 'binary.bin')
          ?.read()
          .equals(files['binary.bin']),
      ).toBe(true);
      expect(entries).toHaveLength(Object.keys(files).length);
    }
  });

  it('refuses what is not a whole zip: not a zip, cut off, damaged data', async () => {
    const zip = await artifactZip(files);
    expect(() => readZip(Buffer.from('{"verdict":"pass","reason":"test command exited with 0"}\n'))).toThrow(/no end-of-central-directory record/);
    expect(() => readZip(zip.subarray(0, 10))).toThrow(/too short for a zip/);
    expect(() => readZip(zip.subarray(0, zip.length - 30))).toThrow(ZipFormatError);
    // A flipped byte inside console.log's deflated data: inflating fails or the CRC does not match.
    const entry = readZip(zip).find((e) => e.name === 'console.log')!;
    const damaged = Buffer.from(zip);
    const at = damaged.indexOf(Buffer.from('console.log')) + 'console.log'.length + 20;
    damaged[at] = damaged[at]! ^ 0xff;
    expect(entry.read().length).toBe(100_000);
    expect(() =>
      readZip(damaged)
        .find((e) => e.name === 'console.log')!
        .read(),
    ).toThrow(/CRC-32 mismatch|cannot be inflated|bytes inflated/);
  });
});
