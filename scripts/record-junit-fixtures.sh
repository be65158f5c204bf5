#!/usr/bin/env bash
# Records the JUnit files of real runs for the campaign merge tests: a two-scenario campaign on
# the built-in guest (one passes, one fails), each scenario's junit.xml copied to
# test/fixtures/junit/. Re-run after changing the JUnit writer.
set -euo pipefail
cd "$(dirname "$0")/.."
out=test/fixtures/junit
mkdir -p "$out"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
node dist/cli.js campaign --quiet --name junit-fixture --results-dir "$work" --seed 1 \
  --points storage.read --points storage.write \
  --command 'qfi-fault storage.write && exit 4; qfi-fault storage.read; exit 0' >/dev/null 2>&1 || true
for dir in "$work"/scenarios/*/; do
  id=$(basename "$dir")
  cp "$dir/junit.xml" "$out/$id.xml"
  echo "recorded $id: $(grep -o 'qfi.verdict" value="[^"]*"' "$out/$id.xml")"
done
