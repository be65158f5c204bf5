import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stepErrorMarkdown } from '../../../src/adapters/action/error-summary.js';
import { resolveConfig, type RawInputs } from '../../../src/config/index.js';
import { ConfigError, InfraError, UsageError } from '../../../src/core/errors.js';

/** The error qfi's own config stage throws for these inputs. */
async function configError(inputs: RawInputs, cwd = mkdtempSync(join(tmpdir(), 'qfi-err-'))): Promise<unknown> {
  return resolveConfig({ inputs, cwd }).then(
    () => expect.fail('the config was accepted'),
    (err: unknown) => err,
  );
}

describe('the job summary of a step that stopped before a verdict', () => {
  it('names the input of a bad value and shows the text with its hint', async () => {
    const md = stepErrorMarkdown(await configError({ command: 'true', 'test-timeout': 'soon' }));
    expect(md).toMatch(
      /^### qfi: ⚠️ infra-error — the step stopped before a verdict\n\nThe step stopped on a bad value in input `test-timeout`; the `verdict` output is `infra-error`\.\n\n```text\ninput test-timeout: error: bad duration "soon"/,
    );
    expect(md).toMatch(/\nhint: .+\n```\n$/);
  });

  it('points at file:line:col of a config file error, caret included', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'qfi-err-'));
    writeFileSync(join(cwd, 'qfi.toml'), '[test]\ncommand = "true"\nboot_timeout = "later"\n');
    const md = stepErrorMarkdown(await configError({ config: 'qfi.toml' }, cwd));
    expect(md).toContain('The step stopped on a configuration error at `qfi.toml:3:16`');
    expect(md).toContain('3 | boot_timeout = "later"\n  |                ^');
  });

  it('says which kind of problem it was', () => {
    expect(stepErrorMarkdown(new UsageError('mode `run` takes no merge-from', { location: { input: 'merge-from' } }))).toContain(
      'on a bad input in input `merge-from`;',
    );
    expect(stepErrorMarkdown(new InfraError('qemu-system-x86_64 was not found on PATH'))).toContain('on an infrastructure problem;');
    expect(stepErrorMarkdown(new ConfigError('bad rule', { location: { file: 'ci/qfi.toml', line: 4, input: 'faults' } }))).toContain(
      'at `ci/qfi.toml:4` (input `faults`);',
    );
    expect(stepErrorMarkdown(new RangeError('oops'))).toContain('on an unexpected error (a bug in qfi: please report it with this text);');
  });

  it('fences the text so backticks in it cannot end the block', () => {
    const md = stepErrorMarkdown(new InfraError('the log said ```boom```'));
    expect(md).toContain('\n````text\nerror: the log said ```boom```\n````\n');
  });
});
