#!/usr/bin/env bash
# Records test/fixtures/traces/two-disks.log: QEMU's block trace of a real run with two disks,
# a read rule on one and a write rule on the other (parser fixture for run/block-trace.ts).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
node "$root/dist/cli.js" run --quiet --results-dir "$work/results" \
  --disks "id=data size=1M
id=logs size=1M" \
  --fault 'block.read[disk=data sectors=2-3]=fail' --fault 'block.write[disk=logs errno=ENOSPC]=drop-every:2' \
  --command 'dd if=/dev/qfi/data of=/dev/null bs=512 count=1 skip=1 iflag=direct; dd if=/dev/qfi/data of=/dev/null bs=512 count=1 skip=2 iflag=direct; for i in 0 1 2 3; do dd if=/dev/zero of=/dev/qfi/logs bs=512 count=1 seek=$i oflag=direct conv=notrunc; done; true' || true
# The images sit in a per-run private folder: name it /run/ so the fixture does not change with it.
sed -E "s#/tmp/qfi-[A-Za-z0-9]+/#/run/#g" "$work/results/block-trace.log" >"$root/test/fixtures/traces/two-disks.log"
cp "$work/results/injections.jsonl" "$root/test/fixtures/traces/two-disks.injections.jsonl"
echo "recorded test/fixtures/traces/two-disks.log ($(wc -l <"$root/test/fixtures/traces/two-disks.log") lines)"
