#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages qfi and its tests need, only those missing.
# Uses sudo when not root. Safe to run again: a warm machine installs nothing.
set -euo pipefail

packages=(
  qemu-system-x86   # qemu-system-x86_64 (system QEMU for rules that need no plugin)
  qemu-system-data  # qboot.rom: fast direct kernel boot
  busybox-static    # the built-in guest's userland
  libxml2-utils     # xmllint: tests validate junit.xml against the JUnit schema
  cpio              # tests read back the initramfs we write
  lz4               # tests check our LZ4 decoder against the real tool
  xz-utils
  zstd
)

if ! command -v dpkg-query >/dev/null || ! command -v apt-get >/dev/null; then
  echo "install-deps: not a Debian/Ubuntu system; install by hand: ${packages[*]}" >&2
  exit 1
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
# The built-in guest's kernel comes from `apt-get download`, which needs current package lists.
lists_ok=true
apt-cache show linux-image-cloud-amd64 >/dev/null 2>&1 || apt-cache show linux-image-virtual >/dev/null 2>&1 || lists_ok=false

if [ ${#missing[@]} -eq 0 ] && $lists_ok; then
  echo "install-deps: all packages present"
  exit 0
fi

sudo=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null && sudo -n true 2>/dev/null; then sudo=(sudo -n); else
    echo "install-deps: missing ${missing[*]:-package lists}; run as root or with passwordless sudo, or install them by hand" >&2
    exit 1
  fi
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -q
if [ ${#missing[@]} -gt 0 ]; then
  echo "install-deps: installing ${missing[*]}"
  "${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
fi
