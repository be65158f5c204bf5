import { describe, expect, it } from 'vitest';
import { InfraError } from '../../../src/core/errors.js';
import { filterBytes, runTool, toolFailed } from '../../../src/provision/guest/run-tool.js';

describe('runTool / filterBytes', () => {
  it('returns output and exit code without throwing on failure', async () => {
    const r = await runTool('sh', ['-c', 'echo out; echo err >&2; exit 7']);
    expect(r).toEqual({ exitCode: 7, stdout: 'out', stderr: 'err' });
    expect(toolFailed('sh', ['-c', 'x'], r, 'try again').message).toBe('sh -c x exited with 7: err');
  });

  it('turns a missing tool into an InfraError with the given hint', async () => {
    await expect(runTool('qfi-no-such-tool', [], { missingHint: 'install it' })).rejects.toMatchObject({
      message: 'qfi-no-such-tool not found on this host',
      hint: 'install it',
    });
  });

  it('kills the child and rejects with the abort reason when the signal fires', async () => {
    const ac = new AbortController();
    const t = performance.now();
    setTimeout(() => ac.abort(new Error('user cancelled')), 50);
    await expect(runTool('sleep', ['10'], { signal: ac.signal })).rejects.toThrow('user cancelled');
    expect(performance.now() - t).toBeLessThan(5_000);
  });

  it('pipes bytes through a filter and reports its failure', async () => {
    expect(Buffer.from(await filterBytes('cat', [], Buffer.from('abc'))).toString()).toBe('abc');
    await expect(filterBytes('xz', ['-dc'], Buffer.from('not xz'))).rejects.toThrow(InfraError);
    await expect(filterBytes('xz', ['-dc'], Buffer.from('not xz'))).rejects.toThrow(/xz -dc exited with 1: .*format/);
  });
});
