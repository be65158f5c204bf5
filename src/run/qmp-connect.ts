/**
 * How a run reaches QEMU's QMP socket: QEMU creates it soon after it starts; until it does (or
 * until it accepts), try again every 20 ms, for at most 10 s, and give up at once when QEMU is gone.
 */
import { existsSync } from 'node:fs';
import type { TextSink } from '../core/log-file.js';
import { setTimeout as sleep } from 'node:timers/promises';
import { QmpClient } from './qmp-client.js';

const QMP_CONNECT_MS = 10_000;
const RETRY_MS = 20;

export async function connectQmp(path: string, opts: { log: TextSink; startedAt: number; qemuGone: () => boolean }): Promise<QmpClient> {
  const deadline = Date.now() + QMP_CONNECT_MS;
  for (;;) {
    if (opts.qemuGone()) throw new Error('QEMU exited before its QMP socket was ready');
    if (existsSync(path)) {
      try {
        return await QmpClient.connect(path, { log: opts.log, startedAt: opts.startedAt });
      } catch (err) {
        if (Date.now() > deadline) throw err;
      }
    }
    if (Date.now() > deadline) throw new Error(`no QMP socket at ${path} after ${QMP_CONNECT_MS / 1000} s`);
    await sleep(RETRY_MS);
  }
}

/** Diagnostics for a timeout: QMP query-status and HMP `info registers`. */
export async function captureDiagnostics(qmp: QmpClient, timeoutMs: number): Promise<{ status: unknown; registers: string }> {
  const status = await qmp.execute('query-status', undefined, timeoutMs).catch((e: Error) => ({ error: e.message }));
  const registers = await qmp
    .humanMonitor('info registers', timeoutMs)
    .then((text) => text.replaceAll('\r\n', '\n').trim() + '\n')
    .catch((e: Error) => `unavailable: ${e.message}`);
  return { status, registers };
}
