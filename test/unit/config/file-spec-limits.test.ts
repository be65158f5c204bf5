/** `files` entries on real files: a sparse file over the limit is refused before anything is read. */
import { mkdtempSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileFromLine, MAX_GUEST_FILE_BYTES } from '../../../src/config/file-spec.js';

describe('files: size limit', () => {
  const dir = mkdtempSync(join(tmpdir(), 'qfi-file-spec-'));

  it('takes a file of exactly the limit and refuses one byte more, saying where large data goes', () => {
    writeFileSync(join(dir, 'ok.bin'), '');
    truncateSync(join(dir, 'ok.bin'), MAX_GUEST_FILE_BYTES);
    expect(fileFromLine('path=ok.bin dest=/opt/ok.bin', dir).path).toBe(join(dir, 'ok.bin'));
    writeFileSync(join(dir, 'big.bin'), '');
    truncateSync(join(dir, 'big.bin'), MAX_GUEST_FILE_BYTES + 1);
    expect(() => fileFromLine('path=big.bin dest=/opt/big.bin', dir)).toThrow(
      /file "big\.bin" is 256\.0 MiB; a file copied into the guest may be at most 256 MiB .*/,
    );
  });
});
