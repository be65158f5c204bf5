#!/usr/bin/env bash
# Records real guest consoles as parser fixtures: each scenario is run on the built-in guest
# with the shipped CLI; console.log and what the parser needs (token, verdict) are copied to
# test/fixtures/console/. Re-run after changing the agent or the guest kernel.
# Usage: scripts/record-console-fixtures.sh [NAME…] (only those; default all).
set -euo pipefail
cd "$(dirname "$0")/.."
out=test/fixtures/console
mkdir -p "$out"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

only=" $* "
record() {
  local name=$1; shift
  [ "$only" = "  " ] || [[ "$only" == *" $name "* ]] || return 0
  node dist/cli.js run --quiet --name "$name" --results-dir "$work/$name" "$@" >/dev/null 2>&1 || true
  cp "$work/$name/console.log" "$out/$name.log"
  node -e '
    const s = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    const token = s.fwCfg.find((e) => e.name === "opt/qfi/token").content;
    const meta = { recordedWith: process.argv[2], kernel: s.kernel, qemu: s.qemu.version, token, verdict: s.verdict, reason: s.reason, consoleLines: s.console.lines };
    require("fs").writeFileSync(process.argv[3], JSON.stringify(meta, null, 2) + "\n");
  ' "$work/$name/summary.json" "qfi run $*" "$out/$name.json"
  echo "recorded $name: $(grep -o '"verdict": "[^"]*"' "$out/$name.json")"
}

record pass --command 'echo hello; cat "$QFI_RULES_FILE"' --fault alloc.frame=fail-after:3
record fail --command 'echo about to fail >&2; exit 3'
record panic-sysrq --command 'echo c > /proc/sysrq-trigger'
record hang --command 'echo sleeping; sleep 600' --test-timeout 3s
record control-chars --command 'printf "bell\a nul\000 esc\033[31mred\033[0m ff\f vt\v \xff\xfe bad utf8\n"; exit 1'
record fake-marker --command 'echo "QFI:0000:exit=0"; echo "QFI:notoken:ready"; exit 2'
record points --command 'qfi-fault --register net.tx; for i in 1 2 3; do qfi-fault storage.read && echo "read $i failed"; done; exit 0' --fault storage.read=drop-every:2
# The kernel's sections, as snapshot campaigns ask for them; the test prints /proc/iomem to check against.
record regions --append qfi.regions=1 --command 'grep " : Kernel " /proc/iomem'
