import type { Logger } from '../../src/core/host.js';

/** A Logger that keeps every message as `level: text` in `lines`, for tests that check what was said. */
export function recordingLogger(lines: string[]): Logger {
  return {
    info: (m) => lines.push(`info: ${m}`),
    warn: (m) => lines.push(`warn: ${m}`),
    error: (m) => lines.push(`error: ${m}`),
    debug: (m) => lines.push(`debug: ${m}`),
    group: (_t, fn) => fn(),
  };
}
