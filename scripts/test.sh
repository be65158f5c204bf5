#!/usr/bin/env bash
# npm test: everything the tests need (install-deps --test --build), then vitest. On a warm
# machine the setup checks take about a second; on a fresh one they install packages (root or
# passwordless sudo) and fetch Debian's QEMU source tarball, which the QEMU build tests build
# from (once; then cached).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh --test --build >&2
QFI_QEMU_SOURCE=${QFI_QEMU_SOURCE:-$(bash scripts/fetch-qemu-source.sh)}
export QFI_QEMU_SOURCE
[ -f dist/cli.js ] || npm run bundle >&2
exec npx vitest run "$@"
