#!/usr/bin/env bash
# Records the fixtures the built-in guest's index tests read (test/fixtures/debian/) from the real
# producers: bookworm's InRelease as the mirror serves it (signed: the test checks it with gpgv),
# the stanzas of the guest's packages cut from the real amd64 and arm64 Packages.gz, and this Debian
# host's apt sources file.
#   bash scripts/record-debian-fixtures.sh [MIRROR]     default http://deb.debian.org/debian
set -euo pipefail
cd "$(dirname "$0")/.."
mirror=${1:-http://deb.debian.org/debian}
out=test/fixtures/debian
mkdir -p "$out"
curl -fsS -o "$out/bookworm-InRelease" "$mirror/dists/bookworm/InRelease"
for arch in amd64 arm64; do
  curl -fsS "$mirror/dists/bookworm/main/binary-$arch/Packages.gz" | gzip -dc > "$out/.Packages"
  image=$(awk -v meta="linux-image-cloud-$arch" '$0 == "Package: " meta {m=1} m && /^Depends:/ {sub(/^Depends: /, ""); sub(/ .*/, ""); print; exit}' "$out/.Packages")
  # The meta package, the image it names, busybox-static, and the busybox package next to it (a near name).
  awk -v names="linux-image-cloud-$arch $image busybox-static busybox" 'BEGIN {n = split(names, a, " "); for (i = 1; i <= n; i++) want["Package: " a[i]] = 1}
    /^Package: / {keep = ($0 in want)} keep {print} /^$/ {keep = 0}' "$out/.Packages" > "$out/bookworm-$arch-Packages-excerpt"
done
rm -f "$out/.Packages"
cp /etc/apt/sources.list.d/debian.sources "$out/host-debian.sources"
ls -l "$out"
