/**
 * Names of the files a run leaves in its results folder, in one place: the run stage writes
 * them, observe and the reports read them.
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
