/**
 * File inputs on real files of every kind: a FIFO (mkfifo), /dev/zero, a folder, a sparse 1 GiB
 * file, bytes that are not UTF-8. Each is refused at once with a ConfigError naming the input.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, formatError } from '../../../src/core/errors.js';
import { decodeUtf8Input, firstInvalidUtf8, MAX_TEXT_INPUT_BYTES, readInputFile } from '../../../src/core/input-file.js';

const dir = mkdtempSync(join(tmpdir(), 'qfi-input-file-'));
const request = (path: string) => ({ path, displayPath: path, what: 'config file', maxBytes: MAX_TEXT_INPUT_BYTES, location: { input: 'config' } });

function refusal(path: string): string {
  const started = Date.now();
  try {
    readInputFile(request(path));
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    expect(Date.now() - started).toBeLessThan(1_000);
    return formatError(err);
  }
  throw new Error(`${path} was read`);
}

describe('readInputFile', () => {
  it('refuses a FIFO without opening it for a blocking read', () => {
    const fifo = join(dir, 'fifo');
    execFileSync('mkfifo', [fifo]);
    expect(refusal(fifo)).toMatch(/^input config: error: config file .*fifo is a FIFO \(named pipe\), not a regular file$/m);
  });

  it('refuses /dev/zero, a folder and a file over the limit, saying what each is', () => {
    expect(refusal('/dev/zero')).toMatch(/config file \/dev\/zero is a character device, not a regular file/);
    mkdirSync(join(dir, 'folder'));
    expect(refusal(join(dir, 'folder'))).toMatch(/is a directory, not a regular file/);
    const big = join(dir, 'big');
    writeFileSync(big, '');
    truncateSync(big, 1024 ** 3);
    expect(refusal(big)).toMatch(/config file .*big is 1\.0 GiB; qfi reads at most 1 MiB from a config file/);
    expect(refusal(join(dir, 'missing'))).toMatch(/config file .*missing does not exist/);
  });

  it('reads a regular file whole, up to the limit', () => {
    const file = join(dir, 'ok.toml');
    writeFileSync(file, 'x'.repeat(MAX_TEXT_INPUT_BYTES));
    expect(readInputFile(request(file)).length).toBe(MAX_TEXT_INPUT_BYTES);
  });
});

describe('decodeUtf8Input', () => {
  it('points at the first byte that is not UTF-8, with its line and column', () => {
    const bytes = Buffer.concat([Buffer.from('name = "ok"\narch = "x'), Buffer.from([0xff]), Buffer.from('"\n')]);
    let text = '';
    try {
      decodeUtf8Input(bytes, { displayPath: 'qfi.toml', what: 'config file' });
    } catch (err) {
      text = formatError(err);
    }
    expect(text.split('\n')[0]).toBe('qfi.toml:2:10: error: config file qfi.toml is not UTF-8 text: byte 0xff at line 2');
    expect(text.split('\n')[2]).toBe('  |          ^');
  });

  it('finds ill-formed sequences as the Unicode standard defines them', () => {
    const at = (...b: number[]) => firstInvalidUtf8(Uint8Array.from(b));
    expect(at(0x61, 0xc3, 0xa9, 0xe2, 0x82, 0xac, 0xf0, 0x9f, 0x98, 0x80)).toBe(10); // a é € 😀
    expect(at(0x61, 0xc0, 0x80)).toBe(1); // overlong
    expect(at(0xed, 0xa0, 0x80)).toBe(0); // a surrogate
    expect(at(0x61, 0x62, 0xe2, 0x82)).toBe(2); // cut short
    expect(at(0xf4, 0x90, 0x80, 0x80)).toBe(0); // above U+10FFFF
  });
});
