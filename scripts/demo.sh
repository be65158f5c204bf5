#!/usr/bin/env bash
# The demo: installs what is missing of the demo group (the system QEMU, qboot, xmllint: see
# src/provision/packages.json), boots the built-in guest with the rules in
# workflows-examples/qfi.toml, and prints the verdict and where the results are.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
[ -d node_modules ] || npm ci
node dist/cli.js run --config workflows-examples/qfi.toml --results-dir qfi-results "$@"
xmllint --noout --schema test/fixtures/schemas/junit-10-case-location.xsd qfi-results/junit.xml \
  && echo "demo: qfi-results/junit.xml validates against the JUnit schema (junit-10.xsd with testcase file and line)"
