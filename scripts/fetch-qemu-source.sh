#!/usr/bin/env bash
# Fetches Debian's QEMU source tarball (orig, +ds) for offline builds and for qfi's own tests:
# adds deb-src lines for trixie/sid (sources only: never binaries from them), then
# `apt-get source --download-only`. Prints the tarball's path.
#   bash scripts/fetch-qemu-source.sh [DEBIAN_VERSION]     default 1:10.2.2+ds-1
set -euo pipefail
version=${1:-1:10.2.2+ds-1}
upstream=${version#*:}; upstream=${upstream%-*}            # 10.2.2+ds
dest="${XDG_CACHE_HOME:-$HOME/.cache}/qfi/sources"
tarball="$dest/qemu_${upstream}.orig.tar.xz"
if [ -s "$tarball" ]; then echo "$tarball"; exit 0; fi

sudo=()
[ "$(id -u)" -eq 0 ] || sudo=(sudo -n)
src_list=/etc/apt/sources.list.d/qfi-deb-src.sources
# (no `| grep -q` under pipefail: an early grep exit would fail the pipeline)
known=$(apt-cache showsrc qemu 2>/dev/null | grep -c -x -F "Version: ${version}" || true)
if [ "$known" = 0 ]; then
  keyring=/usr/share/keyrings/debian-archive-keyring.gpg
  [ -f "$keyring" ] || { echo "fetch-qemu-source: $keyring is missing (apt-get install debian-archive-keyring): Debian's deb-src lines are signed with it" >&2; exit 1; }
  "${sudo[@]}" tee "$src_list" >/dev/null <<'SOURCES'
# qfi: QEMU source packages only (deb-src); binaries stay from the running release
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: trixie sid
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SOURCES
  "${sudo[@]}" apt-get update -q >&2
fi
mkdir -p "$dest"
work=$(mktemp -d)
(cd "$work" && apt-get source --download-only "qemu=${version}" >&2)
mv "$work/qemu_${upstream}.orig.tar.xz" "$tarball"
rm -rf "$work"
echo "$tarball"
