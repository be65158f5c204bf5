/**
 * HTTP(S) downloads into memory with Node's fetch: a timeout when the server stops sending,
 * progress lines for large files, and errors that name the URL. Proxies and extra CA
 * certificates follow Node's own settings (NODE_EXTRA_CA_CERTS).
 */
import { InfraError } from '../../core/errors.js';
import type { Logger } from '../../core/host.js';

export class HttpStatusError extends InfraError {
  constructor(
    readonly url: string,
    readonly status: number,
  ) {
    super(`${url} answered HTTP ${status}`);
  }
}

export interface FetchOptions {
  signal?: AbortSignal;
  /** Progress lines every few seconds, with this label ("guest kernel linux-image-…"). */
  progress?: { log: Logger; label: string };
  /** No byte for this long ends the download (default 30 s). */
  idleTimeoutMs?: number;
  /** Hint for network errors. */
  hint?: string;
}

const MiB = (n: number) => `${(n / 1048576).toFixed(1)} MiB`;

export async function fetchBytes(url: string, opts: FetchOptions = {}): Promise<Buffer> {
  opts.signal?.throwIfAborted();
  const idle = new AbortController();
  const signal = opts.signal ? AbortSignal.any([opts.signal, idle.signal]) : idle.signal;
  const idleMs = opts.idleTimeoutMs ?? 30_000;
  let timer = setTimeout(() => idle.abort(), idleMs);
  const fail = (err: unknown): never => {
    if (opts.signal?.aborted) throw opts.signal.reason ?? err;
    const why = idle.signal.aborted ? `no data for ${idleMs / 1000} s` : String((err as Error).cause ?? (err as Error).message);
    throw new InfraError(`could not download ${url}: ${why}`, { hint: opts.hint, cause: err });
  };
  try {
    let response: Response;
    try {
      response = await fetch(url, { signal });
    } catch (err) {
      return fail(err);
    }
    if (!response.ok || !response.body) throw new HttpStatusError(url, response.status);
    const total = Number(response.headers.get('content-length') ?? 0);
    const chunks: Uint8Array[] = [];
    let received = 0;
    let lastLog = Date.now();
    const reader = response.body.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        clearTimeout(timer);
        timer = setTimeout(() => idle.abort(), idleMs);
        chunks.push(value);
        received += value.length;
        if (opts.progress && Date.now() - lastLog > 5000) {
          lastLog = Date.now();
          opts.progress.log.info(`${opts.progress.label}: ${MiB(received)}${total ? ` of ${MiB(total)}` : ''}`);
        }
      }
    } catch (err) {
      return fail(err);
    }
    return Buffer.concat(chunks);
  } finally {
    clearTimeout(timer);
  }
}
