/**
 * What a QEMU binary can do for qtest, found out rather than assumed: whether it has the qtest
 * accelerator at all (distribution packages often drop it), and whether its qtest server takes
 * memory-transaction attributes. An older server reads `readb ADDR` and ignores any word after
 * it, so `readb ADDR secure` would quietly be a normal access; a server that knows attributes
 * rejects a word that is not one. The probe sends such a word and trusts only a rejection.
 */
import { execa } from 'execa';
import type { QtestConnection } from './qtest-client.js';
import { diesWithParent } from '../core/child-lifetime.js';

export type QtestAccelProbe = { ok: true } | { ok: false; reason: string };

/** Starts `binary` with the qtest accelerator and asks `endianness` over stdio. */
export async function probeQtestAccel(binary: string, signal?: AbortSignal): Promise<QtestAccelProbe> {
  const child = execa(
    ...diesWithParent(binary, ['-machine', 'none', '-accel', 'qtest', '-nodefaults', '-display', 'none', '-qtest', 'stdio', '-qtest-log', '/dev/null']),
    {
      reject: false,
      stdin: 'pipe',
      timeout: 20_000,
      ...(signal ? { cancelSignal: signal } : {}),
    },
  );
  let answered = false;
  child.stdout?.on('data', (chunk: Buffer) => {
    if (/^OK (big|little)$/m.test(chunk.toString())) {
      answered = true;
      child.kill('SIGTERM');
    }
  });
  child.stdin?.write('endianness\n');
  const r = await child;
  if (answered) return { ok: true };
  const said = String(r.stderr ?? '')
    .trim()
    .split('\n')
    .filter(Boolean)
    .slice(-2)
    .join(' | ');
  return { ok: false, reason: said || (r.timedOut ? 'it did not answer within 20 s' : `it exited with status ${r.exitCode}`) };
}

export type AttrsProbe = { supported: true } | { supported: false; evidence: string };

/** Whether the connected QEMU's qtest server honours attributes (see the file comment). */
export async function probeQtestAttrs(conn: QtestConnection, timeoutMs: number): Promise<AttrsProbe> {
  const probe = 'readb 0x0 qfi-not-an-attribute';
  const answer = await conn.send(probe, timeoutMs);
  if (answer.status !== 'OK') return { supported: true };
  return { supported: false, evidence: `it answered \`${probe}\` with \`${answer.line}\` instead of rejecting the unknown attribute` };
}
