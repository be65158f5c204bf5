/**
 * A file qfi writes as a run goes (the console, QEMU's stderr, the QMP transcript) that never
 * takes qfi down: a write error (a full disk, a file system gone read-only) is kept, the writes
 * after it are dropped, and what was written before stays. The run turns the first failure into
 * its infra-error (`writeFailure`), naming the file.
 */
import { createWriteStream, writeFileSync, type WriteStream } from 'node:fs';
import { InfraError } from './errors.js';
import { describeFsError } from './fs-errors.js';

/** Where a transcript writes its lines (a LogFile). */
export interface TextSink {
  write(chunk: string): void;
}

export interface WriteFailure {
  path: string;
  error: NodeJS.ErrnoException;
}

export class LogFile {
  private readonly stream: WriteStream;
  private failed: WriteFailure | undefined;
  private readonly onFailure: ((failure: WriteFailure) => void) | undefined;

  constructor(
    readonly path: string,
    opts: { flags?: string; onFailure?: (failure: WriteFailure) => void } = {},
  ) {
    this.onFailure = opts.onFailure;
    this.stream = createWriteStream(path, { flags: opts.flags ?? 'w' });
    this.stream.on('error', (error: NodeJS.ErrnoException) => this.fail(error));
  }

  /** The first write error, if any. */
  get failure(): WriteFailure | undefined {
    return this.failed;
  }

  write(chunk: string | Uint8Array): void {
    if (this.failed || this.stream.destroyed) return;
    this.stream.write(chunk);
  }

  /** Flushes and closes; resolves (never rejects) once the file is closed or has failed. */
  end(): Promise<void> {
    return new Promise((resolve) => {
      if (this.failed || this.stream.destroyed) return resolve();
      this.stream.once('error', () => resolve());
      this.stream.end(() => resolve());
    });
  }

  private fail(error: NodeJS.ErrnoException): void {
    if (this.failed) return;
    this.failed = { path: this.path, error };
    this.onFailure?.(this.failed);
  }
}

/** `could not write console.log: no space left on the device (ENOSPC); what was written before it is kept`. */
export function describeWriteFailure(failure: WriteFailure): string {
  return `could not write ${failure.path}: ${describeFsError(failure.error)}; what was written before it is kept`;
}

/**
 * writeFileSync for a results file: a write error becomes an InfraError that names the file
 * (Node's own message for a full disk names no path: `ENOSPC: no space left on device, write`).
 */
export function writeResultFile(path: string, data: string | Uint8Array, opts: { mode?: number; flag?: string } = {}): void {
  try {
    writeFileSync(path, data, opts);
  } catch (err) {
    throw new InfraError(`could not write ${path}: ${describeFsError(err)}`, {
      hint: 'free space on that file system (or make it writable), or give a results-dir on another one',
      cause: err,
    });
  }
}
