/**
 * The stale-run sweep against real processes: a `sleep` stands for the QEMU a killed qfi left
 * (its command line names the private folder, as QEMU's socket paths do), and a folder named
 * for a process that has ended stands for the killed qfi's.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../src/core/host.js';
import { identityOf, isRunning, ownerTag } from '../../../src/core/process-identity.js';
import { PRIVATE_DIR_PREFIX, recordQemu, sweepStaleRuns } from '../../../src/run/stale-runs.js';

const parent = mkdtempSync(join(tmpdir(), 'qfi-sweep-'));
const children: ChildProcess[] = [];
afterAll(() => children.forEach((c) => c.kill('SIGKILL')));

function endedProcess(): { pid: number; start: string } {
  const child = spawnSync('sh', ['-c', 'echo $$; cat /proc/$$/stat']);
  const [pid, stat] = child.stdout.toString().split('\n');
  return { pid: Number(pid), start: stat!.slice(stat!.lastIndexOf(')') + 2).split(' ')[19]! };
}

/** A process that names `dir` on its command line, as a run's QEMU does. */
function fakeQemu(dir: string): ChildProcess {
  const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 600_000)', join(dir, 'qmp.sock')], { stdio: 'ignore' });
  children.push(child);
  return child;
}

async function gone(child: ChildProcess): Promise<boolean> {
  for (let i = 0; i < 50 && child.exitCode === null && child.signalCode === null; i++) await new Promise((r) => setTimeout(r, 20));
  return child.signalCode === 'SIGKILL';
}

describe('sweepStaleRuns', () => {
  it("kills the QEMU of a run whose qfi is gone and removes the run's folder", async () => {
    const dir = join(parent, `${PRIVATE_DIR_PREFIX}${ownerTag(endedProcess())}-abc123`);
    mkdirSync(dir);
    const qemu = fakeQemu(dir);
    await new Promise((r) => setTimeout(r, 100));
    recordQemu(dir, qemu.pid!);
    sweepStaleRuns(silentLogger, parent);
    expect(await gone(qemu)).toBe(true);
    expect(existsSync(dir)).toBe(false);
  });

  it('leaves a live run alone, and never kills a process that does not name the folder', async () => {
    const mine = join(parent, `${PRIVATE_DIR_PREFIX}${ownerTag()}-live01`);
    mkdirSync(mine);
    const stranger = spawn('sleep', ['600'], { stdio: 'ignore' });
    children.push(stranger);
    await new Promise((r) => setTimeout(r, 100));
    const dead = join(parent, `${PRIVATE_DIR_PREFIX}${ownerTag(endedProcess())}-dead01`);
    mkdirSync(dead);
    const id = identityOf(stranger.pid!)!;
    writeFileSync(join(dead, 'qemu.pids'), `${id.pid} ${id.start}\n`);
    sweepStaleRuns(silentLogger, parent);
    expect(existsSync(mine)).toBe(true);
    expect(existsSync(dead)).toBe(false);
    expect(isRunning(id)).toBe(true);
  });
});
