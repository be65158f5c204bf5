/**
 * Names of the files a results folder holds, in one place: the run stage writes RESULTS_FILES,
 * provision the QEMU build's log, the report stage REPORT_FILES and the replay record; observe,
 * reproduce, parse and the modes read them.
 */
export const RESULTS_FILES = {
  console: 'console.log',
  qemuStderr: 'qemu-stderr.log',
  qmpLog: 'qmp.log',
  /** HMP `info registers`, captured when a timeout stops QEMU. */
  registers: 'registers.txt',
  /** What qfi's plugin injected (one JSON object a line); host lines are appended after the run. */
  injections: 'injections.jsonl',
  /** QEMU's block trace (-D), when the run has block rules or counts requests. */
  blockTrace: 'block-trace.log',
  /** The blkdebug configurations of each disk swap (a folder). */
  blkdebug: 'blkdebug',
  /** The guest's `results-file`, as its agent handed it over. */
  guestResults: 'guest-results.txt',
  /** qemu-guest-agent runs: the conversation, and the command's output. */
  qgaTranscript: 'qga.log',
  commandStdout: 'command-stdout.log',
  commandStderr: 'command-stderr.log',
} as const;

/** A QEMU build's log, kept in the results folder of the run that built it. */
export const QEMU_BUILD_LOG = 'qemu-build.log';

/** What the report stage writes: a run's reports, a campaign's, and reproducer.sh. */
export const REPORT_FILES = {
  junit: 'junit.xml',
  /** A campaign's part (one scenario, one shard): never counted beside the campaign's junit.xml. */
  partJunit: 'part-junit.xml',
  summaryJson: 'summary.json',
  summaryMarkdown: 'summary.md',
  reproducer: 'reproducer.sh',
  campaign: 'campaign.json',
  plan: 'plan.json',
  matrix: 'matrix.json',
} as const;

/** The replay record a run keeps (`qfi reproduce` reads it), and the replay's comparison. */
export const REPRODUCE_FILES = {
  manifest: 'reproduce.json',
  config: 'reproduce-config.toml',
  rulesFile: 'reproduce-rules.toml',
  /** Written by `qfi reproduce` into its own results folder. */
  comparison: 'comparison.json',
} as const;

/** Every file and folder one run's results folder may hold: removed before a run, so stale results never mix in. */
export function runResultNames(): string[] {
  const { junit, partJunit, summaryJson, summaryMarkdown, reproducer } = REPORT_FILES;
  return [junit, partJunit, summaryJson, summaryMarkdown, reproducer, QEMU_BUILD_LOG, ...Object.values(RESULTS_FILES), ...Object.values(REPRODUCE_FILES)];
}
