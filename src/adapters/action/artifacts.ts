import { DefaultArtifactClient } from '@actions/artifact';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
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

/**
 * Why no artifact service is reachable, if none is. A runner gives every action step
 * ACTIONS_RUNTIME_TOKEN. @github/local-action swaps @actions/artifact for a stub that writes
 * `<name>.zip` into LOCAL_ACTION_ARTIFACT_PATH and needs LOCAL_ACTION_WORKSPACE too; once
 * either is set, its own errors name what is missing.
 */
function artifactServiceProblem(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.ACTIONS_RUNTIME_TOKEN || env.LOCAL_ACTION_ARTIFACT_PATH || env.LOCAL_ACTION_WORKSPACE) return undefined;
  return 'no artifact service here (ACTIONS_RUNTIME_TOKEN is not set: this is not a GitHub Actions runner step; under @github/local-action, set LOCAL_ACTION_WORKSPACE and LOCAL_ACTION_ARTIFACT_PATH in the .env file to get the artifact as a zip in that folder)';
}

/** Uploads the results folder. Never throws: an upload problem is a warning, never a verdict. */
export async function uploadResults(dir: string, name: string, log: Logger, env: NodeJS.ProcessEnv = process.env): Promise<boolean> {
  if (!existsSync(dir)) {
    log.warn(`no results folder at ${dir}; nothing to upload`);
    return false;
  }
  const files = listFiles(dir);
  if (!files.length) return false;
  const problem = artifactServiceProblem(env);
  if (problem) {
    log.warn(`could not upload the results as artifact ${name}: ${problem}; the results stay in ${dir}`);
    return false;
  }
  // local-action's stub throws from a stream event handler (an uncaught exception) when its folder is missing.
  const localFolder = env.ACTIONS_RUNTIME_TOKEN ? undefined : env.LOCAL_ACTION_ARTIFACT_PATH;
  const client = new DefaultArtifactClient();
  for (const candidate of [name, `${name}-${randomBytes(3).toString('hex')}`]) {
    try {
      if (localFolder) mkdirSync(localFolder, { recursive: true });
      const { id, size } = await client.uploadArtifact(candidate, files, dir);
      const where = localFolder ? `, written to ${join(localFolder, `${candidate}.zip`)}` : '';
      log.info(`uploaded artifact ${candidate} (${files.length} files, ${size ?? '?'} bytes, id ${id ?? '?'}${where})`);
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
