import { DefaultArtifactClient } from '@actions/artifact';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Logger } from '../../core/host.js';

/** Characters upload-artifact refuses in a name. */
const badNameChars = /["<>|*?\\/:\r\n]/g;

export function toArtifactName(name: string): string {
  return name.replace(badNameChars, '-').slice(0, 200);
}

/**
 * Default name: scenario + job id. Matrix jobs share a job id, so a name that is already
 * taken gets a random suffix on upload (see uploadResults); pass artifact-name with a
 * matrix value for stable names.
 */
export function defaultArtifactName(scenario: string, env: NodeJS.ProcessEnv = process.env): string {
  const parts = scenario === 'qfi' ? ['qfi'] : ['qfi', scenario];
  return toArtifactName([...parts, env.GITHUB_JOB].filter(Boolean).join('-'));
}

/** Every regular file under `dir` (a campaign keeps each scenario in scenarios/<id>/). */
function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return listFiles(path);
    return entry.isFile() && statSync(path).isFile() ? [path] : [];
  });
}

/** Uploads the results folder. Never throws: an upload problem is a warning, never a verdict. */
export async function uploadResults(dir: string, name: string, log: Logger): Promise<boolean> {
  if (!existsSync(dir)) {
    log.warn(`no results folder at ${dir}; nothing to upload`);
    return false;
  }
  const files = listFiles(dir);
  if (!files.length) return false;
  const client = new DefaultArtifactClient();
  for (const candidate of [name, `${name}-${randomBytes(3).toString('hex')}`]) {
    try {
      const { id, size } = await client.uploadArtifact(candidate, files, dir);
      log.info(`uploaded artifact ${candidate} (${files.length} files, ${size ?? '?'} bytes, id ${id ?? '?'})`);
      return true;
    } catch (err) {
      const message = (err as Error).message;
      if (candidate === name && /already exists|conflict|409/i.test(message)) continue;
      log.warn(`could not upload the results as artifact ${candidate}: ${message}`);
      return false;
    }
  }
  return false;
}
