/**
 * Reading a file a user named (qfi.toml, a rules file, a qtest script, a guest file): only a
 * regular file of bounded size, so that a FIFO cannot block qfi, /dev/zero cannot fill its
 * memory and a directory or a device gives a clear error at once. The file is opened without
 * blocking and checked again after opening (it may have been swapped since the first look).
 */
import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import { ConfigError, type SourceLocation } from './errors.js';

export interface InputFileRequest {
  path: string;
  /** The path as messages show it. */
  displayPath: string;
  /** What the file is, for messages: `config file`, `qtest script`. */
  what: string;
  /** Longest file read; a longer one is refused. */
  maxBytes: number;
  /** Where the path was given (the input, or the qfi.toml line). */
  location?: SourceLocation;
}

/** Largest qfi.toml, rules file or qtest script: text written by hand, never near this. */
export const MAX_TEXT_INPUT_BYTES = 1024 * 1024;

/** The file's bytes, or a ConfigError that says what the path is instead and how to fix it. */
export function readInputFile(req: InputFileRequest): Buffer {
  checkInputFile(
    req,
    stat(req, () => statSync(req.path)),
  );
  let fd: number;
  try {
    // O_NONBLOCK: a FIFO swapped in after the check must not block the open.
    fd = openSync(req.path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (err) {
    throw unreadable(req, err);
  }
  try {
    const st = stat(req, () => fstatSync(fd));
    checkInputFile(req, st);
    // One byte more than fstat said: a file that grows while read is noticed, and never read past the limit.
    const buffer = Buffer.alloc(st.size + 1);
    let length = 0;
    for (let n = -1; n !== 0 && length < buffer.length; length += n) n = readSync(fd, buffer, length, buffer.length - length, null);
    if (length > st.size) {
      throw new ConfigError(`${req.what} ${req.displayPath} grew while qfi read it`, {
        ...(req.location ? { location: req.location } : {}),
        hint: 'give a file that is complete (not one still being written)',
      });
    }
    return buffer.subarray(0, length);
  } catch (err) {
    if (err instanceof ConfigError) throw err;
    throw unreadable(req, err);
  } finally {
    closeSync(fd);
  }
}

/** A regular file of at most `maxBytes`, else the ConfigError for what it is. */
export function checkInputFile(req: InputFileRequest, st: Stats): void {
  if (!st.isFile()) {
    throw new ConfigError(`${req.what} ${req.displayPath} is ${fileKind(st)}, not a regular file`, {
      ...(req.location ? { location: req.location } : {}),
      hint: `name a regular file (${req.path})`,
    });
  }
  if (st.size > req.maxBytes) throw tooLarge(req, st.size);
}

/** What a non-regular file is, in words. */
export function fileKind(st: Stats): string {
  if (st.isDirectory()) return 'a directory';
  if (st.isFIFO()) return 'a FIFO (named pipe)';
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  if (st.isSocket()) return 'a socket';
  return 'not a regular file';
}

function stat(req: InputFileRequest, call: () => Stats): Stats {
  try {
    return call();
  } catch (err) {
    throw unreadable(req, err);
  }
}

function tooLarge(req: InputFileRequest, size: number): ConfigError {
  return new ConfigError(`${req.what} ${req.displayPath} is ${formatBytes(size)}; qfi reads at most ${formatBytes(req.maxBytes)} from a ${req.what}`, {
    ...(req.location ? { location: req.location } : {}),
    hint: `check the path (${req.path}): a ${req.what} is text written by hand`,
  });
}

function unreadable(req: InputFileRequest, err: unknown): ConfigError {
  const code = (err as NodeJS.ErrnoException).code;
  const reason = code === 'ENOENT' ? 'does not exist' : `cannot be read (${(err as Error).message})`;
  return new ConfigError(`${req.what} ${req.displayPath} ${reason}`, {
    ...(req.location ? { location: req.location } : {}),
    hint: `check the path (${req.path}); relative paths are resolved from the working directory for inputs ` + "and from the config file's folder in qfi.toml",
    cause: err,
  });
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024 * 1024) return `${(n / 1024 ** 3).toFixed(1)} GiB`;
  if (n >= 1024 * 1024) return `${(n / 1024 ** 2).toFixed(n % (1024 * 1024) === 0 ? 0 : 1)} MiB`;
  if (n >= 1024) return `${(n / 1024).toFixed(n % 1024 === 0 ? 0 : 1)} KiB`;
  return `${n} bytes`;
}

/**
 * UTF-8 text of a file, or where its first invalid byte is: a silently replaced byte would
 * change a rule or a path without a word.
 */
export function decodeUtf8Input(bytes: Uint8Array, req: Pick<InputFileRequest, 'displayPath' | 'what' | 'location'>): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    const before = new TextDecoder('utf-8').decode(bytes.subarray(0, at));
    const line = before.split('\n').length;
    const lineStart = before.lastIndexOf('\n') + 1;
    const lineEnd = bytes.indexOf(0x0a, at);
    const sourceLine = new TextDecoder('utf-8').decode(bytes.subarray(Buffer.byteLength(before.slice(0, lineStart)), lineEnd < 0 ? bytes.length : lineEnd));
    throw new ConfigError(`${req.what} ${req.displayPath} is not UTF-8 text: byte 0x${bytes[at]!.toString(16).padStart(2, '0')} at line ${line}`, {
      location: { ...req.location, file: req.displayPath, line, column: before.length - lineStart + 1, sourceLine: sourceLine.replace(/\r$/, '') },
      hint: 'save the file as UTF-8 (TOML files are UTF-8 by definition)',
    });
  }
}

/** Offset of the first byte of the first ill-formed UTF-8 sequence (the Unicode standard's table 3-7). */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    const length = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    // The second byte's range is narrower after E0, ED, F0 and F4 (no overlongs, surrogates or > U+10FFFF).
    const lo = b === 0xe0 ? 0xa0 : b === 0xf0 ? 0x90 : 0x80;
    const hi = b === 0xed ? 0x9f : b === 0xf4 ? 0x8f : 0xbf;
    if (length === 0 || i + length > bytes.length) return i;
    if (bytes[i + 1]! < lo || bytes[i + 1]! > hi) return i;
    for (let k = 2; k < length; k++) if (bytes[i + k]! < 0x80 || bytes[i + k]! > 0xbf) return i;
    i += length;
  }
  return bytes.length;
}
