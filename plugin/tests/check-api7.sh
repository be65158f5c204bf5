#!/bin/sh
# Compile-checks qfi-fault against QEMU 11.1's qemu-plugin.h (plugin API 7) with the flags
# qfi builds it with. The header comes from ${XDG_CACHE_HOME:-$HOME/.cache}/qfi/sources/:
#   qemu-11.1-plugin-api7/qemu-plugin.h (with any headers it includes next to it), or,
#   when that is missing, include/plugins/qemu-plugin.h extracted from a QEMU 11.1 source
#   tarball there (qemu_11.1.*+ds.orig.tar.xz from Debian, or qemu-11.1.*.tar.xz) into it.
# Exit status: 0 compiled, 77 no header (skipped), anything else a failure.
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
sources=${XDG_CACHE_HOME:-$HOME/.cache}/qfi/sources
dir=$sources/qemu-11.1-plugin-api7
header=$dir/qemu-plugin.h

if [ ! -f "$header" ]; then
    for tarball in "$sources"/qemu_11.1.*.orig.tar.xz "$sources"/qemu-11.1.*.tar.xz; do
        [ -f "$tarball" ] || continue
        mkdir -p "$dir"
        if tar -xJf "$tarball" --wildcards -O '*/include/plugins/qemu-plugin.h' > "$header.tmp" &&
            [ -s "$header.tmp" ]; then
            mv "$header.tmp" "$header"
            echo "check-api7: extracted $header from $tarball"
            break
        fi
        rm -f "$header.tmp"
    done
fi
if [ ! -f "$header" ]; then
    echo "check-api7: skipped: no QEMU 11.1 plugin header at $header (and no 11.1 source tarball in $sources)"
    exit 77
fi
if ! grep -q '^#define QEMU_PLUGIN_VERSION 7$' "$header"; then
    echo "check-api7: $header does not define QEMU_PLUGIN_VERSION 7" >&2
    exit 1
fi
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
# shellcheck disable=SC2046
cc -shared -fPIC -O2 -Wall -Wextra -Werror -fvisibility=hidden -I"$dir" -I"$here" \
    $(pkg-config --cflags glib-2.0) "$here"/*.c -o "$out/qfi-fault.so"
echo "check-api7: qfi-fault compiles against $header"
