/**
 * The one way guest assembly runs host tools (apt-cache, apt-get, dpkg-deb, xz, zstd): execa with
 * an argv array (never a shell string) and the caller's AbortSignal. A missing tool and a
 * cancellation become errors here; what a non-zero exit means is the caller's business.
 */
import { execa } from 'execa';
import { InfraError } from '../../core/errors.js';
import { diesWithParent } from '../../core/child-lifetime.js';

export interface ToolOptions {
  cwd?: string;
  signal?: AbortSignal;
  /** Hint for the InfraError thrown when the tool is not installed. */
  missingHint?: string;
  /** Extra environment (merged over the host's). */
  env?: Record<string, string>;
}

export interface ToolResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

function rethrow(file: string, err: unknown, opts: ToolOptions): never {
  const e = err as { isCanceled?: boolean; code?: unknown; shortMessage?: unknown };
  if (e.isCanceled && opts.signal) throw opts.signal.reason ?? err;
  if (e.code === 'ENOENT') {
    throw new InfraError(`${file} not found on this host`, { hint: opts.missingHint, cause: err });
  }
  throw new InfraError(`could not run ${file}: ${String(e.shortMessage ?? err)}`, { cause: err });
}

/** Run a tool to completion and return its text output, whatever its exit code. */
export async function runTool(file: string, args: string[], opts: ToolOptions = {}): Promise<ToolResult> {
  opts.signal?.throwIfAborted();
  let r;
  try {
    r = await execa(...diesWithParent(file, args), {
      cwd: opts.cwd,
      cancelSignal: opts.signal,
      env: { LC_ALL: 'C', ...opts.env },
      stdin: 'ignore',
      reject: false,
    });
  } catch (err) {
    rethrow(file, err, opts);
  }
  // With reject: false a spawn failure or a cancellation comes back as a result without an exit code.
  if (r.isCanceled || r.exitCode === undefined) rethrow(file, r, opts);
  return { exitCode: r.exitCode, stdout: r.stdout, stderr: r.stderr };
}

/** Feed bytes through a filter (`xz -dc`, `zstd -dc`) and return its output bytes. */
export async function filterBytes(file: string, args: string[], input: Uint8Array, opts: ToolOptions = {}): Promise<Uint8Array> {
  opts.signal?.throwIfAborted();
  let r;
  try {
    r = await execa(...diesWithParent(file, args), {
      cancelSignal: opts.signal,
      input,
      encoding: 'buffer',
      stripFinalNewline: false,
      maxBuffer: { stdout: 1024 * 1024 * 1024, stderr: 1024 * 1024 },
      reject: false,
    });
  } catch (err) {
    rethrow(file, err, opts);
  }
  if (r.isCanceled || r.exitCode === undefined) rethrow(file, r, opts);
  if (r.exitCode !== 0) {
    const stderr = Buffer.from(r.stderr).toString('utf8').trim();
    throw new InfraError(`${file} ${args.join(' ')} exited with ${r.exitCode}: ${stderr || 'no message'}`);
  }
  return r.stdout;
}

/** The InfraError for a tool that ran and failed: its command line and the end of its stderr. */
export function toolFailed(file: string, args: string[], r: ToolResult, hint?: string): InfraError {
  const tail = r.stderr.trim().split('\n').slice(-5).join('\n');
  return new InfraError(`${[file, ...args].join(' ')} exited with ${r.exitCode}${tail ? `: ${tail}` : ''}`, { hint });
}
