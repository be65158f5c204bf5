import { join } from 'node:path';
import { packageRoot } from '../core/package-root.js';
import type { Plan } from '../plan/types.js';
import type { GuestIdentity } from '../provision/guest/index.js';
import { shellQuote } from '../core/shell-quote.js';
import { REPORT_FILES } from '../core/results-layout.js';
import { writeResultFile } from '../core/log-file.js';

/**
 * reproducer.sh: `qfi reproduce` on the folder the script is in. Written before QEMU starts,
 * so even a run that never finishes leaves a way to run it again. It names no path of the
 * machine that wrote it except, as the last resort, that machine's own qfi: the folder may
 * have been downloaded as an artifact and unpacked anywhere.
 */
export function writeReproducer(plan: Plan, dir: string, guest?: GuestIdentity): string {
  const writer = join(packageRoot(), 'dist', 'cli.js');
  const lines = [
    '#!/usr/bin/env bash',
    `# Re-runs qfi scenario "${plan.scenario}" on this machine with \`qfi reproduce\`: the config copied`,
    '# into this folder, the same rules, seed, guest and QEMU version, into a new results folder',
    '# (<this folder>-reproduced in the current folder); then says whether the verdict and the',
    '# injections matched. Run it from your checkout of the project: relative paths in the config',
    '# resolve against the current folder. Extra arguments go to qfi reproduce (--results-dir DIR...).',
    `# rules: ${plan.canonicalRules.length ? plan.canonicalRules.join(' ') : '(none)'}`,
    `# seed: ${plan.seed}`,
    ...(guest
      ? [
          `# guest: ${guest.kernel.package} ${guest.kernel.version} (${guest.arch === 'x86_64' ? 'vmlinux' : 'Image'} sha256 ${guest.kernelSha256}), ${guest.busybox.package} ${guest.busybox.version}, initramfs sha256 ${guest.initrdSha256}`,
          `# guest pin (summary.json guest.pin, which qfi reproduce passes as --guest-pin): ${guest.pin}`,
        ]
      : []),
    "# qfi is: $QFI (a command, or the path of qfi's dist/cli.js), else `qfi` on PATH, else",
    '# ./node_modules/.bin/qfi, else the qfi that wrote this script, if it is still there.',
    'set -euo pipefail',
    'here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)',
    'if [[ -n "${QFI:-}" ]]; then',
    '  if [[ $QFI == *.js ]]; then qfi=(node "$QFI"); else qfi=("$QFI"); fi',
    'elif command -v qfi >/dev/null; then',
    '  qfi=(qfi)',
    'elif [[ -x node_modules/.bin/qfi ]]; then',
    '  qfi=(node_modules/.bin/qfi)',
    `elif [[ -f ${shellQuote(writer)} ]]; then`,
    `  qfi=(node ${shellQuote(writer)})`,
    'else',
    '  echo "reproducer.sh: qfi not found: set QFI=/path/to/qfi/dist/cli.js, or put qfi on PATH" >&2',
    '  exit 2',
    'fi',
    'exec "${qfi[@]}" reproduce "$here" "$@"',
    '',
  ];
  const path = join(dir, REPORT_FILES.reproducer);
  writeResultFile(path, lines.join('\n'), { mode: 0o755 });
  return path;
}
