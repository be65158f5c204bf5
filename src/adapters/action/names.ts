/** Action outputs (action.yml lists the same). */
export enum Outputs {
  Verdict = 'verdict',
  Junit = 'junit',
  ResultsDir = 'results-dir',
  Matrix = 'matrix',
  PlanFile = 'plan-file',
  Scenarios = 'scenarios',
}

/** What main hands to post through the runner's state file. */
export enum State {
  ResultsDir = 'results-dir',
  ArtifactName = 'artifact-name',
  Uploaded = 'uploaded',
  UploadEnabled = 'upload-enabled',
}
